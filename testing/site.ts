// Driving a real `npm start` (embedded PostgreSQL, production build) in a child process, for the
// fault tests (e2e/faults) and the bench (scripts/bench.ts): a keep-alive HTTP client that never
// throws on a status, and what readers and editors do — a comment, a sign-in, an article save —
// exactly as a browser without JavaScript does it: the page's own form, posted as multipart.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import postgres from 'postgres';
import { hashPassword } from '../lib/password';
import { decodeEntities, mergeCookies, postForm, ROOT, startArguments, waitFor } from './harness';

export { ROOT, waitFor };
export const CAPTCHA_CODE = 'FAULTS-CODE';
export const THANK_YOU = 'Cảm ơn bạn đã gửi bình luận';

// ─── HTTP ────────────────────────────────────────────────────────────────────────────────────

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };
export type RequestOptions = {
  method?: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  timeoutMs?: number;
  agent?: http.Agent;
};

export const sharedAgent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One request; resolves with any status, rejects only when the connection fails. */
export function request(url: string, options: RequestOptions = {}): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: options.agent ?? sharedAgent, timeout: options.timeoutMs ?? 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${options.timeoutMs ?? 30_000} ms: ${url}`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A multipart body exactly as a browser encodes it (WHATWG FormData). */
export async function multipart(fields: [string, string | Blob][]): Promise<{ body: Buffer; contentType: string }> {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  const encoded = new Request('http://localhost/', { method: 'POST', body: data });
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? '' };
}

/**
 * The hidden inputs of a POST form in a page — what React needs to find the action: the form
 * that has a field named `containing` (the dashboard has a sign-out form before the editor).
 */
export function hiddenFields(html: string, containing: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const tag of postForm(html, containing).match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    if (name) fields.push([decodeEntities(name), decodeEntities(/value="([^"]*)"/.exec(tag)?.[1] ?? '')]);
  }
  return fields;
}

/** Cookies from Set-Cookie headers, as a Cookie header value. */
export function cookiesOf(reply: Reply, previous = ''): string {
  return mergeCookies(reply.headers['set-cookie'] ?? [], previous);
}

// A random start: each test file is its own module instance, and per-address comment limits
// (ten an hour) outlive a file.
let addressCounter = Math.floor(Math.random() * 0xe00000);
/** A distinct client address per call (the site runs with TRUST_PROXY), so per-IP limits stay out of the way. */
export function nextAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

// ─── The site ────────────────────────────────────────────────────────────────────────────────

export type Site = {
  url: string;
  child: ChildProcess;
  sql: postgres.Sql;
  /** Everything the launcher printed. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (or another signal) and wait for the exit; resolves with the time it took. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; ms: number }>;
};

export type SiteOptions = { port: number; pgPort: number; dataDir: string; env?: Record<string, string> };

/** `npm start` on `dataDir`; resolves once /api/health answers ok (the first start also builds). */
export async function startSite(options: SiteOptions): Promise<Site> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, startArguments(), {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      DATABASE_URL: '',
      SITE_URL: url,
      EMBEDDED_PG_PORT: String(options.pgPort),
      CAPTCHA_TEST_CODE: CAPTCHA_CODE,
      TRUST_PROXY: '1',
      ...options.env,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  let stopping = false;
  void exited.then(({ code, signal }) => {
    gone = true;
    // A server that dies by itself (out of memory, say) leaves its reason only in its output.
    if (!stopping && signal !== 'SIGKILL') console.error(`[faults] npm start exited by itself (code ${code}, signal ${signal}):\n${output.slice(-4000)}`);
  });
  await waitFor(
    async () => {
      if (gone) throw new Error(`the site exited while starting:\n${output.slice(-3000)}`);
      const reply = await request(`${url}/api/health`, { timeoutMs: 2_000 });
      return reply.status === 200 ? true : undefined;
    },
    360_000,
    'the site to start',
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${output.slice(-3000)}`);
  });
  const databaseUrl = readFileSync(path.join(options.dataDir, 'database-url'), 'utf8').trim();
  const sql = postgres(databaseUrl, { max: 3, onnotice: () => {}, connect_timeout: 5 });
  return {
    url,
    child,
    sql,
    output: () => output,
    exited,
    stop: async (signal = 'SIGTERM') => {
      const started = performance.now();
      stopping = true;
      if (!gone) child.kill(signal);
      const { code } = await exited;
      await sql.end({ timeout: 1 }).catch(() => {});
      return { code, ms: performance.now() - started };
    },
  };
}

