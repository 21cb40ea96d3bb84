/** The article workflow's states, as the `article_status` enum in db/schema.ts has them. */
export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const STATUS_LABELS: Record<string, string> = {
  draft: 'Bản nháp',
  review: 'Chờ duyệt',
  scheduled: 'Hẹn giờ',
  published: 'Đã xuất bản',
  unpublished: 'Đã gỡ',
} satisfies Record<ArticleStatus, string>;
