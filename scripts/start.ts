// `npm start`: database (embedded unless DATABASE_URL), migrations, demo content once, a build
// when the sources changed, then the Next.js server in this very process — so that a SIGKILL
// leaves no orphaned web server, and SIGTERM drains in-flight requests before the pool and
// the embedded database close.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import compression from 'compression';
import type { PreparedDatabase } from '../db/bootstrap';
import { appSql, closeAppSql } from '../db/client';
import { createRedirectLookup, loadRedirectMap } from '../db/redirect-map';
import { clientAddressResolver } from '../lib/client-address';
import { CLIENT_IP_HEADER } from '../lib/client-ip';
import { redirectFor } from '../lib/public-routing.mjs';
import { buildIsCurrent, runBuild } from './lib/build';
import { admitted, createAdmission } from './lib/admission';
import { answer503WhenDatabaseDown, watchDatabase } from './lib/database-status';
import { restoreContentLength } from './lib/content-length';
import { answerWithEtag } from './lib/etag';
import { createByteBudget, DEFAULT_BUFFERED_BYTES, DEFAULT_LIMITS, guardRequest, handleChecked, type GuardOptions } from './lib/request-guard';
import { authSecrets, createSessionCheck } from './lib/session-check';
import { announceSharedCache, bootDatabase, loadEnvOrExit, log, ROOT, warnTestCaptcha } from './lib/launch';

// On SIGTERM the server first keeps accepting (answering with Connection: close, and 503 on
// /api/health) until connections stop arriving for a moment or GRACE_MS pass, so that requests
// already sent — queued in the listen backlog, not yet read — are served rather than reset.
// Then it stops listening and waits up to DRAIN_MS for the requests in progress.
const GRACE_MS = 3_000;
const QUIET_MS = 1_000;
const DRAIN_MS = 4_500;

/**
 * The client's address: the socket's, or with TRUST_PROXY the one the proxies it trusts saw
 * (lib/client-address.ts) — not the first X-Forwarded-For entry, which a client writes itself.
 */
function requestIp(req: IncomingMessage): string {
  // Compiled once, on the first request (env is read further down).
  clientAddress ??= clientAddressResolver(env.TRUST_PROXY);
  return clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for']);
}
let clientAddress: ReturnType<typeof clientAddressResolver> | undefined;
const HARD_EXIT_MS = 9_500;

const env = loadEnvOrExit();
// Next reads NODE_ENV when it loads; the typings mark it read-only.
(process.env as Record<string, string>).NODE_ENV = 'production';
process.env.NEXT_TELEMETRY_DISABLED = '1';
warnTestCaptcha(env);
announceSharedCache(env);

let database: PreparedDatabase | undefined;
let stopping = false;

// Signals before the server is up (during the build, say) still stop the database.
async function abortStartup(code: number): Promise<never> {
  await database?.stop();
  process.exit(code);
}
const earlySignal = () => void abortStartup(130);
process.on('SIGINT', earlySignal);
process.on('SIGTERM', earlySignal);

database = await bootDatabase(env);

if (!buildIsCurrent(database.identity)) {
  const code = await runBuild(database.identity);
  if (code !== 0) {
    console.error('[newsroom] The build failed; not starting.');
    await abortStartup(code);
  }
}

