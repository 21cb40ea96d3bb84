// nginx in front of `npm start`, with the production rules of deploy/nginx.conf: public pages
// are micro-cached, the newsroom and signed-in readers never are, React Server Component
// payloads never stand in for a page, bodies over the app's limits stop at nginx, build assets
// carry a year's Cache-Control, and server actions still work through the proxy.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNginx, startNginx, type RunningNginx } from '../../scripts/lib/nginx';
import {
  CAPTCHA_CODE,
  commentTargets,
  cookiesOf,
  createAccount,
  DATA_DIR,
  hiddenFields,
  multipart,
  request,
  signIn,
  startSite,
  THANK_YOU,
  type ArticleTarget,
  type Reply,
  type Site,
  waitFor,
} from './site';

const PORT = 3430;
const PG_PORT = 54369;
const NGINX_PORT = 3431;

// Installs nginx from Debian's packages when it is missing (as root); only when that cannot be
// done are these tests skipped.
const unavailable = await findNginx((line) => console.log(`[nginx] ${line}`)).then(
  () => undefined,
  (error: Error) => error.message,
);
if (unavailable) console.warn(`SKIPPED: the nginx tests need nginx, which could not be installed: ${unavailable}`);

const cacheStatus = (reply: Reply) => reply.headers['x-cache-status'];
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const heading = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];

