/** A document's status as the newsroom reads it. */
export const DOCUMENT_STATUS_LABELS = { draft: 'Bản nháp', published: 'Đã xuất bản', unpublished: 'Đã gỡ' } as const;
