// Hostile input: thousands of generated malformed requests against the comment action, the
// sign-in action, search (and the paged and slugged public routes) and the article editor's
// action. Not one may answer 5xx or show a stack trace, bodies over the limit get 413, and
// nothing any of them sent may be stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commentTargets,
  cookiesOf,
  createAccount,
  editorForm,
  encodeReply,
  hiddenFields,
  leaksInternals,
  multipart,
  nextAddress,
  request,
  saveArticle,
  signIn,
  startSite,
  THANK_YOU,
  CAPTCHA_CODE,
  type Reply,
  type Site,
} from './site';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const CONCURRENCY = 8;

/** mulberry32: small, seeded, good enough to pick mutations reproducibly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

type Case = {
  target: 'comment' | 'sign-in' | 'search' | 'editor';
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Extra check on the reply; returns a complaint or null. */
  check?: (reply: Reply) => string | null;
};

const PUBLIC_LIMIT = 128 * 1024;
const DASHBOARD_LIMIT = 11 * 1024 * 1024;

const NASTY_STRINGS = [
  '\u0000',
  'a\u0000b',
  "' or 1=1 --",
  '"; drop table comments; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00',
  '${7*7}{{7*7}}',
  '\u202e\u200f\ufeff',
  '𝕳𝖊𝖑𝖑𝖔 🚀🇻🇳',
  'Tiếng Việt có dấu',
  '\r\n\r\nHTTP/1.1 200 OK',
  ' '.repeat(50),
  '\t\n\u000b\f\r',
];

/** A multipart body assembled by hand, so that field bytes may be anything (invalid UTF-8 too). */
function rawMultipart(fields: [string, Buffer | string][], boundary = `----fuzz${int(1e5, 9e5)}`): { body: Buffer; contentType: string } {
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), Buffer.from(value), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const INVALID_UTF8 = [Buffer.from([0xc3, 0x28]), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from([0xe2, 0x82]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80])];

/**
 * The malformed variants of one form post. `form` is the page's own hidden action fields,
 * `fields` a set of visible fields that is already invalid by itself (so that nothing could
 * be stored even if the malformation were ignored): `invalid` names that field.
 */
