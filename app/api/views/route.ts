import { z } from 'zod';
import { pruneViewsAndLimits, recordArticleView } from '@/db/writes/views';
import { addressHash, readerHash } from '@/lib/address-hash';
import { isBot } from '@/lib/bots';
import { clientIp } from '@/lib/client-ip';
import { idSchema } from '@/lib/validation';

export const dynamic = 'force-dynamic';

const ViewSchema = z.object({ articleId: idSchema() });

// A transparent 1×1 GIF for readers without JavaScript (the <noscript> pixel).
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const NO_STORE = { 'Cache-Control': 'no-store' };

async function count(request: Request, input: unknown): Promise<number> {
  const parsed = ViewSchema.safeParse(input);
  if (!parsed.success) return 400;
  const userAgent = request.headers.get('user-agent') ?? '';
  if (isBot(userAgent)) return 202;
  // A reader is counted once per article per window: keyed hashes, never the address itself.
  const secret = process.env.AUTH_SECRET ?? '';
  const ip = clientIp(request.headers);
  try {
    const outcome = await recordArticleView(parsed.data.articleId, { readerHash: readerHash(ip, userAgent, secret), addressHash: addressHash(ip, secret) });
    // Housekeeping now and then: readers past the window and old limit hits are useless.
    if (Math.random() < 0.01) void pruneViewsAndLimits().catch(() => {});
    return outcome === 'unknown-article' ? 404 : outcome === 'limited' ? 429 : 202;
  } catch {
    // Counting is best effort; a reader's page must never see this fail.
    return 503;
  }
}

/** The beacon: `{ "articleId": 12 }`. */
export async function POST(request: Request): Promise<Response> {
  const text = await request.text().catch(() => '');
  let body: unknown = null;
  if (text.length <= 200) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  return new Response(null, { status: await count(request, body), headers: NO_STORE });
}

/** The no-JavaScript pixel: `/api/views?articleId=12`. */
export async function GET(request: Request): Promise<Response> {
  const articleId = new URL(request.url).searchParams.get('articleId');
  await count(request, { articleId });
  return new Response(PIXEL, { status: 200, headers: { ...NO_STORE, 'Content-Type': 'image/gif' } });
}