// ─── What readers and editors do ─────────────────────────────────────────────────────────────

export type ArticleTarget = { id: number; path: string; form: [string, string][] };

/** Published articles with their comment forms, read from the pages themselves. */
export async function commentTargets(site: Site, count: number): Promise<ArticleTarget[]> {
  const rows = await site.sql<{ id: number; slug: string }[]>`
    select id, slug from articles where status = 'published' order by published_at desc limit ${count}`;
  const targets: ArticleTarget[] = [];
  for (const row of rows) {
    const page = await request(`${site.url}/bai-viet/${row.slug}`);
    if (page.status !== 200) throw new Error(`article page ${row.slug} answered ${page.status}`);
    targets.push({ id: row.id, path: `/bai-viet/${row.slug}`, form: hiddenFields(page.body, 'content') });
  }
  return targets;
}

/**
 * acknowledged: thanked; refused: a 4xx or a form error; unavailable: 503 with the Vietnamese
 * "interrupted" message (the database is down, by design); failed: any other 5xx.
 */
export type CommentOutcome = 'acknowledged' | 'refused' | 'unavailable' | 'failed';

const UNAVAILABLE = /tạm thời|gián đoạn/i;

/** What a reader types into the comment form, with the test security code and the consent box ticked. */
function commentFields(content: string): [string, string][] {
  return [
    ['name', 'Người đọc kiểm thử'],
    ['phone', ''],
    ['title', 'Ý kiến kiểm thử'],
    ['content', content],
    ['captcha', CAPTCHA_CODE],
    ['consent', '1'],
  ];
}

