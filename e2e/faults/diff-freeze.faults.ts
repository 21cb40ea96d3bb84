// The revision comparison under attack (issue 13, item 2): a reporter saves an 8,000-word body,
// then an unrelated 8,000-word body, and opens the comparison of the two revisions. An unbounded
// word diff of that pair ran ~50 s on the main thread, and every reader waited as long. Here a
// reader fetches an article page in a loop before and while the comparison renders: its worst
// time during may be at most 5 × its worst time just before (same run, same machine), and the
// comparison itself answers within a bound.
import { afterAll, describe, expect, it } from 'vitest';
import { createAccount, editorForm, request, saveArticle, signIn, startSite, type Site } from './site';

const PORT = 3421;
const PG_PORT = 54369;
const WORDS = 8_000;
/**
 * The floor under "worst before": an ISR hit answers in a few milliseconds, and on a shared
 * 2-core machine a garbage collection or another process's burst alone costs tens of them, so
 * 5 × a 6 ms baseline would fail on noise. 50 ms × 5 = 250 ms still catches a freeze (the old
 * code held readers for tens of seconds) while tolerating the scheduler.
 */
const FLOOR_MS = 50;
/** The issue asks for under 1 s; doubled for a slow day on a shared machine. */
const COMPARISON_BOUND_MS = 2_000;

const VOCABULARY = [
  'người', 'dân', 'phường', 'quận', 'thành', 'phố', 'được', 'của', 'và', 'là', 'trong', 'những',
  'các', 'một', 'có', 'cho', 'với', 'đã', 'năm', 'ngày', 'ủy', 'ban', 'nhân', 'công', 'việc', 'xây',
  'dựng', 'đường', 'trường', 'học', 'sinh', 'bệnh', 'viện', 'kế', 'hoạch', 'triển', 'khai', 'dự', 'án',
];

/** An 8,000-word body in paragraphs of 80 words; another seed gives an unrelated text. */
function body(seed: number): string {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const paragraphs: string[] = [];
  for (let p = 0; p < WORDS / 80; p++) {
    const words: string[] = [];
    for (let w = 0; w < 80; w++) words.push(VOCABULARY[Math.floor(next() * VOCABULARY.length)] ?? 'và');
    paragraphs.push(`<p>${words.join(' ')}.</p>`);
  }
  return paragraphs.join('');
}

/** Fetches `path` one request after another until `stop()`; resolves with every time. */
function readerLoop(site: Site, path: string): { stop: () => Promise<number[]> } {
  const times: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const reply = await request(`${site.url}${path}`, { timeoutMs: 120_000 });
      if (reply.status !== 200) throw new Error(`the reader's page answered ${reply.status}`);
      times.push(reply.ms);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return times;
    },
  };
}

describe('revision comparison of two unrelated 8,000-word bodies', () => {
  let site: Site | undefined;
  afterAll(async () => {
    await site?.stop();
  });

  it('answers within a bound, and a reader is not held up meanwhile', async () => {
    site = await startSite({ port: PORT, pgPort: PG_PORT });
    const running = site;
    const [published] = await running.sql<{ slug: string }[]>`select slug from articles where status = 'published' order by published_at desc limit 1`;
    if (!published) throw new Error('no published article to read');
    const readerPath = `/bai-viet/${published.slug}`;

    const session = await signIn(running, await createAccount(running, 'reporter'));
    const form = await editorForm(running, session);
    const title = `So sánh phiên bản ${Date.now().toString(36)}`;
    const first = await saveArticle(running, session, form, { intent: 'draft', title, bodyHtml: body(1) });
    expect(first.outcome).toBe('acknowledged');
    const id = first.id as number;
    const [saved] = await running.sql<{ version: number }[]>`select version from articles where id = ${id}`;
    const second = await saveArticle(running, session, form, { id, version: saved?.version, intent: 'draft', title, bodyHtml: body(2) });
    expect(second.outcome).toBe('acknowledged');
    const [oldest] = await running.sql<{ id: number }[]>`select id from article_revisions where article_id = ${id} order by version asc limit 1`;
    const comparison = `/dashboard/articles/${id}/revisions?xem=${oldest?.id}`;

    // Warm both routes (the first render of a route loads its code), then the baseline.
    expect((await request(`${running.url}/dashboard/articles/${id}/revisions`, { headers: { Cookie: session } })).status).toBe(200);
    for (let i = 0; i < 5; i++) await request(`${running.url}${readerPath}`);
    const before = readerLoop(running, readerPath);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const beforeTimes = await before.stop();

    const during = readerLoop(running, readerPath);
    // Let the reader be under way before the comparison starts.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const page = await request(`${running.url}${comparison}`, { headers: { Cookie: session }, timeoutMs: 180_000 });
    // A little after the answer too: rendering may finish after the first bytes are sent.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const duringTimes = await during.stop();

    const worstBefore = Math.max(...beforeTimes);
    const worstDuring = Math.max(...duringTimes);
    const allowed = 5 * Math.max(worstBefore, FLOOR_MS);
    console.log(
      `revision diff: comparison ${page.status} in ${page.ms.toFixed(0)} ms (${(page.body.length / 1024).toFixed(0)} KB); ` +
        `reader worst before ${worstBefore.toFixed(1)} ms (${beforeTimes.length} requests), ` +
        `during ${worstDuring.toFixed(1)} ms (${duringTimes.length} requests); ratio ${(worstDuring / worstBefore).toFixed(1)}×, allowed ${allowed.toFixed(0)} ms`,
    );
    expect(page.status).toBe(200);
    expect(page.body).toContain('Khác biệt so với bản hiện tại');
    // Too different to compare word by word: said so, and both versions shown whole.
    expect(page.body).toContain('khác nhau quá nhiều để so sánh từng từ');
    expect(page.ms).toBeLessThan(COMPARISON_BOUND_MS);
    expect(worstDuring).toBeLessThanOrEqual(allowed);
  });
});
