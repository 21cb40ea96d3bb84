// The article workflow (DESIGN.md) as pure decisions: who may press which button on an
// article in which state, and what the article becomes. db/writes/articles.ts asks these
// inside its transaction (row locked) and keeps the SQL, revisions and audit rows.
import type { ArticleStatus } from '@/lib/article-status';
import { can, type Role } from '@/lib/auth/permissions';

/** The editor's buttons: Lưu nháp, Gửi duyệt, Xuất bản (or Hẹn giờ when the time is ahead), Gỡ bài. */
export const ARTICLE_INTENTS = ['draft', 'review', 'publish', 'unpublish'] as const;
export type ArticleIntent = (typeof ARTICLE_INTENTS)[number];

export type WorkflowActor = { id: string; role: Role };
/** The article as it is before the save; `null` for one not yet created. */
export type WorkflowArticle = { status: ArticleStatus; publishedAt: Date | null; createdBy: string | null };

export type AuditAction = 'article.publish' | 'article.schedule' | 'article.unpublish';

export type WorkflowStep = {
  ok: true;
  status: ArticleStatus;
  publishedAt: Date | null;
  /** The audit entry this step writes, when it enters a public-facing state. */
  audit: AuditAction | null;
  /** Readers could see the article before or after the step (or will, when scheduled). */
  touchesPublic: boolean;
};

export const REFUSALS = {
  forbidden: 'Bạn không có quyền xuất bản hoặc gỡ bài.',
  'not-own-draft': 'Bạn chỉ được sửa bản nháp của chính mình.',
  'already-published': 'Bài đã xuất bản; hãy gỡ bài trước khi gửi duyệt lại.',
  'not-published': 'Bài chưa xuất bản nên không thể gỡ.',
} as const;
export type RefusalReason = keyof typeof REFUSALS;
export type WorkflowRefusal = { ok: false; reason: RefusalReason; message: (typeof REFUSALS)[RefusalReason] };

const refuse = (reason: RefusalReason): WorkflowRefusal => ({ ok: false, reason, message: REFUSALS[reason] });

/** Publishing and unpublishing are the editors' decision; every role may draft and submit. */
export function mayUseIntent(role: Role, intent: ArticleIntent): boolean {
  return intent === 'draft' || intent === 'review' || can(role, 'articles:publish');
}

/** Whether `actor` may change an article in its current state. Reporters: their own drafts only. */
export function mayEdit(actor: WorkflowActor, article: { createdBy: string | null; status: ArticleStatus }): boolean {
  if (can(actor.role, 'articles:write-any')) return true;
  return article.createdBy === actor.id && (article.status === 'draft' || article.status === 'review');
}

/** On the public site at `now`: published, with a time that has come. */
export function isLive(status: ArticleStatus, publishedAt: Date | null, now: Date): boolean {
  return status === 'published' && publishedAt !== null && publishedAt.getTime() <= now.getTime();
}

/**
 * The status an article takes when `actor` presses `intent`, or why it may not.
 * `requestedPublishedAt` is the form's publish time (null: keep the article's own, or now
 * when publishing); a publish time after `now` schedules instead of publishing.
 */
export function nextStatus(
  current: WorkflowArticle | null,
  intent: ArticleIntent,
  actor: WorkflowActor,
  { requestedPublishedAt, now }: { requestedPublishedAt: Date | null; now: Date },
): WorkflowStep | WorkflowRefusal {
  if (!mayUseIntent(actor.role, intent)) return refuse('forbidden');
  if (current && !mayEdit(actor, current)) return refuse('not-own-draft');

  let status: ArticleStatus = current?.status ?? 'draft';
  let publishedAt = requestedPublishedAt ?? current?.publishedAt ?? null;
  switch (intent) {
    case 'draft':
      // A live or scheduled article stays so: saving it updates what readers see.
      if (current === null || status === 'review') status = 'draft';
      break;
    case 'review':
      if (status === 'published' || status === 'scheduled') return refuse('already-published');
      status = 'review';
      break;
    case 'publish':
      publishedAt ??= now;
      status = publishedAt.getTime() > now.getTime() ? 'scheduled' : 'published';
      break;
    case 'unpublish':
      if (status !== 'published' && status !== 'scheduled') return refuse('not-published');
      status = 'unpublished';
      break;
  }

  const entersPublicState = current?.status !== status && (status === 'published' || status === 'scheduled' || status === 'unpublished');
  const audit: AuditAction | null = !entersPublicState
    ? null
    : status === 'unpublished'
      ? 'article.unpublish'
      : status === 'scheduled'
        ? 'article.schedule'
        : 'article.publish';
  const wasLive = current ? isLive(current.status, current.publishedAt, now) : false;
  return { ok: true, status, publishedAt, audit, touchesPublic: wasLive || isLive(status, publishedAt, now) || status === 'scheduled' };
}
