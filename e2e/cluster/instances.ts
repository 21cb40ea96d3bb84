// The shared-cache test's harness: real `npm start` instances in child processes (one build,
// one database, one Redis), and what an editor's browser without JavaScript does — the sign-in
// form and the article editor's form, posted as multipart.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { decodeEntities, mergeCookies, postForm, ROOT, startArguments, waitFor } from '../../testing/harness';

export { ROOT, waitFor };

export type Reply = { status: number; headers: Headers; body: string };

/** One request that never follows redirects and never throws on a status. */
export async function request(url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(60_000), ...init });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

export type Instance = {
  url: string;
  child: ChildProcess;
  /** Everything the launcher printed. */
  output: () => string;
  /** SIGTERM, then the exit. */
  stop: () => Promise<void>;
};

const LOGS = path.join(ROOT, '.data', 'test-reports');

/** Throws when something already listens on the port (its health check would fool us). */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () => reject(new Error(`port ${port} is already in use: stop what listens there first`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/**
 * `npm start` with `env`; resolves once /api/health answers 200 (a first start also builds).
 * What it prints is also kept in .data/test-reports/instance-<name>.log.
 */
export async function startInstance(name: string, port: number, env: Record<string, string>): Promise<Instance> {
  const url = `http://127.0.0.1:${port}`;
  await assertPortFree(port);
  mkdirSync(LOGS, { recursive: true });
  const logFile = path.join(LOGS, `instance-${name}.log`);
  writeFileSync(logFile, '');
  const child = spawn(process.execPath, startArguments(), {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ...env },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    appendFileSync(logFile, chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = async () => {
    if (!gone) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitFor(
      async () => {
        if (gone) throw new Error('exited');
        return (await request(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })).status === 200 ? true : undefined;
      },
      600_000,
      `the instance on port ${port}`,
      100,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}; it printed:\n${output.slice(-3000)}`);
  }
  return { url, child, output: () => output, stop };
}

const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1] ?? '') : undefined;
};

/**
 * What a browser would submit from the POST form that has a control named `containing`:
 * inputs (checked boxes only, no buttons or files), textareas and selected options.
 */
export function formFields(html: string, containing: string): [string, string][] {
  const form = postForm(html, containing);
  const fields: [string, string][] = [];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const type = attribute(tag, 'type') ?? 'text';
    if (!name || ['submit', 'button', 'image', 'file', 'reset'].includes(type)) continue;
    if ((type === 'checkbox' || type === 'radio') && !/\schecked(=|\s|>|\/)/.test(tag)) continue;
    fields.push([name, attribute(tag, 'value') ?? (type === 'checkbox' ? 'on' : '')]);
  }
  for (const [, tag, text] of form.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/g)) {
    const name = attribute(tag ?? '', 'name');
    if (name) fields.push([name, decodeEntities(text ?? '').replace(/^\n/, '')]);
  }
  for (const [, tag, options] of form.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const name = attribute(tag ?? '', 'name');
    const all = [...(options ?? '').matchAll(/<option\b[^>]*>/g)].map(([option]) => option);
    const chosen = all.find((option) => /\sselected(=|\s|>)/.test(option)) ?? all[0];
    if (name && chosen) fields.push([name, attribute(chosen, 'value') ?? '']);
  }
  return fields;
}

/** Cookies from a reply's Set-Cookie headers, merged into a Cookie header value. */
export function cookiesOf(reply: Reply, previous = ''): string {
  return mergeCookies(reply.headers.getSetCookie(), previous);
}

function formData(fields: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

/** Signs in through the login form; resolves with the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const page = await request(`${base}/login`);
  const fields = formFields(page.body, 'email').filter(([name]) => name !== 'email' && name !== 'password');
  const reply = await request(`${base}/login`, {
    method: 'POST',
    headers: { Cookie: cookiesOf(page) },
    body: formData([...fields, ['email', email], ['password', password]]),
  });
  const cookie = cookiesOf(reply);
  if (reply.status !== 303 || !cookie.includes('session-token')) throw new Error(`sign-in answered ${reply.status}`);
  return cookie;
}

/**
 * Opens an article in the editor and presses one of its buttons with some fields changed —
 * the editor's own server action, as a form post. Resolves with the reply (303 when saved).
 */
export async function saveInEditor(
  base: string,
  session: string,
  articleId: number,
  intent: 'draft' | 'review' | 'publish' | 'unpublish',
  changes: Record<string, string>,
): Promise<Reply> {
  const editor = `${base}/dashboard/articles/${articleId}`;
  const page = await request(editor, { headers: { Cookie: session } });
  if (page.status !== 200) throw new Error(`the editor answered ${page.status}`);
  const fields = formFields(page.body, 'bodyHtml').map(([name, value]): [string, string] => [name, changes[name] ?? value]);
  return request(editor, { method: 'POST', headers: { Cookie: session }, body: formData([...fields, ['intent', intent]]) });
}
