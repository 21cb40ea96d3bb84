// Recognises "the database is unreachable" failures, which deserve a calm, temporary message
// rather than an error page: connection refused or reset, shutdown, too many clients, timeouts.
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
const SQLSTATE_CLASSES = ['08', '53', '57P'];

export const DATABASE_UNAVAILABLE = 'Hệ thống tạm thời gián đoạn. Nội dung bạn nhập vẫn còn nguyên; vui lòng thử lại sau ít phút.';

/** True when `error` (or its cause) says the database could not be reached or is shutting down. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = String((e as { code?: unknown }).code ?? '');
    if (CONNECTION_CODES.has(code) || SQLSTATE_CLASSES.some((c) => code.startsWith(c))) return true;
  }
  return false;
}

/**
 * Thrown where an outage must fail a request rather than pass for something else (a session
 * check that could not reach the database is not a signed-out user). SQLSTATE 08006,
 * connection failure, so that isDatabaseUnavailable() knows it.
 */
export class DatabaseUnavailableError extends Error {
  readonly code = '08006';
  constructor() {
    super('The database is unavailable');
    this.name = 'DatabaseUnavailableError';
  }
}