/** Fetches a security code (cookie), then posts the comment form. */
export async function postComment(
  site: Site,
  target: ArticleTarget,
  content: string,
  address = nextAddress(),
): Promise<{ outcome: CommentOutcome; status: number }> {
  const captcha = await request(`${site.url}/api/captcha`, { headers: { 'X-Forwarded-For': address } });
  if (captcha.status !== 200) return { outcome: captcha.status === 503 ? 'unavailable' : captcha.status >= 500 ? 'failed' : 'refused', status: captcha.status };
  const { body, contentType } = await multipart([...target.form, ...commentFields(content)]);
  const reply = await request(`${site.url}${target.path}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Cookie: cookiesOf(captcha), 'X-Forwarded-For': address },
    body,
  });
  const outcome: CommentOutcome =
    reply.status === 503 && UNAVAILABLE.test(reply.body)
      ? 'unavailable'
      : reply.status >= 500
        ? 'failed'
        : reply.status === 200 && reply.body.includes(THANK_YOU)
          ? 'acknowledged'
          : 'refused';
  return { outcome, status: reply.status };
}

// React's own encoder for server-action arguments, as Next's client uses it in the browser.
export const { encodeReply } = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-turbopack/client.node') as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

/** A security code fetched beforehand, as the comment form's image does when the page loads. */
export type Captcha = { cookie: string; address: string };

export async function fetchCaptcha(site: Site, address = nextAddress()): Promise<Captcha> {
  const reply = await request(`${site.url}/api/captcha`, { headers: { 'X-Forwarded-For': address } });
  if (reply.status !== 200) throw new Error(`/api/captcha answered ${reply.status}`);
  return { cookie: cookiesOf(reply), address };
}

/**
 * Posts the comment form as its JavaScript does: a fetch to the page carrying the action id
 * (Next-Action) and React's encoding of the bound arguments, the previous state and the form.
 * The answer is the action's result alone, not a rendered page.
 */
export async function postCommentWithScript(site: Site, target: ArticleTarget, content: string, captcha: Captcha): Promise<{ outcome: CommentOutcome; status: number }> {
  const field = (name: string) => target.form.find(([key]) => key === name)?.[1] ?? '';
  const { id } = JSON.parse(field('$ACTION_1:0')) as { id: string };
  const bound = JSON.parse(field('$ACTION_1:1')) as unknown[]; // the article id and the initial state
  const form = new FormData();
  for (const [name, value] of commentFields(content)) form.append(name, value);
  // The policy version the page showed (a hidden field of the form), as the browser sends it.
  form.append('policyVersion', field('policyVersion'));
  const encoded = new Request('http://localhost/', { method: 'POST', body: (await encodeReply([...bound, form])) as FormData });
  const reply = await request(`${site.url}${target.path}`, {
    method: 'POST',
    headers: {
      'Next-Action': id,
      Accept: 'text/x-component',
      'Content-Type': encoded.headers.get('content-type') ?? '',
      Cookie: captcha.cookie,
      'X-Forwarded-For': captcha.address,
    },
    body: Buffer.from(await encoded.arrayBuffer()),
  });
  const outcome: CommentOutcome =
    reply.status >= 500 ? 'failed' : reply.status === 200 && reply.body.includes(THANK_YOU) ? 'acknowledged' : UNAVAILABLE.test(reply.body) ? 'unavailable' : 'refused';
  return { outcome, status: reply.status };
}

export type Account = { email: string; password: string };

/** Creates an account with a known password straight in the database. */
export async function createAccount(site: Site, role: 'admin' | 'editor' | 'reporter'): Promise<Account> {
  const email = `${role}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}@faults.example`;
  const password = `mật khẩu kiểm thử ${Math.random().toString(36).slice(2)}`;
  await site.sql`insert into users (email, name, role, password_hash) values (${email}, ${`Kiểm thử ${role}`}, ${role}, ${await hashPassword(password)})`;
  return { email, password };
}

/** Signs in through the login form; resolves with the session cookies. */
export async function signIn(site: Site, account: Account): Promise<string> {
  const page = await request(`${site.url}/login`);
  const { body, contentType } = await multipart([...hiddenFields(page.body, 'email'), ['email', account.email], ['password', account.password]]);
  const reply = await request(`${site.url}/login`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Cookie: cookiesOf(page), 'X-Forwarded-For': nextAddress() },
    body,
  });
  const cookie = cookiesOf(reply);
  if (reply.status !== 303 || !cookie.includes('session-token')) throw new Error(`sign-in failed: ${reply.status}`);
  return cookie;
}

export type ArticleFields = {
  id?: number;
  version?: number;
  intent: 'draft' | 'review' | 'publish' | 'unpublish';
  title: string;
  /** Empty: made from the title. */
  slug?: string;
  lead?: string;
  bodyHtml?: string;
};

/** The editor form's hidden action fields (the same for every article). */
export async function editorForm(site: Site, session: string): Promise<[string, string][]> {
  const page = await request(`${site.url}/dashboard/articles/new`, { headers: { Cookie: session } });
  if (page.status !== 200) throw new Error(`editor page answered ${page.status}`);
  return hiddenFields(page.body, 'bodyHtml').filter(([name]) => name.startsWith('$ACTION'));
}

/** Saves through the editor's action; an acknowledged save answers 303 to the article's page. */
export async function saveArticle(
  site: Site,
  session: string,
  form: [string, string][],
  fields: ArticleFields,
): Promise<{ outcome: CommentOutcome; id?: number; status: number }> {
  const { body, contentType } = await multipart([
    ...form,
    ['id', fields.id ? String(fields.id) : ''],
    ['version', fields.version ? String(fields.version) : ''],
    ['intent', fields.intent],
    ['title', fields.title],
    ['slug', fields.slug ?? ''],
    ['lead', fields.lead ?? 'Tóm tắt bài kiểm thử.'],
    ['bodyHtml', fields.bodyHtml ?? '<p>Nội dung bài kiểm thử.</p>'],
    ['sectionId', ''],
    ['tags', ''],
    ['authorName', ''],
    ['coverMediaId', ''],
    ['coverAlt', ''],
    ['publishedAt', ''],
  ]);
  const reply = await request(`${site.url}/dashboard/articles/new`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Cookie: session },
    body,
  });
  const id = /\/dashboard\/articles\/(\d+)\?da-luu=/.exec(String(reply.headers.location ?? ''))?.[1];
  if (reply.status === 303 && id) return { outcome: 'acknowledged', id: Number(id), status: reply.status };
  return { outcome: reply.status >= 500 ? 'failed' : 'refused', status: reply.status };
}

/** Resident memory of a process, in bytes (Linux). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

/** Comments carrying the tokens, counted per token (a fresh connection; the site may be gone). */
export async function storedComments(databaseUrl: string, prefix: string): Promise<Map<string, number>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ token: string; n: number }[]>`
      select substring(content from 'Bình luận (.*)$') as token, count(*)::int as n
      from comments where content like ${`Bình luận ${prefix}-%`} group by 1`;
    return new Map(rows.map((r) => [r.token, r.n]));
  } finally {
    await sql.end();
  }
}
