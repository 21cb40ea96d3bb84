// Whether the database can be reached, as the launcher sees it — so that a page or action that
// fails because the database is down answers 503 (Service Unavailable), not 500.
import type { ServerResponse } from 'node:http';
import postgres from 'postgres';
import type { PreparedDatabase } from '../../db/bootstrap';

const PROBE_MS = 2_000;
// Longer than any answer from a live server, even one stalled by a busy event loop here.
const PROBE_TIMEOUT_MS = 5_000;
const EMBEDDED_CHECK_MS = 200;
// Connections that sat idle in the app's pool when the database went away fail on their next
// use, even once it is back — up to the pool's idle timeout (30 s) later: that is the outage too.
const AFTERMATH_MS = 30_000;

export type DatabaseStatus = { isDown: () => boolean; stop: () => Promise<void> };

/**
 * Down now, or within the last few seconds. The embedded server is down when its process is
 * gone (an instant check, also made every 200 ms); an external one (DATABASE_URL) is probed
 * with `select 1` every two seconds, and a probe not answered within five seconds counts as
 * down too (a server that accepts connections but answers nothing, a network that drops
 * everything: postgres.js has no query timeout of its own).
 *
 * The probe has a connection of its own (max 1), the one client besides the app's pool
 * (db/client.ts), on purpose: on the app's pool the probe would wait in line behind the very
 * queries an outage leaves hanging, so the first probe would not answer for as long as they
 * hang (up to `statement_timeout`, or a TCP timeout); and on a pool merely saturated by a busy
 * moment it would report an outage that is not one. Its own connection asks the server, not
 * our pool, whether it answers.
 */
export function watchDatabase(database: PreparedDatabase): DatabaseStatus {
  let lastDownAt = 0;
  const isRunning = database.isRunning;
  if (isRunning) {
    const check = () => {
      if (isRunning()) return false;
      lastDownAt = Date.now();
      return true;
    };
    const timer = setInterval(check, EMBEDDED_CHECK_MS);
    timer.unref();
    return { isDown: () => check() || Date.now() - lastDownAt < AFTERMATH_MS, stop: async () => clearInterval(timer) };
  }
  const sql = postgres(database.url, {
    max: 1,
    connect_timeout: 2,
    idle_timeout: 0,
    onnotice: () => {},
    connection: { application_name: 'newsroom-status' },
  });
  let probeStartedAt = 0;
  const timer = setInterval(() => {
    if (probeStartedAt) {
      // The last probe has not answered yet.
      if (Date.now() - probeStartedAt >= PROBE_TIMEOUT_MS) lastDownAt = Date.now();
      return;
    }
    probeStartedAt = Date.now();
    sql`select 1`
      .catch(() => (lastDownAt = Date.now()))
      .finally(() => (probeStartedAt = 0));
  }, PROBE_MS);
  timer.unref();
  return {
    isDown: () => Date.now() - lastDownAt < PROBE_MS + AFTERMATH_MS,
    stop: async () => {
      clearInterval(timer);
      await sql.end({ timeout: 1 }).catch(() => {});
    },
  };
}

const UNAVAILABLE_PAGE =
  '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<title>Hệ thống tạm thời gián đoạn</title></head><body style="font:1.125rem/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">' +
  '<h1>Hệ thống tạm thời gián đoạn</h1><p>Cơ sở dữ liệu đang tạm thời không truy cập được. Vui lòng thử lại sau ít phút; ' +
  'nếu bạn vừa gửi một biểu mẫu, hãy bấm "Quay lại" trên trình duyệt để lấy lại nội dung đã nhập.</p><p><a href="/">Về trang chủ</a></p></body></html>';

/**
 * Turns this response's 500 into a 503 with Retry-After when the database is down (or just
 * was) at the moment the status is written. A page (HTML) becomes the Vietnamese page above:
 * what Next sends for a failed page is an empty shell that only its JavaScript fills in, so a
 * reader without JavaScript (a form posted the plain way) saw a blank page. Next's bare
 * "Internal Server Error" text is replaced the same way. Action results for the form's
 * JavaScript (text/x-component) are left alone: they carry the form's own message.
 */
export function answer503WhenDatabaseDown(res: ServerResponse, status: DatabaseStatus): void {
  let replacing = false;
  const isActionResult = (response: ServerResponse) => /text\/x-component/.test(String(response.getHeader('content-type') ?? ''));
  const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode !== 500 || !status.isDown()) return writeHead.call(this, statusCode, ...rest);
    this.setHeader('Retry-After', '30');
    if (isActionResult(this) || rest.some((arg) => typeof arg === 'object' && arg !== null)) return writeHead.call(this, 503, ...rest);
    replacing = true;
    // Whatever was about to be sent (gzipped, perhaps) is dropped for the page.
    this.removeHeader('Content-Encoding');
    this.removeHeader('Transfer-Encoding');
    this.setHeader('Content-Type', 'text/html; charset=utf-8');
    this.setHeader('Content-Length', Buffer.byteLength(UNAVAILABLE_PAGE));
    this.setHeader('Cache-Control', 'no-store');
    return writeHead.call(this, 503);
  } as ServerResponse['writeHead'];
  // A page failing while the database is down has its status line written before the body
  // goes on, so that writeHead can decide to replace that body (Node would call writeHead only
  // after taking the body).
  const writeStatusFirst = (response: ServerResponse) => {
    if (!response.headersSent && response.statusCode === 500 && status.isDown() && !isActionResult(response)) response.writeHead(500);
  };
  const write = res.write as (...args: unknown[]) => boolean;
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    writeStatusFirst(this);
    if (replacing) {
      const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }
    return write.apply(this, args);
  } as ServerResponse['write'];
  const end = res.end as (...args: unknown[]) => ServerResponse;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    writeStatusFirst(this);
    if (replacing) return end.call(this, UNAVAILABLE_PAGE);
    return end.apply(this, args);
  } as ServerResponse['end'];
}
