// The document form (`/dashboard/van-ban/new`, `/dashboard/van-ban/{id}`) at the boundary: what
// each field may hold, with its Vietnamese message beside the field. No database in here: that a
// type, issuer or file exists, and that a number is not taken, is checked by db/writes/documents.ts.
import { z } from 'zod';
import { isCalendarDate, MAX_FILES_PER_DOCUMENT, numberKey } from './documents';
import { optionalIdSchema, parseId } from './validation';
import { normalizeText } from './vietnamese';

export const DOCUMENT_INTENTS = ['draft', 'publish', 'unpublish'] as const;
export type DocumentIntent = (typeof DOCUMENT_INTENTS)[number];

/** The fields of the form, by their `name`. */
export type DocumentField =
  | 'number'
  | 'typeId'
  | 'issuerId'
  | 'signer'
  | 'issuedOn'
  | 'effectiveOn'
  | 'expiresOn'
  | 'fieldId'
  | 'abstract'
  | 'fileIds'
  | 'replacesId';

export const DOCUMENT_MESSAGES = {
  number: 'Vui lòng nhập số/ký hiệu văn bản.',
  numberLong: 'Số/ký hiệu tối đa 100 ký tự.',
  numberNoKey: 'Số/ký hiệu cần có ít nhất một chữ cái (không dấu hoặc có dấu) hoặc chữ số.',
  type: 'Vui lòng chọn loại văn bản.',
  issuer: 'Vui lòng chọn cơ quan ban hành.',
  signerLong: 'Tên người ký tối đa 100 ký tự.',
  issuedOn: 'Vui lòng nhập ngày ban hành.',
  badDate: 'Ngày không hợp lệ (ví dụ đúng: 15/03/2026).',
  effectiveBeforeIssue: 'Ngày hiệu lực không được trước ngày ban hành.',
  expiryBeforeEffect: 'Ngày hết hiệu lực phải sau ngày hiệu lực.',
  expiryBeforeIssue: 'Ngày hết hiệu lực phải sau ngày ban hành.',
  abstract: 'Vui lòng nhập trích yếu.',
  abstractLong: 'Trích yếu tối đa 2.000 ký tự.',
  tooManyFiles: `Mỗi văn bản có tối đa ${MAX_FILES_PER_DOCUMENT} tệp.`,
  badFile: 'Danh sách tệp không hợp lệ. Vui lòng tải lại trang.',
  badId: 'Giá trị không hợp lệ.',
} as const;

const optionalId = optionalIdSchema(DOCUMENT_MESSAGES.badId);

const requiredId = (message: string) =>
  z.unknown().optional().transform((value, ctx) => {
    const id = value === undefined || value === '' ? null : parseId(value);
    if (id === null) {
      ctx.addIssue({ code: 'custom', message: value === undefined || value === '' ? message : DOCUMENT_MESSAGES.badId });
      return z.NEVER;
    }
    return id;
  });

/** A `YYYY-MM-DD` field: '' is null (unless required), anything else must be a real day. */
const dateField = (required: string | null) =>
  z.unknown().optional().transform((value, ctx): string | null => {
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) {
      if (required) {
        ctx.addIssue({ code: 'custom', message: required });
        return z.NEVER;
      }
      return null;
    }
    if (!isCalendarDate(text) || text < '1900-01-01' || text > '2200-12-31') {
      ctx.addIssue({ code: 'custom', message: DOCUMENT_MESSAGES.badDate });
      return z.NEVER;
    }
    return text;
  });

/** Text typed into a field: NFC, trimmed, inner runs of spaces kept as the user typed them (normalizeText). */
const text = () => z.unknown().optional().transform((v) => normalizeText(typeof v === 'string' ? v : ''));

/** `fileIds` in the order shown: each a file id, at most MAX_FILES_PER_DOCUMENT, no repeats. */
const fileIds = z.unknown().optional().transform((value, ctx): number[] => {
  const list = value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value];
  if (list.length > MAX_FILES_PER_DOCUMENT) {
    ctx.addIssue({ code: 'custom', message: DOCUMENT_MESSAGES.tooManyFiles });
    return z.NEVER;
  }
  const ids = list.map((v) => parseId(v));
  if (ids.some((id) => id === null) || new Set(ids).size !== ids.length) {
    ctx.addIssue({ code: 'custom', message: DOCUMENT_MESSAGES.badFile });
    return z.NEVER;
  }
  return ids as number[];
});

export const DocumentFormSchema = z
  .object({
    id: optionalId,
    version: optionalId,
    intent: z.enum(DOCUMENT_INTENTS, { error: 'Thao tác không hợp lệ.' }),
    number: text().pipe(z.string().min(1, DOCUMENT_MESSAGES.number).max(100, DOCUMENT_MESSAGES.numberLong)),
    typeId: requiredId(DOCUMENT_MESSAGES.type),
    issuerId: requiredId(DOCUMENT_MESSAGES.issuer),
    fieldId: optionalId,
    signer: text().pipe(z.string().max(100, DOCUMENT_MESSAGES.signerLong)),
    issuedOn: dateField(DOCUMENT_MESSAGES.issuedOn),
    effectiveOn: dateField(null),
    expiresOn: dateField(null),
    abstract: text().pipe(z.string().min(1, DOCUMENT_MESSAGES.abstract).max(2000, DOCUMENT_MESSAGES.abstractLong)),
    fileIds,
    replacesId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (v.number && !numberKey(v.number)) ctx.addIssue({ code: 'custom', path: ['number'], message: DOCUMENT_MESSAGES.numberNoKey });
    const issued = v.issuedOn as string;
    if (v.effectiveOn && v.effectiveOn < issued) ctx.addIssue({ code: 'custom', path: ['effectiveOn'], message: DOCUMENT_MESSAGES.effectiveBeforeIssue });
    if (v.expiresOn) {
      if (v.effectiveOn && v.expiresOn <= v.effectiveOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: DOCUMENT_MESSAGES.expiryBeforeEffect });
      else if (!v.effectiveOn && v.expiresOn <= issued) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: DOCUMENT_MESSAGES.expiryBeforeIssue });
    }
  });

export type DocumentForm = z.infer<typeof DocumentFormSchema>;

/** The editable lists (`/dashboard/van-ban/danh-muc`). */
export const DOCUMENT_TERM_KINDS = ['type', 'issuer', 'field'] as const;
export type DocumentTermKind = (typeof DOCUMENT_TERM_KINDS)[number];
export const DOCUMENT_TERM_LABELS: Record<DocumentTermKind, string> = {
  type: 'Loại văn bản',
  issuer: 'Cơ quan ban hành',
  field: 'Lĩnh vực',
};
