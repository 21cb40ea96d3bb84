export const STATUS_LABELS: Record<string, string> = {
  draft: 'Bản nháp',
  review: 'Chờ duyệt',
  scheduled: 'Hẹn giờ',
  published: 'Đã xuất bản',
  unpublished: 'Đã gỡ',
};
