// Documents (Văn bản): the pure rules every layer shares (no database, no framework), unit-tested
// in lib/documents.test.ts. The tables are in db/schema.ts (`documents`, `document_files`…).
import { TIME_ZONE } from '@/lib/dates';
import { stripDiacritics } from '@/lib/vietnamese';

/** Public URL of the registry and of one document. */
export const DOCUMENTS_PATH = '/van-ban';
export const documentPath = (slug: string): string => `${DOCUMENTS_PATH}/${slug}`;

/** Registry page size (`/van-ban`, `?trang=N`). */
export const DOCUMENTS_PAGE_SIZE = 20;

/** Default upload limit per file (`DOCUMENT_MAX_BYTES` overrides it, lib/env.ts). */
export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
/** At most this many files per document. */
export const MAX_FILES_PER_DOCUMENT = 10;

/**
 * Extracted text kept per file, and for a whole document's `files_text`: a tsvector must stay
 * under 1 MB, and a 500-page scan's OCR'd text would otherwise make every save of the row heavy.
 * The first pages are the ones a search is for (title, preamble, the operative articles).
 */
export const FILE_TEXT_LIMIT = 100_000;
export const FILES_TEXT_LIMIT = 200_000;

/** The flag a dashboard shows beside a PDF with no text layer. */
export const NO_TEXT_LAYER = 'Không có lớp chữ — chỉ tìm được theo trích yếu';

/**
 * `Số/Ký hiệu` folded for loose matching, exactly as the `number_key` column computes it in SQL
 * (db/schema.ts): accents dropped, lower case, letters and digits only.
 * `67/KH-UBND`, `67 kh ubnd`, `67/kh-ubnd` → `67khubnd`.
 */
export function numberKey(input: string): string {
  return stripDiacritics(input.normalize('NFC')).toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Whether a query looks like a number and symbol (a digit and a letter, or a slash): search it as one. */
export function looksLikeNumber(query: string): boolean {
  const q = query.trim();
  return /\d/.test(q) && (/[/\\-]/.test(q) || /[a-zA-ZđĐ]/.test(q)) && numberKey(q).length >= 2;
}

/** The legal force of a document on a given day. */
export type DocumentState = 'in_force' | 'expired' | 'not_yet';

export const DOCUMENT_STATE_LABEL: Record<DocumentState, string> = {
  in_force: 'Còn hiệu lực',
  expired: 'Hết hiệu lực',
  not_yet: 'Chưa có hiệu lực',
};

/** schema.org `legislationLegalForce` values for each state. */
export const DOCUMENT_STATE_SCHEMA: Record<DocumentState, string> = {
  in_force: 'https://schema.org/InForce',
  expired: 'https://schema.org/NotInForce',
  not_yet: 'https://schema.org/NotInForce',
};

/** Today's calendar date in Vietnam (`YYYY-MM-DD`), whatever the server's time zone. */
export function vietnamToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * In force from the effect date (or, without one, the issue date) up to and including the day
 * before the expiry date; dates are `YYYY-MM-DD`, compared as Vietnam calendar days.
 */
export function documentState(
  dates: { issuedOn: string; effectiveOn: string | null; expiresOn: string | null },
  today: string = vietnamToday(),
): DocumentState {
  const from = dates.effectiveOn ?? dates.issuedOn;
  if (today < from) return 'not_yet';
  if (dates.expiresOn && today >= dates.expiresOn) return 'expired';
  return 'in_force';
}

/** `2026-03-15` → `15/03/2026`. */
export function formatCalendarDate(value: string): string {
  const [y, m, d] = value.split('-');
  return `${d}/${m}/${y}`;
}

/** Validates a `YYYY-MM-DD` calendar date (a real day: no 31 February). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** `1 536 000` → `1,5 MB`, as a reader sees a file's size. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}

/** The file types a document may carry, decided from the bytes (file-type). */
export const DOCUMENT_FILE_TYPES = {
  'application/pdf': { ext: 'pdf', label: 'PDF' },
  'application/msword': { ext: 'doc', label: 'DOC' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', label: 'DOCX' },
  'application/vnd.ms-excel': { ext: 'xls', label: 'XLS' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', label: 'XLSX' },
  'application/vnd.oasis.opendocument.text': { ext: 'odt', label: 'ODT' },
} as const;

export type DocumentMimeType = keyof typeof DOCUMENT_FILE_TYPES;
