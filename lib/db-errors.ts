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
