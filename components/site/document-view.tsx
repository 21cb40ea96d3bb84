import Link from 'next/link';
import { DocumentFileLink } from '@/components/site/document-file-link';
import type { PublicDocument } from '@/db/queries/documents';
import { formatPublishTime, toVietnamIso } from '@/lib/dates';
import { fileTypeLabel } from '@/lib/document-download';
import {
  DOCUMENT_STATE_LABEL,
  DOCUMENT_STATE_SCHEMA,
  documentPath,
  documentState,
  formatCalendarDate,
  formatFileSize,
  vietnamToday,
} from '@/lib/documents';
import { site, siteUrl } from '@/lib/site';
import { jsonLdScript } from '@/lib/xml-text';
import styles from './document.module.css';

function CalendarDate({ value }: { value: string }) {
  return <time dateTime={value}>{formatCalendarDate(value)}</time>;
}

/** schema.org `Legislation` for a document (https://schema.org/Legislation). */
export function documentJsonLd(document: PublicDocument, state: keyof typeof DOCUMENT_STATE_SCHEMA, base: string) {
  const url = `${base}${documentPath(document.slug)}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    name: `${document.typeName} ${document.number}`,
    legislationIdentifier: document.number,
    legislationType: document.typeName,
    legislationDate: document.issuedOn,
    legislationPassedBy: { '@type': 'Organization', name: document.issuerName },
    legislationLegalForce: DOCUMENT_STATE_SCHEMA[state],
    abstract: document.abstract,
    url,
    mainEntityOfPage: url,
    inLanguage: 'vi-VN',
    datePublished: document.publishedAt ? toVietnamIso(document.publishedAt) : undefined,
    dateModified: toVietnamIso(document.updatedAt),
    expires: document.expiresOn ?? undefined,
    legislationResponsible: document.signer ? { '@type': 'Person', name: document.signer } : undefined,
    publisher: { '@type': 'Organization', name: site.publisher, url: base },
    encoding: document.files.map((file) => ({
      '@type': 'MediaObject',
      name: file.originalName,
      encodingFormat: file.mimeType,
      contentSize: String(file.bytes),
    })),
  };
}

/** A document's page: every field Decree 42/2022 Art. 4 asks for, its files, its links. */
export function DocumentView({ document }: { document: PublicDocument }) {
  const today = vietnamToday();
  const state = documentState(document, today);
  return (
    <article className={styles.document} aria-labelledby="van-ban-tieu-de">
      <script
        type="application/ld+json"
        // jsonLdScript escapes `<`, `>` and `&`: no text can close the script element.
        dangerouslySetInnerHTML={{ __html: jsonLdScript(documentJsonLd(document, state, siteUrl())) }}
      />
      <nav aria-label="Vị trí" className="breadcrumb no-print">
        <Link href="/">Trang chủ</Link>
        {' › '}
        <Link href="/van-ban">Văn bản</Link>
      </nav>
      <p className="article__section">{document.typeName}</p>
      <h1 id="van-ban-tieu-de" className={styles.title}>
        {document.typeName} {document.number}
      </h1>
      <p>
        <span className={`${styles.state} ${styles[state]}`} data-testid="document-state">
          {DOCUMENT_STATE_LABEL[state]}
        </span>{' '}
        <span className={styles.hint}>(tính đến ngày {formatCalendarDate(today)})</span>
      </p>
      <p className={styles.abstract}>{document.abstract}</p>
      <dl className={styles.details}>
        <dt>Số/Ký hiệu</dt>
        <dd>{document.number}</dd>
        <dt>Loại văn bản</dt>
        <dd>
          <Link href={`/van-ban?loai=${document.typeSlug}`}>{document.typeName}</Link>
        </dd>
        <dt>Cơ quan ban hành</dt>
        <dd>
          <Link href={`/van-ban?co-quan=${document.issuerSlug}`}>{document.issuerName}</Link>
        </dd>
        {document.signer ? (
          <>
            <dt>Người ký</dt>
            <dd>{document.signer}</dd>
          </>
        ) : null}
        <dt>Ngày ban hành</dt>
        <dd>
          <CalendarDate value={document.issuedOn} />
        </dd>
        <dt>Ngày hiệu lực</dt>
        <dd>
          <CalendarDate value={document.effectiveOn ?? document.issuedOn} />
        </dd>
        {document.expiresOn ? (
          <>
            <dt>Ngày hết hiệu lực</dt>
            <dd>
              <CalendarDate value={document.expiresOn} />
            </dd>
          </>
        ) : null}
        {document.fieldName ? (
          <>
            <dt>Lĩnh vực</dt>
            <dd>
              <Link href={`/van-ban?linh-vuc=${document.fieldSlug}`}>{document.fieldName}</Link>
            </dd>
          </>
        ) : null}
        <dt>Tình trạng hiệu lực</dt>
        <dd>{DOCUMENT_STATE_LABEL[state]}</dd>
        {document.replaces ? (
          <>
            <dt>Thay thế văn bản</dt>
            <dd>
              <Link href={documentPath(document.replaces.slug)}>{document.replaces.number}</Link>
            </dd>
          </>
        ) : null}
        {document.replacedBy.length > 0 ? (
          <>
            <dt>Được thay thế bởi</dt>
            <dd>
              {document.replacedBy.map((d, i) => (
                <span key={d.slug}>
                  {i > 0 ? ', ' : null}
                  <Link href={documentPath(d.slug)}>{d.number}</Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <section className={styles.section} aria-labelledby="van-ban-tep">
        <h2 id="van-ban-tep" className="block-title">
          Tệp đính kèm
        </h2>
        {document.files.length === 0 ? (
          <p>Văn bản này chưa có tệp đính kèm.</p>
        ) : (
          <ul className={styles.fileTable}>
            {document.files.map((file) => (
              <li key={file.id}>
                <span className={styles.fileName}>
                  {file.originalName}{' '}
                  <span className={styles.hint}>
                    ({fileTypeLabel(file.mimeType)}, {formatFileSize(file.bytes)})
                  </span>
                </span>
                <DocumentFileLink file={file} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {document.citedBy.length > 0 ? (
        <section className={styles.section} aria-labelledby="van-ban-bai-viet">
          <h2 id="van-ban-bai-viet" className="block-title">
            Bài viết liên quan
          </h2>
          <ul>
            {document.citedBy.map((a) => (
              <li key={a.slug}>
                <Link href={`/bai-viet/${a.slug}`}>{a.title}</Link>{' '}
                <span className={styles.hint}>
                  (<time dateTime={toVietnamIso(a.publishedAt)}>{formatPublishTime(a.publishedAt)}</time>)
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
