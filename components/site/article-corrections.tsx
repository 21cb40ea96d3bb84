import { wasEdited, type PublicCorrection } from '@/lib/corrections';
import { formatPublishTime, toVietnamIso } from '@/lib/dates';

/** When a correction was added (`HH:mm dd/MM/yyyy`, Vietnam time) and, when changed since, when. */
export function CorrectionTime({ correction: c }: { correction: { createdAt: Date; updatedAt: Date } }) {
  return (
    <>
      <time dateTime={toVietnamIso(c.createdAt)}>{formatPublishTime(c.createdAt)}</time>
      {wasEdited(c) ? (
        <>
          {' (sửa lúc '}
          <time dateTime={toVietnamIso(c.updatedAt)}>{formatPublishTime(c.updatedAt)}</time>
          {')'}
        </>
      ) : null}
    </>
  );
}

/**
 * `Đính chính` at the top of an article: every correction, newest first, with the time it was
 * added (`HH:mm dd/MM/yyyy`, Vietnam time) and, when changed since, when. Plain text: React
 * escapes it, and line breaks are kept by CSS.
 */
export function ArticleCorrections({ corrections }: { corrections: PublicCorrection[] }) {
  if (corrections.length === 0) return null;
  return (
    <aside className="article__corrections" aria-labelledby="dinh-chinh">
      <h2 id="dinh-chinh">Đính chính</h2>
      <ul>
        {corrections.map((c) => (
          <li key={c.id}>
            <p className="article__correction-time">
              <CorrectionTime correction={c} />
            </p>
            <p className="article__correction-text">{c.body}</p>
          </li>
        ))}
      </ul>
    </aside>
  );
}