describe.skipIf(unavailable !== undefined)('nginx in front of the site (deploy/nginx.conf)', () => {
  let site: Site;
  let nginx: RunningNginx;
  let article: ArticleTarget;

  beforeAll(async () => {
    site = await startSite({ port: PORT, pgPort: PG_PORT });
    nginx = await startNginx({ upstreamPort: Number(new URL(site.url).port), listenPort: NGINX_PORT + Number(process.env.FAULTS_PORT_OFFSET ?? 0), workDir: path.join(DATA_DIR, 'nginx') });
    [article] = (await commentTargets(site, 1)) as [ArticleTarget];
  });
  afterAll(async () => {
    await nginx?.stop();
    await site?.stop();
  });

  /** The access-log line of a request answered with `status` (nginx writes it at the close). */
  const logged = (method: string, pathname: string, status: number) =>
    waitFor(
      async () =>
        readFileSync(nginx.accessLog, 'utf8')
          .split('\n')
          .findLast((line) => line.includes(`"${method} ${pathname} HTTP/1.1" ${status} `)),
      5_000,
      `the access log line for ${method} ${pathname} → ${status}`,
    );

  it('serves a public article from the app once, then from its cache, identical to the app', async () => {
    const direct = await request(`${site.url}${article.path}`);
    const first = await request(`${nginx.url}${article.path}`);
    const second = await request(`${nginx.url}${article.path}`);
    expect(first.status).toBe(200);
    expect(cacheStatus(first)).toBe('MISS');
    expect(second.status).toBe(200);
    expect(cacheStatus(second)).toBe('HIT');
    expect(second.headers['content-type']).toMatch(/^text\/html/);
    expect(title(first.body)).toBeTruthy();
    expect(title(second.body)).toBe(title(direct.body));
    expect(heading(second.body)).toBe(heading(direct.body));
    // Without a version, without the app's X-Powered-By; compressed for those who ask.
    expect(second.headers.server).toBe('nginx');
    expect(second.headers['x-powered-by']).toBeUndefined();
    const gzipped = await request(`${nginx.url}${article.path}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
  });

  it('never caches the sign-in page or the dashboard, and never serves a signed-in request from cache', async () => {
    for (let i = 0; i < 2; i++) {
      const login = await request(`${nginx.url}/login`);
      expect(login.status).toBe(200);
      expect(cacheStatus(login) ?? 'BYPASS').toBe('BYPASS');
    }
    const anonymous = await request(`${nginx.url}/dashboard`);
    expect(anonymous.status).toBe(307);
    expect(cacheStatus(anonymous)).toBeUndefined();

    // One account signs in through nginx (the sign-in action behind the proxy), one directly.
    const editor = await createAccount(site, 'editor');
    const reporter = await createAccount(site, 'reporter');
    const sessions = {
      'Kiểm thử editor': await signIn({ ...site, url: nginx.url }, editor),
      'Kiểm thử reporter': await signIn(site, reporter),
    };
    for (let round = 0; round < 2; round++) {
      for (const [name, cookie] of Object.entries(sessions)) {
        const other = name === 'Kiểm thử editor' ? 'Kiểm thử reporter' : 'Kiểm thử editor';
        const page = await request(`${nginx.url}/dashboard`, { headers: { Cookie: cookie } });
        expect(page.status).toBe(200);
        expect(cacheStatus(page) ?? 'BYPASS').toBe('BYPASS');
        expect(page.body).toContain(name);
        expect(page.body).not.toContain(other);
      }
    }
    // The sign-in through nginx claimed a 10.x address in X-Forwarded-For; nginx replaced it
    // with the address it saw, which is what the app (TRUST_PROXY=1) recorded.
    const attempts = await site.sql<{ email: string; ip: string }[]>`
      select email, ip from sign_in_attempts where email in (${editor.email}, ${reporter.email}) and success`;
    expect(attempts.find((a) => a.email === editor.email)?.ip).toBe('127.0.0.1');
    expect(attempts.find((a) => a.email === reporter.email)?.ip).toMatch(/^10\./);

    // Public pages too: a reader with a session cookie always reaches the app.
    await request(`${nginx.url}${article.path}`);
    const signedIn = await request(`${nginx.url}${article.path}`, { headers: { Cookie: sessions['Kiểm thử editor'] } });
    expect(signedIn.status).toBe(200);
    expect(cacheStatus(signedIn)).toBe('BYPASS');
    const preview = await request(`${nginx.url}${article.path}`, { headers: { Cookie: '__prerender_bypass=1' } });
    expect(cacheStatus(preview)).toBe('BYPASS');
  });

  it('refuses a body over 128 KB to a public page itself, and lets an 11 MB-limit dashboard upload through only with a session', async () => {
    const big = Buffer.alloc(200 * 1024, 'a');
    const refused = await request(`${nginx.url}${article.path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: big,
    });
    expect(refused.status).toBe(413);
    expect(refused.body).toContain('Dữ liệu quá lớn');
    // nginx answered: no upstream was asked.
    expect(await logged('POST', article.path, 413)).toMatch(/ upstream=- /);

    const upload = (path: string, cookie?: string) =>
      request(`${nginx.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
        body: Buffer.alloc(1024 * 1024, 'a'),
      });
    // Without a session cookie the dashboard has the public limit too, at nginx already.
    const anonymous = await upload('/dashboard/media?anonymous=1');
    expect(anonymous.status).toBe(413);
    expect(anonymous.body).toContain('Dữ liệu quá lớn');
    expect(await logged('POST', '/dashboard/media?anonymous=1', 413)).toMatch(/ upstream=- /);
    // A cookie that only looks like a session passes nginx; the app refuses it (its own page).
    const forged = await upload('/dashboard/media?forged=1', 'authjs.session-token=forged');
    expect(forged.status).toBe(413);
    expect(forged.body).toContain('khi chưa đăng nhập');
    expect(await logged('POST', '/dashboard/media?forged=1', 413)).toMatch(/ upstream=127\.0\.0\.1:/);
    // A live session gets its upload through to the app, at its original address.
    const session = await signIn(site, await createAccount(site, 'reporter'));
    const signedIn = await upload('/dashboard/media?signed-in=1', session);
    expect(signedIn.status).not.toBe(413);
    expect(signedIn.status).toBeLessThan(500);
    expect(await logged('POST', '/dashboard/media?signed-in=1', signedIn.status)).toMatch(/ upstream=127\.0\.0\.1:/);
  });

  it('gives build assets a year of Cache-Control and keeps them in its cache', async () => {
    const page = await request(`${nginx.url}${article.path}`);
    const asset = /\/_next\/static\/[^"'\\\s]+\.js/.exec(page.body)?.[0];
    expect(asset).toBeTruthy();
    const first = await request(`${nginx.url}${asset}`);
    const second = await request(`${nginx.url}${asset}`);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(second.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(cacheStatus(second)).toBe('HIT');
  });

  it('never answers an RSC request with cached HTML, nor a page request with an RSC payload', async () => {
    // A page warm in the cache, then client-side navigations to it.
    await request(`${nginx.url}${article.path}`);
    const variants: Record<string, string>[] = [
      { RSC: '1' },
      { RSC: '1', 'Next-Router-Prefetch': '1' },
      { RSC: '1', 'Next-Router-State-Tree': encodeURIComponent(JSON.stringify(['', { children: ['__PAGE__', {}] }, null, null, true])) },
    ];
    for (const headers of variants) {
      for (const suffix of ['', '?_rsc=abcde']) {
        const reply = await request(`${nginx.url}${article.path}${suffix}`, { headers });
        expect(cacheStatus(reply), JSON.stringify({ headers, suffix })).toBe('BYPASS');
        expect(reply.headers['content-type'] ?? '').not.toMatch(/text\/html/);
        expect(reply.body).not.toMatch(/^<!DOCTYPE html>/i);
      }
    }
    // Following Next's redirect to the right `_rsc` gives the payload, from the app.
    const redirected = await request(`${nginx.url}${article.path}`, { headers: { RSC: '1' } });
    const location = String(redirected.headers.location ?? `${article.path}?_rsc=x`);
    const payload = await request(`${nginx.url}${location}`, { headers: { RSC: '1' } });
    expect(payload.status).toBe(200);
    expect(payload.headers['content-type']).toMatch(/text\/x-component/);
    expect(cacheStatus(payload)).toBe('BYPASS');

    // And the other way round: a payload requested first, on a cold page, is not stored as it.
    const [, cold] = (await commentTargets(site, 2)) as ArticleTarget[];
    const coldPath = (cold ?? article).path;
    await request(`${nginx.url}${coldPath}`, { headers: { RSC: '1', 'Next-Router-Prefetch': '1' } });
    const html = await request(`${nginx.url}${coldPath}`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toMatch(/^<!DOCTYPE html>/i);
  });

  it('passes server actions through: a comment posted with the browser’s Origin is acknowledged', async () => {
    // Through nginx every reader is 127.0.0.1 (it replaces X-Forwarded-For), so earlier runs
    // against this database count towards that address's comment limit: start it afresh.
    const secret = process.env.AUTH_SECRET || readFileSync(path.join(DATA_DIR, 'auth-secret'), 'utf8').trim();
    const nginxAddress = createHmac('sha256', secret).update('127.0.0.1').digest('hex');
    await site.sql`delete from rate_limit_hits where bucket = 'comment' and key = ${nginxAddress}`;
    const page = await request(`${nginx.url}${article.path}`);
    const captcha = await request(`${nginx.url}/api/captcha`);
    expect(captcha.status).toBe(200);
    expect(cacheStatus(captcha)).toBeUndefined();
    const { body, contentType } = await multipart([
      ...hiddenFields(page.body, 'content'),
      ['name', 'Người đọc qua nginx'],
      ['phone', ''],
      ['title', 'Ý kiến qua nginx'],
      ['content', 'Bình luận gửi qua nginx.'],
      ['captcha', CAPTCHA_CODE],
      ['consent', '1'],
    ]);
    const reply = await request(`${nginx.url}${article.path}`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, Cookie: cookiesOf(captcha), Origin: nginx.url },
      body,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain(THANK_YOU);
    // POSTs do not even consult the cache (proxy_cache_methods is GET and HEAD).
    expect(cacheStatus(reply) ?? 'BYPASS').toBe('BYPASS');
  });
});
