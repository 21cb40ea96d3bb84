// What the fault tests (e2e/faults) and the shared-cache test (e2e/cluster) both need to drive
// real `npm start` processes without a browser: the start command, polling, a browser's
// reading of HTML forms, and its cookie jar.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** The node arguments of `npm start`, from package.json: the site runs exactly as users run it. */
export function startArguments(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.split(/\s+/);
  if (command !== 'node') throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  return args;
}

/** Calls `probe` until it resolves with a value (a throw counts as "not yet"), for up to `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", '#39': "'", '#x27': "'" };
/** The entities React writes into attribute values and text. */
export const decodeEntities = (value: string) => value.replace(/&(quot|amp|lt|gt|apos|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '');

/** The inner HTML of the POST form that has a control named `containing`. */
export function postForm(html: string, containing: string): string {
  const forms = [...html.matchAll(/<form[^>]*method="POST"[^>]*>([\s\S]*?)<\/form>/gi)].map((match) => match[1] ?? '');
  const form = forms.find((inner) => inner.includes(`name="${containing}"`));
  if (!form) throw new Error(`no POST form with a "${containing}" control in the page`);
  return form;
}

/** Set-Cookie lines merged into a Cookie header value (later values win). */
export function mergeCookies(setCookieLines: readonly string[], previous = ''): string {
  const jar = new Map(previous ? previous.split('; ').map((pair) => pair.split('=', 2) as [string, string]) : []);
  for (const line of setCookieLines) {
    const [pair = ''] = line.split(';');
    const index = pair.indexOf('=');
    if (index > 0) jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}
