import Link from 'next/link';
import { Pagination } from '@/components/pagination';
import { DocumentFileLink } from '@/components/site/document-file-link';
import { DOCUMENT_MAX_PAGE, listDocumentFacets, listDocuments, type DocumentFacets, type DocumentTermOption } from '@/db/queries/documents';
import { REGISTRY_QUERY_MAX, isFiltered, parseRegistryParams, registryHref, type RawSearchParams, type RegistryParams } from '@/lib/document-registry';
import { DOCUMENTS_PAGE_SIZE, documentPath, formatCalendarDate } from '@/lib/documents';
import styles from './document.module.css';

function TermSelect({ id, name, label, options, value }: { id: string; name: string; label: string; options: DocumentTermOption[]; value: string | null }) {
  return (
    <div className={styles.filter}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">Tất cả</option>
        {options.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A filter value counts only when it names an entry that has published documents. */
function known(options: DocumentTermOption[], slug: string | null): DocumentTermOption | undefined {
  return slug ? options.find((o) => o.slug === slug) : undefined;
}

function Filters({ facets, params }: { facets: DocumentFacets; params: RegistryParams }) {
  return (
    <form action="/van-ban" method="get" role="search" aria-label="Tra cứu văn bản" className={styles.filters}>
      <div className={`${styles.filter} ${styles.query}`}>
        <label htmlFor="van-ban-q">Tìm văn bản</label>
        <input
          id="van-ban-q"
          name="q"
          type="search"
          defaultValue={params.q}
          maxLength={REGISTRY_QUERY_MAX}
          aria-describedby="van-ban-q-goi-y"
        />
        <p id="van-ban-q-goi-y" className={styles.hint}>
          Số/ký hiệu (ví dụ 67/KH-UBND) hoặc từ trong trích yếu, nội dung; gõ có dấu hay không dấu đều được.
        </p>
      </div>
      <TermSelect id="van-ban-loai" name="loai" label="Loại văn bản" options={facets.type} value={params.loai} />
      <TermSelect id="van-ban-co-quan" name="co-quan" label="Cơ quan ban hành" options={facets.issuer} value={params.coQuan} />
      <TermSelect id="van-ban-linh-vuc" name="linh-vuc" label="Lĩnh vực" options={facets.field} value={params.linhVuc} />
      <div className={styles.filter}>
        <label htmlFor="van-ban-nam">Năm ban hành</label>
        <select id="van-ban-nam" name="nam" defaultValue={params.nam ? String(params.nam) : ''}>
          <option value="">Tất cả</option>
          {facets.years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.actions}>
        <button type="submit">Tìm</button>
        {isFiltered(params) ? <Link href="/van-ban">Xóa bộ lọc</Link> : null}
      </div>
    </form>
  );
}

/**
 * The registry: its filter form (a GET form, so it works without JavaScript) and a page of
 * published documents. `raw` is the request's query ({} for the static first page).
 */
export async function DocumentRegistry({ raw }: { raw: RawSearchParams }) {
  const facets = await listDocumentFacets();
  const parsed = parseRegistryParams(raw, DOCUMENT_MAX_PAGE);
  // Values naming nothing are dropped here, so the form, the links and the query agree.
  const type = known(facets.type, parsed.loai);
  const issuer = known(facets.issuer, parsed.coQuan);
  const field = known(facets.field, parsed.linhVuc);
  const params: RegistryParams = {
    ...parsed,
    loai: type?.slug ?? null,
    coQuan: issuer?.slug ?? null,
    linhVuc: field?.slug ?? null,
    nam: parsed.nam && facets.years.includes(parsed.nam) ? parsed.nam : null,
  };
  const result = await listDocuments(
    { typeId: type?.id, issuerId: issuer?.id, fieldId: field?.id, year: params.nam ?? undefined, q: params.q || undefined },
    params.trang,
  );
  const count = result.total.toLocaleString('vi-VN');
  return (
    <>
      <h1>Văn bản</h1>
      <p className={styles.intro}>Văn bản quy phạm pháp luật, chỉ đạo, điều hành do cơ quan ban hành, kèm tệp toàn văn để tải về.</p>
      <Filters facets={facets} params={params} />
      <p role="status" className={styles.count}>
        {result.total === 0
          ? isFiltered(params)
            ? 'Không có văn bản nào phù hợp. Hãy bỏ bớt bộ lọc hoặc thử từ khóa khác.'
            : 'Chưa có văn bản nào được đăng.'
          : result.more
            ? `Có hơn ${count} văn bản phù hợp; đây là ${count} văn bản đầu tiên. Chọn thêm bộ lọc để thu hẹp.`
            : `Có ${count} văn bản${isFiltered(params) ? ' phù hợp' : ''}.`}
        {result.total > 0 && result.items.length === 0 ? (
          <>
            {' '}
            Trang {params.trang} không có văn bản nào. <Link href={registryHref(params)}>Về trang đầu</Link>
          </>
        ) : null}
      </p>
      {result.items.length > 0 ? (
        <ol className={styles.list} start={(result.page - 1) * DOCUMENTS_PAGE_SIZE + 1} aria-label="Danh sách văn bản">
          {result.items.map((doc) => (
            <li key={doc.id} className={styles.item}>
              <h2 className={styles.itemTitle}>
                <Link href={documentPath(doc.slug)}>
                  {doc.typeName} {doc.number}
                </Link>
              </h2>
              <dl className={styles.fields}>
                <div>
                  <dt>Số/Ký hiệu</dt>
                  <dd>{doc.number}</dd>
                </div>
                <div>
                  <dt>Ngày ban hành</dt>
                  <dd>
                    <time dateTime={doc.issuedOn}>{formatCalendarDate(doc.issuedOn)}</time>
                  </dd>
                </div>
                <div>
                  <dt>Cơ quan ban hành</dt>
                  <dd>{doc.issuerName}</dd>
                </div>
                <div className={styles.wide}>
                  <dt>Trích yếu</dt>
                  <dd>{doc.abstract}</dd>
                </div>
              </dl>
              {doc.files.length > 0 ? (
                <ul className={styles.files} aria-label={`Tệp của văn bản ${doc.number}`}>
                  {doc.files.map((file) => (
                    <li key={file.id}>
                      <DocumentFileLink file={file} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      <Pagination page={result.page} pages={result.pages} href={(p) => registryHref(params, p)} />
    </>
  );
}
