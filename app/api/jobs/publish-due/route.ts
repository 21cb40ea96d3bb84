import { publishDueArticles } from '@/db/writes/articles';
import { isValidJobToken, JOB_TOKEN_HEADER } from '@/lib/job-token';
import { articleTags, invalidate } from '@/lib/cache-tags';

export const dynamic = 'force-dynamic';

/**
 * Publishes scheduled articles whose time has come and refreshes their pages. Called every
 * few seconds by each server on itself (lib/publish-due-job.ts, started by instrumentation.ts),
 * and open to an external cron with the same token; several instances may call it at once —
 * the UPDATE … SKIP LOCKED hands each article to exactly one of them. A route rather than a
 * direct call from the timer: Next's revalidation works only inside a request (route handler or
 * server action).
 */
export async function POST(request: Request): Promise<Response> {
  if (!isValidJobToken(process.env.AUTH_SECRET ?? '', 'publish-due', request.headers.get(JOB_TOKEN_HEADER))) {
    return Response.json({ error: 'forbidden' }, { status: 403 });
  }
  try {
    const published = await publishDueArticles();
    for (const a of published) {
      invalidate(...articleTags({ slug: a.slug, sectionSlugs: [a.sectionSlug], tagSlugs: a.tagSlugs, authorSlugs: [a.authorSlug] }));
    }
    return Response.json({ published: published.map((a) => a.slug) }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json({ error: 'database unavailable' }, { status: 503 });
  }
}
