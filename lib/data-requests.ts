// Personal-data requests: the kinds a person may ask for, the public reference, pure helpers.
import { randomInt } from 'node:crypto';

export const DATA_REQUEST_KINDS = ['access', 'erasure', 'withdraw_consent', 'restrict', 'object'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];

/** `Loại yêu cầu` as the form and the dashboard show them. */
export const DATA_REQUEST_KIND_LABELS: Record<DataRequestKind, string> = {
  access: 'Xem dữ liệu',
  erasure: 'Xóa dữ liệu',
  withdraw_consent: 'Rút lại đồng ý',
  restrict: 'Hạn chế xử lý',
  object: 'Phản đối xử lý',
};

export const DATA_REQUEST_STATUSES = ['received', 'acknowledged', 'done'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];

export const DATA_REQUEST_STATUS_LABELS: Record<DataRequestStatus, string> = {
  received: 'Đã tiếp nhận',
  acknowledged: 'Đã xác nhận, đang xử lý',
  done: 'Đã hoàn thành',
};

// No look-alikes (0/O, 1/I/L), upper case only: easy to read out over the phone.
export const REQUEST_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const REQUEST_CODE_LENGTH = 12;
const CODE_PATTERN = new RegExp(`^[${REQUEST_CODE_ALPHABET}]{${REQUEST_CODE_LENGTH}}$`);

/** A new `Mã yêu cầu`: 12 characters of 31, about 59 bits from the system's CSPRNG. */
export function newRequestCode(): string {
  let code = '';
  for (let i = 0; i < REQUEST_CODE_LENGTH; i++) code += REQUEST_CODE_ALPHABET[randomInt(REQUEST_CODE_ALPHABET.length)];
  return code;
}

/** A code from a URL or a form, upper-cased and with spaces and dashes dropped; null if it cannot be one. */
export function parseRequestCode(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const code = value.replace(/[\s-]/g, '').toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

/**
 * Where a request stands against its deadlines on `today` ('YYYY-MM-DD', Vietnam): overdue when
 * not acknowledged after `Hạn xác nhận`, or not done after `Hạn hoàn thành` (the extended one if any).
 */
export function isOverdue(
  request: { status: DataRequestStatus; acknowledgeBy: string; dueBy: string; extendedUntil: string | null },
  today: string,
): boolean {
  if (request.status === 'done') return false;
  if (request.status === 'received' && request.acknowledgeBy < today) return true;
  return (request.extendedUntil ?? request.dueBy) < today;
}
