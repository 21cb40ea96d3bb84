// How a document revision (its snapshot) reads in the dashboard: the fields by their form
// labels, what changed from one revision to another, and each value as text.
import type { DocumentSnapshot } from '@/db/schema';
import { formatCalendarDate } from '@/lib/documents';
import { DOCUMENT_STATUS_LABELS } from './labels';

/** The fields of a snapshot that can differ between two revisions (not the address or first publication). */
export type ComparedFields = Omit<DocumentSnapshot, 'slug' | 'publishedAt'>;

/** The fields a revision keeps, in the form's order, by their form labels. */
export const SNAPSHOT_LABELS: [keyof ComparedFields, string][] = [
  ['number', 'Số/Ký hiệu'],
  ['typeId', 'Loại văn bản'],
  ['issuerId', 'Cơ quan ban hành'],
  ['signer', 'Người ký'],
  ['issuedOn', 'Ngày ban hành'],
  ['effectiveOn', 'Ngày hiệu lực'],
  ['expiresOn', 'Ngày hết hiệu lực'],
  ['fieldId', 'Lĩnh vực'],
  ['abstract', 'Trích yếu'],
  ['fileIds', 'Tệp đính kèm'],
  ['replacesId', 'Thay thế văn bản'],
  ['status', 'Trạng thái'],
];

export function fieldChanged(key: keyof ComparedFields, a: ComparedFields, b: ComparedFields): boolean {
  return JSON.stringify(a[key]) !== JSON.stringify(b[key]);
}

/** What changed from one revision to the next, by field label. */
export function describeChanges(version: number, snapshot: ComparedFields, previous: ComparedFields | undefined): string {
  if (!previous) return version === 1 ? 'Tạo văn bản' : '—';
  const changed = SNAPSHOT_LABELS.filter(([key]) => fieldChanged(key, snapshot, previous)).map(([, label]) => label);
  return changed.length > 0 ? changed.join(', ') : 'Không đổi nội dung';
}

export type Names = {
  terms: Map<number, string>;
  files: Map<number, string>;
  replaces: string | null;
};

/** A field's value as the reader of the history sees it. */
export function fieldText(key: keyof ComparedFields, fields: ComparedFields, names: Names): string {
  switch (key) {
    case 'typeId':
    case 'issuerId':
    case 'fieldId': {
      const id = fields[key];
      return id === null ? '—' : (names.terms.get(id) ?? '(mục đã xóa khỏi danh mục)');
    }
    case 'issuedOn':
    case 'effectiveOn':
    case 'expiresOn': {
      const day = fields[key];
      return day ? formatCalendarDate(day) : '—';
    }
    case 'fileIds':
      return fields.fileIds.length === 0 ? 'Không có' : fields.fileIds.map((id) => names.files.get(id) ?? '(tệp không còn gắn lại được)').join('; ');
    case 'replacesId':
      return fields.replacesId === null ? '—' : (names.replaces ?? '(văn bản đã xóa)');
    case 'status':
      return DOCUMENT_STATUS_LABELS[fields.status as keyof typeof DOCUMENT_STATUS_LABELS] ?? fields.status;
    default:
      return fields[key] || '—';
  }
}