async function formMutations(
  target: Case['target'],
  path: string,
  form: [string, string][],
  fields: [string, string][],
  invalid: string,
  headers: Record<string, string>,
  limit: number,
): Promise<Case[]> {
  const all: [string, string][] = [...form, ...fields];
  const cases: Case[] = [];
  const add = (kind: string, body: Buffer | string, contentType: string | undefined, extra: Record<string, string> = {}, check?: Case['check']) =>
    cases.push({
      target,
      kind,
      method: 'POST',
      path,
      headers: { ...headers, ...(contentType ? { 'Content-Type': contentType } : {}), 'X-Forwarded-For': nextAddress(), ...extra },
      body,
      check,
    });
  // Mutations leave the field that makes the input invalid alone, so it stays invalid.
  const visible = fields.map(([name]) => name).filter((name) => name !== invalid);
  const expect413 = (reply: Reply) => (reply.status === 413 ? null : `expected 413, got ${reply.status}`);
  const expect4xx = (reply: Reply) => (reply.status >= 400 && reply.status < 500 ? null : `expected a 4xx, got ${reply.status}`);

  // Oversized fields, under the body limit: the action's own field errors.
  {
    const name = pick(visible);
    const { body, contentType } = await multipart(all.map(([k, v]) => [k, k === name ? 'x'.repeat(int(1_000, 60_000)) : v]));
    add('oversized-field', body, contentType);
  }
  // Over the limit: 413, whether the length is declared or the body is chunked.
  {
    const { body, contentType } = await multipart([...all, ['padding', 'y'.repeat(limit + int(1, 4096))]]);
    add('over-limit', body, contentType, {}, expect413);
  }
  // NUL bytes and strings that are hostile elsewhere.
  {
    const name = pick(visible);
    const { body, contentType } = await multipart(all.map(([k, v]) => [k, k === name ? `${v}${pick(NASTY_STRINGS)}\u0000${pick(NASTY_STRINGS)}` : v]));
    add('nul-byte', body, contentType);
  }
  {
    const name = pick(visible);
    const { body, contentType } = await multipart(all.map(([k, v]) => [k, k === name ? pick(NASTY_STRINGS) : v]));
    add('nasty-string', body, contentType);
  }
  // Invalid UTF-8 in a value or in a field name.
  {
    const name = pick(visible);
    const { body, contentType } = rawMultipart(all.map(([k, v]) => [k, k === name ? Buffer.concat([Buffer.from(v), pick(INVALID_UTF8)]) : v]));
    add('invalid-utf8', body, contentType);
  }
  {
    const { body, contentType } = rawMultipart([...all, [`bad${pick(INVALID_UTF8).toString('latin1')}`, 'x']]);
    add('invalid-utf8-name', body, contentType);
  }
  // Thousands of fields.
  {
    const extra = Array.from({ length: int(600, 4000) }, (_, i): [string, string] => [`f${i}`, 'x']);
    const { body, contentType } = await multipart([...all, ...extra]);
    add('thousands-of-fields', body, contentType);
  }
  // The right body with the wrong content type, and the form urlencoded.
  {
    const { body } = await multipart(all);
    add('wrong-content-type', body, pick(['application/json', 'text/plain', 'application/xml', 'application/octet-stream', 'text/html; charset=utf-8', 'multipart/mixed']));
    add('no-content-type', body, undefined);
    const urlencoded = new URLSearchParams(all).toString();
    add('urlencoded', urlencoded, 'application/x-www-form-urlencoded');
    add('urlencoded-bad-escape', `${urlencoded}&x=${pick(['%00', '%FF', '%C3%28', '%', '%zz', '%E2%82'])}`, 'application/x-www-form-urlencoded');
    add('json-body', JSON.stringify(Object.fromEntries(all)), 'application/json');
  }
  // Broken multipart.
  {
    const { body, contentType } = await multipart(all);
    add('truncated-multipart', body.subarray(0, int(1, body.length - 1)), contentType);
    add('wrong-boundary', body, 'multipart/form-data; boundary=not-the-boundary');
    add('no-boundary', body, 'multipart/form-data');
    const text = body.toString('latin1');
    add('no-closing-boundary', Buffer.from(text.slice(0, text.lastIndexOf('--')), 'latin1'), contentType);
    add('garbled-headers', Buffer.from(text.replace(/Content-Disposition: form-data; name="/g, 'Content-Disposition: form-data; nam="'), 'latin1'), contentType);
    const bytes = Buffer.from(body);
    for (let i = 0; i < 20; i++) bytes[int(0, bytes.length - 1)] = int(0, 255);
    add('flipped-bytes', bytes, contentType);
  }
  // The action fields themselves. Next decodes them (the guard does not know React's
  // encoding); what it cannot decode is answered 400 by the launcher (request-guard.ts).
  {
    const mangle = (value: string) => pick([value.slice(0, int(0, value.length)), '{', '[1,', 'null', '{"id":"0000","bound":"$@1"}', '{"id":1e999}', '"\\u0000"', '[]']);
    const { body, contentType } = await multipart(all.map(([k, v]) => [k, /^\$ACTION_\d+:/.test(k) || k === '$ACTION_KEY' ? mangle(v) : v]));
    add('mangled-action-fields', body, contentType);
    const { body: unknownId, contentType: ct2 } = await multipart([[`$ACTION_ID_${'ab'.repeat(21)}`, ''], ...fields]);
    add('unknown-action-id', unknownId, ct2);
    const actionId = /"id":"([0-9a-f]+)"/.exec(form.find(([k]) => /^\$ACTION_\d+:0$/.test(k))?.[1] ?? '')?.[1] ?? '00';
    add('fetch-action-garbage', pick(['garbage[', '{"a":', '\u0000', '[1,{},"$Q', '"$@999"', '']), 'text/plain;charset=UTF-8', { 'Next-Action': actionId }, expect4xx);
    add('fetch-action-unknown', '[]', 'text/plain;charset=UTF-8', { 'Next-Action': 'f'.repeat(42) });
    const { body: rows, contentType: ct3 } = await multipart([['0', pick(['{', '[1,{},', 'null'])], ['1_name', 'x']]);
    add('fetch-action-multipart-garbage', rows, ct3, { 'Next-Action': actionId }, expect4xx);
    // The action id intact, its bound arguments (or previous state) undecodable: this reaches
    // React's decodeAction, which fails, rather than Next's check of the id.
    if (all.some(([k]) => /^\$ACTION_\d+:[1-9]\d*$/.test(k))) {
      const garbage = pick(['{', '[1,', '"$@5"', '[1,"$Q"]', `${'['.repeat(int(20_000, 40_000))}`]);
      const { body: bound, contentType: ct4 } = await multipart(all.map(([k, v]) => [k, /^\$ACTION_\d+:[1-9]\d*$/.test(k) ? garbage : v]));
      add('undecodable-bound-arguments', bound, ct4, {}, expect4xx);
    }
  }
  return cases;
}

/** Public GET routes with hostile queries, page numbers and slugs. */
function routeCases(sectionSlug: string, articleSlug: string): Case[] {
  const cases: Case[] = [];
  const add = (kind: string, path: string) => cases.push({ target: 'search', kind, method: 'GET', path, headers: { 'X-Forwarded-For': nextAddress() } });
  const queries = [
    '%00',
    'a%00b',
    '%FF%FE',
    '%C3%28',
    '%E2%82',
    '%',
    '%zz',
    encodeURIComponent("' or 1=1 --"),
    encodeURIComponent('.*+?()[{\\|^$'),
    encodeURIComponent('<script>alert(1)</script>'),
    encodeURIComponent('Hà Nội'),
    encodeURIComponent('ha noi'),
    encodeURIComponent('&&& ||| !!! :* <-> '),
    'x'.repeat(2_000),
    encodeURIComponent('Tiếng Việt '.repeat(100)),
    '',
    '+++',
    encodeURIComponent('\u202e\ufeff'),
  ];
  const pages = ['-1', '0', '-99999999999999999999', '99999999999999999999', '1e309', 'NaN', 'abc', '1.5', '%00', '%FF', '2147483648', ' 2', '0x10', '١'];
  const slugs = ['..', '../..', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%2e%2e%2f', 'a%00b', '%00', '%FF', '%C3%28', 'x'.repeat(400), 'UPPER-Case', "it's", '%252e%252e', '....//', '%5C..%5C'];
  for (const q of queries) {
    add('search-query', `/tim-kiem?q=${q}`);
    add('search-query-paged', `/tim-kiem?q=${q}&trang=${pick(pages)}`);
    add('search-repeated', `/tim-kiem?q=${q}&q=${q}&q[]=1`);
  }
  for (const page of pages) {
    add('section-page-query', `/chuyen-muc/${sectionSlug}?trang=${page}`);
    add('section-page-route', `/chuyen-muc/${sectionSlug}/trang/${page}`);
    add('home-page-query', `/?trang=${page}`);
    add('search-page', `/tim-kiem?q=tin&trang=${page}`);
  }
  for (const slug of slugs) {
    for (const prefix of ['/bai-viet/', '/chuyen-muc/', '/the/', '/tac-gia/']) add('hostile-slug', `${prefix}${slug}`);
    add('hostile-slug-rss', `/chuyen-muc/${slug}/rss.xml`);
    add('hostile-slug-paged', `/chuyen-muc/${slug}/trang/2`);
  }
  add('article-query-junk', `/bai-viet/${articleSlug}?trang=%00&q=%FF`);
  add('view-beacon-get', `/api/views?id=%00`);
  return cases;
}

/** Ids outside a PostgreSQL integer, or not written as one: as a form sends them, and as JSON. */
const HUGE_IDS = ['2147483648', '9007199254740992', '1e400', '-1', '01', ' 1'];
const HUGE_JSON_IDS = ['2147483648', '9007199254740992', '1e400', '-1', '"01"', '" 1"'];
/**
 * Deep arrays, well-formed and unclosed: JSON that overflows any recursive walk of it. 100,000
 * levels where a signed-in editor may send 11 MB; 60,000 (120 KB) on public paths, so that the
 * 128 KB body limit does not answer for the parser.
 */
const nestedJson = (levels: number) => ['['.repeat(levels) + ']'.repeat(levels), '['.repeat(levels)];

/** The hidden fields of every POST form of a page that posts to a server action and has a `containing` control. */
function actionForms(html: string, containing: string): [string, string][][] {
  return [...html.matchAll(/<form[^>]*method="POST"[^>]*>([\s\S]*?)<\/form>/gi)]
    .map((match) => match[1] ?? '')
    .filter((inner) => inner.includes(`name="${containing}"`))
    .map((inner) =>
      [...inner.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map((tag): [string, string] => [
        decode(/name="([^"]*)"/.exec(tag[0])?.[1] ?? ''),
        decode(/value="([^"]*)"/.exec(tag[0])?.[1] ?? ''),
      ]),
    )
    .filter((fields) => fields.some(([name]) => name.startsWith('$ACTION')));
}
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('fuzz: malformed requests against the comment, sign-in, search and editor paths', () => {
  let site: Site;
  const tables = ['comments', 'articles', 'article_revisions', 'users', 'media', 'tags', 'sections', 'article_tags'];
  let before: Record<string, number>;

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of tables) {
      const [row] = await site.sql<{ n: number }[]>`select count(*)::int as n from ${site.sql(table)}`;
      result[table] = row?.n ?? -1;
    }
    return result;
  }

  beforeAll(async () => {
    site = await startSite({ port: 3410, pgPort: 54369 });
  });
  afterAll(async () => {
    await site?.stop();
  });

  it(`survives at least 2,000 generated malformed requests (seed ${SEED})`, async () => {
    const editor = await createAccount(site, 'editor');
    const session = await signIn(site, editor);
    before = await counts();

    const [target] = await commentTargets(site, 1);
    if (!target) throw new Error('no published article');
    const loginPage = await request(`${site.url}/login`);
    const loginForm = hiddenFields(loginPage.body, 'email');
    const editorActions = await editorForm(site, session);
    const [section] = await site.sql<{ slug: string }[]>`select slug from sections order by position limit 1`;
    const articleSlug = target.path.split('/').pop() ?? '';

    const cases: Case[] = [];
    // Comment: every variant carries at least one field that is invalid on its own.
    const invalidComment = (): { fields: [string, string][]; invalid: string } => {
      const which = int(0, 4);
      const fields: [string, string][] = [
        ['name', which === 0 ? '' : 'Người đọc'],
        ['phone', which === 1 ? pick(['abc', '123', '+84', '0'.repeat(31)]) : ''],
        ['title', which === 2 ? ' '.repeat(int(0, 5)) : 'Tiêu đề'],
        ['content', which === 3 ? 'n'.repeat(5_001) : which === 4 ? '' : 'Nội dung'],
        ['captcha', pick([CAPTCHA_CODE, 'SAI', ''])],
      ];
      return { fields, invalid: ['name', 'phone', 'title', 'content', 'content'][which] as string };
    };
    while (cases.filter((c) => c.target === 'comment').length < 700) {
      const { fields, invalid } = invalidComment();
      cases.push(...(await formMutations('comment', target.path, target.form, fields, invalid, {}, PUBLIC_LIMIT)));
    }
    // The comment action's own validation, reached with a fresh security code.
    for (let i = 0; i < 60; i++) {
      const address = nextAddress();
      const captcha = await request(`${site.url}/api/captcha`, { headers: { 'X-Forwarded-For': address } });
      const { body, contentType } = await multipart([...target.form, ...invalidComment().fields.filter(([k]) => k !== 'captcha'), ['captcha', CAPTCHA_CODE]]);
      cases.push({
        target: 'comment',
        kind: 'invalid-fields-fresh-code',
        method: 'POST',
        path: target.path,
        headers: { 'Content-Type': contentType, Cookie: cookiesOf(captcha), 'X-Forwarded-For': address },
        body,
        check: (reply) => (reply.body.includes(THANK_YOU) ? 'an invalid comment was acknowledged' : null),
      });
    }
    // Sign-in: wrong or malformed credentials; a session cookie must never come back.
    const noSession = (reply: Reply) => (cookiesOf(reply).includes('session-token') ? 'a session was issued' : null);
    while (cases.filter((c) => c.target === 'sign-in').length < 450) {
      const fields: [string, string][] = [
        ['email', pick([editor.email.toUpperCase() + '\u0000', "' or 1=1 --", 'x'.repeat(300), `${editor.email} `, '', 'khong-phai-email'])],
        ['password', pick(['', 'sai mat khau', 'p'.repeat(200), editor.password + 'x', "' or '1'='1"])],
        ['next', pick(['', '//evil.example', 'https://evil.example/dashboard', '/dashboard/../../etc', 'javascript:alert(1)'])],
      ];
      const variants = await formMutations('sign-in', '/login', loginForm.filter(([k]) => k.startsWith('$ACTION')), fields, 'password', {}, PUBLIC_LIMIT);
      cases.push(...variants.map((c) => ({ ...c, check: (reply: Reply) => noSession(reply) ?? c.check?.(reply) ?? null })));
    }
    // Search and the public routes.
    while (cases.filter((c) => c.target === 'search').length < 500) cases.push(...routeCases(section?.slug ?? 'thoi-su', articleSlug));
    // The editor's action, signed in: every variant is invalid (no title, a bad intent, a missing section…).
    const invalidArticle = (): { fields: [string, string][]; invalid: string } => {
      const which = int(0, 7);
      const fields: [string, string][] = [
        ['id', which === 0 ? pick(['-1', 'abc', '999999999', '1e3', '../1']) : ''],
        ['version', which === 1 ? pick(['-5', '9999999999', 'x']) : ''],
        ['intent', which === 2 ? pick(['delete', 'PUBLISH', '', 'publish\u0000']) : pick(['draft', 'review'])],
        ['title', which === 3 ? pick(['', '   ', 't'.repeat(301)]) : 'Bài kiểm thử'],
        ['slug', which === 4 ? pick(['----', '!!!', 's'.repeat(201)]) : ''],
        ['lead', ''],
        ['bodyHtml', '<p>Nội dung</p>'],
        ['sectionId', which === 5 ? pick(['999999999', '-1', '../', '1; drop table articles']) : ''],
        ['tags', which === 6 ? pick(['t'.repeat(1001), Array.from({ length: 25 }, (_, i) => `the${i}`).join(','), `${'t'.repeat(61)},a`]) : ''],
        ['authorName', ''],
        ['coverMediaId', ''],
        ['coverAlt', ''],
        ['publishedAt', which === 7 ? pick(['2026-13-45T25:61', 'hôm qua', '0000-00-00T00:00', '9'.repeat(40)]) : ''],
      ];
      return { fields, invalid: ['id', 'version', 'intent', 'title', 'slug', 'sectionId', 'tags', 'publishedAt'][which] as string };
    };
    while (cases.filter((c) => c.target === 'editor').length < 450) {
      const { fields, invalid } = invalidArticle();
      cases.push(...(await formMutations('editor', '/dashboard/articles/new', editorActions, fields, invalid, { Cookie: session }, DASHBOARD_LIMIT)));
    }

    expect(cases.length).toBeGreaterThanOrEqual(2_000);
    const failures: string[] = [];
    const tally = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const item = cases[next++] as Case;
        let reply: Reply;
        try {
          reply = await request(`${site.url}${item.path}`, { method: item.method, headers: item.headers, body: item.body, timeoutMs: 30_000 });
        } catch (error) {
          failures.push(`${item.target}/${item.kind} ${item.method} ${item.path.slice(0, 80)}: connection error ${(error as Error).message}`);
          continue;
        }
        const location = String(reply.headers.location ?? '').replace(/^https?:\/\/[^/]+/, '').split('?')[0];
        const key = `${item.target} ${reply.status}${location ? ` → ${location}` : ''}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
        const complaint =
          (reply.status >= 500 ? `status ${reply.status}` : null) ??
          (leaksInternals(reply.body) ? `leaks internals: ${leaksInternals(reply.body)}` : null) ??
          item.check?.(reply) ??
          (item.target === 'editor' && /da-luu=/.test(String(reply.headers.location ?? '')) ? 'an invalid article was saved' : null) ??
          (item.target === 'comment' && reply.body.includes(THANK_YOU) ? 'an invalid comment was acknowledged' : null);
        if (complaint) failures.push(`${item.target}/${item.kind} ${item.method} ${item.path.slice(0, 80)}: ${complaint}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    console.log(`fuzz: ${cases.length} requests (seed ${SEED}); replies by target and status:`);
    console.log([...tally].sort().map(([key, n]) => `  ${key}: ${n}`).join('\n'));
    expect(failures, failures.slice(0, 30).join('\n')).toEqual([]);
    expect(await counts()).toEqual(before);
    expect(site.output()).not.toMatch(/request failed/);
    // Next logs a body it could not decode as a multi-line error quoting the body; the launcher
    // makes that one line per request, naming only the error class.
    expect(site.output()).toMatch(/\[newsroom\] 400 \/\S*: a server-action request Next could not decode \((SyntaxError|RangeError|TypeError|Error)\)/);
    expect(site.output()).not.toMatch(/⨯ \w*Error: /);
  });
  it('answers ids beyond PostgreSQL integers in every action, page and route that takes one with a 4xx or a field error, never a 5xx', async () => {
    const editor = await createAccount(site, 'editor');
    const session = await signIn(site, editor);
    // An article of the editor's own with two revisions, so its revisions page has restore forms.
    const first = await saveArticle(site, session, await editorForm(site, session), { intent: 'draft', title: `Bài có phiên bản ${Date.now()}` });
    if (!first.id) throw new Error(`could not save an article: ${first.status}`);
    await saveArticle(site, session, await editorForm(site, session), { id: first.id, version: 1, intent: 'draft', title: 'Bài có phiên bản, bản hai' });
    const [target] = await commentTargets(site, 1);
    if (!target) throw new Error('no published article');

    const cases: Case[] = [];
    const post = (target: Case['target'], kind: string, path: string, fields: [string, string][], headers: Record<string, string>) =>
      multipart(fields).then(({ body, contentType }) =>
        cases.push({ target, kind, method: 'POST', path, headers: { ...headers, 'Content-Type': contentType, 'X-Forwarded-For': headers['X-Forwarded-For'] ?? nextAddress() }, body }),
      );
    const signedIn = { Cookie: session };

    // The comment action: its article id is a bound argument, which travels as plain JSON.
    const field = (name: string) => target.form.find(([key]) => key === name)?.[1] ?? '';
    const { id: commentAction } = JSON.parse(field('$ACTION_1:0')) as { id: string };
    const comment: [string, string][] = [
      ['name', 'Người đọc'],
      ['phone', ''],
      ['title', 'Ý kiến'],
      ['content', 'Nội dung hợp lệ'],
      ['captcha', CAPTCHA_CODE],
      ['consent', '1'],
      ['policyVersion', field('policyVersion')],
    ];
    for (const id of HUGE_JSON_IDS) {
      // A fresh security code each time, so that only the id stands between the post and SQL.
      const address = nextAddress();
      const captcha = await request(`${site.url}/api/captcha`, { headers: { 'X-Forwarded-For': address } });
      const headers = { Cookie: cookiesOf(captcha), 'X-Forwarded-For': address };
      const bound = target.form.map(([k, v]): [string, string] => [k, k === '$ACTION_1:1' ? `[${id},${JSON.stringify(JSON.parse(v)[1] ?? {})}]` : v]);
      await post('comment', 'huge-bound-id', target.path, [...bound, ...comment], headers);
      const again = await request(`${site.url}/api/captcha`, { headers: { 'X-Forwarded-For': address } });
      const form = new FormData();
      for (const [name, value] of comment) form.append(name, value);
      const encoded = new Request('http://localhost/', { method: 'POST', body: (await encodeReply([JSON.parse(id), {}, form])) as FormData });
      cases.push({
        target: 'comment',
        kind: 'huge-bound-id-fetch',
        method: 'POST',
        path: target.path,
        headers: { 'Next-Action': commentAction, Accept: 'text/x-component', 'Content-Type': encoded.headers.get('content-type') ?? '', Cookie: cookiesOf(again), 'X-Forwarded-For': address },
        body: Buffer.from(await encoded.arrayBuffer()),
      });
    }

    // The editor's actions: save (id, version, section, cover image), and restore (article, revision, version).
    const editorActions = await editorForm(site, session);
    const article: [string, string][] = [
      ['intent', 'draft'], ['title', 'Bài kiểm thử mã'], ['slug', ''], ['lead', ''], ['bodyHtml', '<p>Nội dung</p>'], ['tags', ''], ['authorName', ''], ['coverAlt', ''], ['publishedAt', ''],
    ];
    const [oldest] = await site.sql<{ id: number }[]>`select id from article_revisions where article_id = ${first.id} order by version limit 1`;
    const revisions = await request(`${site.url}/dashboard/articles/${first.id}/revisions?xem=${oldest?.id}`, { headers: signedIn });
    if (revisions.status !== 200) throw new Error(`revisions page answered ${revisions.status}`);
    const restore = actionForms(revisions.body, 'revisionId')[0];
    if (!restore) throw new Error('no restore form on the revisions page');
    // Sections and tags: rename, move and delete, each a form with an id.
    const taxonomy = await request(`${site.url}/dashboard/taxonomy`, { headers: signedIn });
    const taxonomyForms = actionForms(taxonomy.body, 'id');
    if (taxonomyForms.length < 3) throw new Error(`expected the taxonomy forms, found ${taxonomyForms.length}`);
    // A pending comment, so that the moderation queue shows its form (the buttons are named "op").
    await site.sql`insert into comments (article_id, name, title, content, ip_hash) values (${target.id}, 'Độc giả', 'Chờ duyệt', 'Nội dung', 'fuzz')`;
    const moderation = actionForms((await request(`${site.url}/dashboard/comments`, { headers: signedIn })).body, 'op')[0];
    if (!moderation) throw new Error('no moderation form');
    for (const id of HUGE_IDS) {
      for (const name of ['id', 'version', 'sectionId', 'coverMediaId']) {
        const ids = { id: String(first.id), version: '2', sectionId: '', coverMediaId: '', [name]: id };
        await post('editor', `huge-${name}`, '/dashboard/articles/new', [...editorActions, ...article, ...Object.entries(ids)], signedIn);
      }
      for (const name of ['articleId', 'revisionId', 'version']) {
        await post('editor', `restore-huge-${name}`, `/dashboard/articles/${first.id}/revisions`, restore.map(([k, v]): [string, string] => [k, k === name ? id : v]), signedIn);
      }
      for (const form of taxonomyForms) {
        const fields = form.map(([k, v]): [string, string] => [k, k === 'id' ? id : v]);
        await post('editor', 'taxonomy-huge-id', '/dashboard/taxonomy', [...fields, ['name', 'Tên'], ['slug', ''], ['description', ''], ['direction', 'up']], signedIn);
      }
      // Comment ids are bigserial: 2^31 is a fine one, 2^53 is not.
      if (id !== '2147483648') {
        await post('editor', 'moderate-huge-id', '/dashboard/comments', [...moderation, ['op', `approve:${id}`]], signedIn);
        await post('editor', 'moderate-huge-ids', '/dashboard/comments', [...moderation, ['op', 'approve:selected'], ['ids', id]], signedIn);
      }
    }

    // Ids in addresses and query strings.
    for (const id of HUGE_IDS) {
      const q = encodeURIComponent(id);
      const get = (target: Case['target'], kind: string, path: string, headers: Record<string, string> = {}) =>
        cases.push({ target, kind, method: 'GET', path, headers: { ...headers, 'X-Forwarded-For': nextAddress() } });
      get('editor', 'article-page', `/dashboard/articles/${q}`, signedIn);
      get('editor', 'revisions-page', `/dashboard/articles/${q}/revisions`, signedIn);
      get('editor', 'revision-shown', `/dashboard/articles/${first.id}/revisions?xem=${q}`, signedIn);
      get('editor', 'comments-filter', `/dashboard/comments?bai=${q}`, signedIn);
      get('editor', 'preview', `/api/preview?id=${q}`, signedIn);
      get('search', 'view-pixel', `/api/views?articleId=${q}`);
    }
    for (const id of HUGE_JSON_IDS) {
      cases.push({ target: 'search', kind: 'view-beacon', method: 'POST', path: '/api/views', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': nextAddress() }, body: `{"articleId":${id}}` });
    }

    const before = await counts();
    const failures: string[] = [];
    const tally = new Map<string, number>();
    for (const item of cases) {
      const reply = await request(`${site.url}${item.path}`, { method: item.method, headers: item.headers, body: item.body, timeoutMs: 30_000 });
      tally.set(`${item.kind} ${reply.status}`, (tally.get(`${item.kind} ${reply.status}`) ?? 0) + 1);
      const complaint =
        (reply.status >= 500 ? `status ${reply.status}` : null) ??
        (leaksInternals(reply.body) ? `leaks internals: ${leaksInternals(reply.body)}` : null) ??
        (/da-luu=/.test(String(reply.headers.location ?? '')) ? 'an article was saved' : null) ??
        (reply.body.includes(THANK_YOU) ? 'a comment was acknowledged' : null) ??
        // An action's success message (pages themselves name statuses such as "Đã duyệt").
        (item.method === 'POST' && /form-message--ok[^>]*>[^<]*Đã (duyệt|lưu|đổi thứ tự|xóa)|"ok":true/.test(reply.body) ? 'an action reported success' : null);
      if (complaint) failures.push(`${item.target}/${item.kind} ${item.method} ${item.path.slice(0, 80)}: ${complaint}`);
    }
    console.log(`fuzz, huge ids: ${cases.length} requests; replies by kind and status:`);
    console.log([...tally].sort().map(([key, n]) => `  ${key}: ${n}`).join('\n'));
    expect(failures, failures.slice(0, 30).join('\n')).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('answers 100,000 levels of nested JSON in a server action body with a 4xx, fetch-style and as a no-JS form field', async () => {
    const editor = await createAccount(site, 'editor');
    const session = await signIn(site, editor);
    const [target] = await commentTargets(site, 1);
    if (!target) throw new Error('no published article');
    const editorActions = await editorForm(site, session);
    const actionId = (form: [string, string][]) => (JSON.parse(form.find(([k]) => /^\$ACTION_\d+:0$/.test(k))?.[1] ?? '{}') as { id?: string }).id ?? '';
    const cases: { kind: string; path: string; headers: Record<string, string>; body: Buffer | string }[] = [];
    for (const [where, path, form, headers, levels] of [
      ['comment', target.path, target.form, {}, 60_000],
      ['editor', '/dashboard/articles/new', editorActions, { Cookie: session }, 100_000],
    ] as const) {
      for (const [shape, nested] of nestedJson(levels).entries()) {
        const kind = `${where}-${shape === 0 ? 'closed' : 'unclosed'}`;
        // Fetch-style: the action id in a header, the arguments as React's encoding.
        cases.push({ kind: `${kind}-fetch-text`, path, headers: { ...headers, 'Next-Action': actionId([...form]), 'Content-Type': 'text/plain;charset=UTF-8' }, body: nested });
        const fetchForm = await multipart([['0', nested]]);
        cases.push({ kind: `${kind}-fetch-multipart`, path, headers: { ...headers, 'Next-Action': actionId([...form]), 'Content-Type': fetchForm.contentType }, body: fetchForm.body });
        // No JavaScript: the nesting inside a $ACTION_n:k field of the form, which React parses as JSON.
        for (const name of form.map(([k]) => k).filter((k) => /^\$ACTION_\d+:\d+$/.test(k))) {
          const { body, contentType } = await multipart(form.map(([k, v]) => [k, k === name ? nested : v]));
          cases.push({ kind: `${kind}-form-${name}`, path, headers: { ...headers, 'Content-Type': contentType }, body });
        }
      }
    }
    const failures: string[] = [];
    for (const item of cases) {
      let reply: Reply;
      try {
        reply = await request(`${site.url}${item.path}`, { method: 'POST', headers: { ...item.headers, 'X-Forwarded-For': nextAddress() }, body: item.body, timeoutMs: 15_000 });
      } catch (error) {
        failures.push(`${item.kind} POST ${item.path}: ${(error as Error).message}`);
        continue;
      }
      console.log(`fuzz, nested JSON: ${item.kind} → ${reply.status}`);
      const complaint =
        (reply.status < 400 || reply.status >= 500 ? `status ${reply.status}, expected 4xx` : null) ?? (leaksInternals(reply.body) ? `leaks internals: ${leaksInternals(reply.body)}` : null);
      if (complaint) failures.push(`${item.kind} POST ${item.path}: ${complaint}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
    // React's decoder recurses and runs out of stack on these (a RangeError it catches; Next
    // answers 500, the launcher 400). Next's log of it is one launcher line naming the class.
    expect(site.output()).toMatch(/a server-action request Next could not decode \(RangeError\)/);
    expect(site.output()).not.toMatch(/Maximum call stack/);
  });
});
