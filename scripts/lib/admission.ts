// Admission control in front of Next: at most `maxActive` requests are handled at once; the
// rest wait their turn, first come first served. Every request Next renders holds its own
// render state (about a megabyte, more for a page with many comments); under sustained
// overload hundreds of them in progress at once ran the server out of heap (found by the soak
// test). A waiting request holds only its body, already read and checked by the request guard
// (within its size limits).
// A request that cannot be served in reasonable time (the queue is full, or it waited too
// long) is answered 503 with Retry-After rather than left to time out.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type AdmissionLimits = {
  /** Requests handled at once. */
  maxActive: number;
  /** Requests waiting for a turn; one more is turned away at once. */
  maxWaiting: number;
  /** How long a request may wait for its turn. */
  maxWaitMs: number;
};

export const DEFAULT_ADMISSION: AdmissionLimits = { maxActive: 32, maxWaiting: 2_000, maxWaitMs: 20_000 };

type Waiter = { start: () => void; timer: NodeJS.Timeout };

export type Admission = {
  /**
   * Waits for a turn. Resolves with a function that ends the turn (call it exactly once), or
   * with null when the request is turned away.
   */
  enter: () => Promise<(() => void) | null>;
  readonly active: number;
  readonly waiting: number;
};

export function createAdmission(limits: AdmissionLimits = DEFAULT_ADMISSION): Admission {
  let active = 0;
  const queue = new Set<Waiter>(); // a Set keeps insertion order: first in, first out

  const release = () => {
    const next = queue.values().next();
    if (next.done) {
      active -= 1;
      return;
    }
    // The turn passes straight on: `active` stays the same.
    queue.delete(next.value);
    clearTimeout(next.value.timer);
    next.value.start();
  };
  const turn = () => {
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      release();
    };
  };

  return {
    enter() {
      if (active < limits.maxActive) {
        active += 1;
        return Promise.resolve(turn());
      }
      if (queue.size >= limits.maxWaiting) return Promise.resolve(null);
      return new Promise((resolve) => {
        const waiter: Waiter = {
          start: () => resolve(turn()),
          timer: setTimeout(() => {
            queue.delete(waiter);
            resolve(null);
          }, limits.maxWaitMs),
        };
        queue.add(waiter);
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.size;
    },
  };
}

const BUSY_PAGE =
  '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<title>Hệ thống đang bận</title></head><body style="font:1.125rem/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">' +
  '<h1>Hệ thống đang bận</h1><p>Trang đang có quá nhiều lượt truy cập cùng lúc. Vui lòng thử lại sau ít giây; ' +
  'nếu bạn vừa gửi một biểu mẫu, hãy bấm "Quay lại" trên trình duyệt để lấy lại nội dung đã nhập.</p><p><a href="/">Về trang chủ</a></p></body></html>';

/** The answer to a request turned away: 503, Retry-After, a Vietnamese page. */
export function answerBusy(res: ServerResponse): void {
  if (res.headersSent) return;
  res.writeHead(503, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(BUSY_PAGE),
    'Cache-Control': 'no-store',
    'Retry-After': '5',
  });
  res.end(BUSY_PAGE);
}

/**
 * Runs `serve` in a turn of `admission`: the turn ends when the response is done or the client
 * has gone. A request whose client went away while it waited passes its turn straight on.
 */
export async function admitted(admission: Admission, req: IncomingMessage, res: ServerResponse, serve: () => Promise<void>): Promise<void> {
  const leave = await admission.enter();
  if (!leave) {
    answerBusy(res);
    return;
  }
  if (res.writableEnded || req.socket.destroyed) {
    leave();
    return;
  }
  res.once('close', leave);
  await serve();
}
