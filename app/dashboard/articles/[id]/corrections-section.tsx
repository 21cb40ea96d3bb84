import { listCorrectionsForEdit } from '@/db/queries/corrections';
import type { CurrentUser } from '@/lib/auth/session';
import { CORRECTION_MESSAGES, MAX_CORRECTIONS_PER_ARTICLE, wasEdited } from '@/lib/corrections';
import { formatPublishTime, toVietnamIso } from '@/lib/dates';
import { AddCorrectionForm, EditCorrectionForm } from './correction-forms';

/**
 * `Đính chính` on an article's editor page (editors and admins only: the caller checks
 * `articles:correct`, and so does the query): every correction with its time, author and
 * history, the form to add one, and one to change each. Only a published article takes new
 * corrections or edits; one taken down keeps its list, read-only.
 */
export async function CorrectionsSection({ user, article }: { user: CurrentUser; article: { id: number; status: string } }) {
  const corrections = await listCorrectionsForEdit(user, article.id);
  const published = article.status === 'published';
  if (!published && corrections.length === 0) return null;
  return (
    <section className="corrections-admin" aria-labelledby="dinh-chinh-tieu-de">
      <h2 id="dinh-chinh-tieu-de">Đính chính</h2>
      {!published ? <p role="status">{CORRECTION_MESSAGES.notPublished}</p> : null}
      {corrections.length === 0 ? <p>Bài chưa có đính chính nào.</p> : null}
      {corrections.length > 0 ? (
        <ol className="corrections-admin__list" reversed>
          {corrections.map((c) => (
            <li key={c.id} className="corrections-admin__item">
              <p className="corrections-admin__meta">
                <time dateTime={toVietnamIso(c.createdAt)}>{formatPublishTime(c.createdAt)}</time>
                {' · '}
                {c.createdByName ?? 'Tài khoản đã xóa'}
                {wasEdited(c) ? (
                  <>
                    {' · sửa lúc '}
                    <time dateTime={toVietnamIso(c.updatedAt)}>{formatPublishTime(c.updatedAt)}</time>
                  </>
                ) : null}
                {` · phiên bản ${c.version}`}
              </p>
              <p className="corrections-admin__body">{c.body}</p>
              <details>
                <summary>Lịch sử ({c.versions.length} phiên bản)</summary>
                <ol className="corrections-admin__versions">
                  {c.versions.map((v) => (
                    <li key={v.version}>
                      <p className="corrections-admin__meta">
                        Phiên bản {v.version} · <time dateTime={toVietnamIso(v.changedAt)}>{formatPublishTime(v.changedAt)}</time> ·{' '}
                        {v.changedByName ?? 'Tài khoản đã xóa'}
                        {v.reason ? ` · Lý do: ${v.reason}` : v.version === 1 ? ' · Bản gốc' : ''}
                      </p>
                      <p className="corrections-admin__body">{v.body}</p>
                    </li>
                  ))}
                </ol>
              </details>
              {published ? <EditCorrectionForm articleId={article.id} correctionId={c.id} version={c.version} body={c.body} /> : null}
            </li>
          ))}
        </ol>
      ) : null}
      {published ? (
        corrections.length < MAX_CORRECTIONS_PER_ARTICLE ? (
          <AddCorrectionForm articleId={article.id} />
        ) : (
          <p role="status">{CORRECTION_MESSAGES.tooMany}</p>
        )
      ) : null}
    </section>
  );
}