const { default: next } = await import('next');
const app = next({ dev: false, dir: ROOT, hostname: env.HOST, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();

const databaseStatus = watchDatabase(database);
// What the launcher asks of the database goes through the app's own pool (db/client.ts): the map
// of former slugs for the 301s, reloaded at most once a second, and the session check below.
const pool = appSql();
const lookupRedirect = createRedirectLookup(() => loadRedirectMap(pool));
// Bodies over the public limit (media uploads to /dashboard) are read only for a live session;
// all bodies being read share one memory budget.
const guardOptions: GuardOptions = {
  hasSession: createSessionCheck({ sql: pool, secret: authSecrets() }),
  budget: createByteBudget(DEFAULT_BUFFERED_BYTES),
};
const admission = createAdmission();
// Document downloads take turns of their own: a reader on a slow line holds a turn for the whole
// of a 20 MB file, and 32 of them must not keep every page waiting (nor pages the downloads).
// A download in progress is a stream (a store read and the socket's buffers), not a render.
const downloads = createAdmission({ maxActive: 64, maxWaiting: 500, maxWaitMs: 20_000 });
const DOWNLOAD_PATH = '/van-ban/tep/';
const compress = compression();

/** A renamed article, section or tag: answered here with a 301 (lib/public-routing.mjs says why here). */
async function redirected(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const target = await redirectFor(query < 0 ? url : url.slice(0, query), query < 0 ? '' : url.slice(query), lookupRedirect);
  if (!target) return false;
  res.writeHead(301, { Location: target, 'Content-Length': 0 });
  res.end();
  return true;
}

async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (stopping) {
    res.setHeader('Connection', 'close');
    // A balancer stops sending traffic here while the requests in progress finish.
    if (req.url === '/api/health') {
      res.writeHead(503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ status: 'stopping' }));
      return;
    }
  }
  answer503WhenDatabaseDown(res, databaseStatus);
  // Before gzip: a download's length, which Next drops, is put back (content-length.ts).
  restoreContentLength(res);
  // Next's own compression and ETags are off (next.config.mjs): gzip here, with the package
  // Next uses, and the ETag over it, so that the tag is computed on the page itself.
  compress(req, res, () => {});
  answerWithEtag(req, res);
  req.headers[CLIENT_IP_HEADER] = requestIp(req);
  // The health check answers at once however busy the site is: it is how a balancer tells.
  if (req.url === '/api/health') return handle(req, res);
  if (await redirected(req, res)) return;
  // The body is read before the request queues for its turn: a client sending slowly holds
  // its own connection, not one of the turns everybody else waits for.
  const checked = await guardRequest(req, res, DEFAULT_LIMITS, guardOptions);
  // An action request Next could not decode gets 400, not Next's 500 (request-guard.ts).
  const turns = req.url?.startsWith(DOWNLOAD_PATH) ? downloads : admission;
  if (checked) await admitted(turns, checked, res, () => handleChecked(checked, res, () => handle(checked, res)));
}

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  serve(req, res).catch((error: unknown) => {
    console.error('[newsroom] request failed', error);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end('Lỗi máy chủ');
    }
  });
});
server.keepAliveTimeout = 65_000;
let lastConnectionAt = 0;
server.on('connection', () => (lastConnectionAt = Date.now()));

await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(env.PORT, env.HOST, resolve);
});
process.off('SIGINT', earlySignal);
process.off('SIGTERM', earlySignal);
log(`Ready on http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`);

// The embedded database is ours to look after: if it dies (killed, out of memory), start it
// again. Requests meanwhile get the "temporarily interrupted" answers, then recover.
let reviving = false;
const databaseWatch = setInterval(() => {
  if (stopping || reviving || !database) return;
  reviving = true;
  database
    .reviveIfCrashed()
    .catch((error: unknown) => console.error(`[newsroom] ${(error as Error).message}`))
    .finally(() => (reviving = false));
}, 1_000);
databaseWatch.unref();

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  clearInterval(databaseWatch);
  log(`${signal}: finishing in-flight requests, then stopping.`);
  setTimeout(() => process.exit(1), HARD_EXIT_MS).unref();
  const graceEnds = Date.now() + GRACE_MS;
  while (Date.now() < graceEnds && Date.now() - lastConnectionAt < QUIET_MS) await new Promise((resolve) => setTimeout(resolve, 50));
  // close() also closes idle keep-alive connections (Node ≥ 19).
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const drain = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  await closed;
  clearTimeout(drain);
  await closeAppSql().catch(() => {});
  await databaseStatus.stop();
  await database?.stop();
  log('Stopped.');
  process.exit(0);
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
