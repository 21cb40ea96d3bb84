import { z } from 'zod';
import { recordArticleView } from '@/db/writes/views';
import { isBot } from '@/lib/bots';

export const dynamic = 'force-dynamic';

const ViewSchema = z.object({ articleId: z.coerce.number().int().positive().max(2_147_483_647) });

// A transparent 1×1 GIF for readers without JavaScript (the <noscript> pixel).
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const NO_STORE = { 'Cache-Control': 'no-store' };

async function count(request: Request, input: unknown): Promise<number> {
  const parsed = ViewSchema.safeParse(input);
  if (!parsed.success) return 400;
  if (isBot(request.headers.get('user-agent'))) return 202;
  try {
    return (await recordArticleView(parsed.data.articleId)) ? 202 : 404;
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
