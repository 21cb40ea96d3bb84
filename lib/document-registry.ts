// The registry's query string (`/van-ban?q=…&loai=…&co-quan=…&linh-vuc=…&nam=…&trang=…`), read
// defensively: a value that is not one string of a sane shape is ignored (as if absent), never
// an error, so a bad link or a hostile one is the registry itself, not a 500. Pure, unit-tested
// in lib/document-registry.test.ts.
import { DOCUMENTS_PATH } from './documents';
import { normalizeText } from './vietnamese';

/** Longest search text kept (db/queries/document-search.ts MAX_DOCUMENT_QUERY cuts the same). */
export const REGISTRY_QUERY_MAX = 200;
/** The query-string names of the filters, as the contract spells them. */
export const REGISTRY_PARAMS = ['q', 'loai', 'co-quan', 'linh-vuc', 'nam', 'trang'] as const;

export type RegistryParams = {
  q: string;
  loai: string | null;
  coQuan: string | null;
  linhVuc: string | null;
  nam: number | null;
  trang: number;
};

export type RawSearchParams = Record<string, string | string[] | undefined>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const one = (value: string | string[] | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

function slugValue(value: string | string[] | undefined): string | null {
  const v = one(value);
  return v !== undefined && v.length <= 120 && SLUG.test(v) ? v : null;
}

/** Reads the registry's parameters; `maxPage` bounds `trang` (beyond it: the first page). */
export function parseRegistryParams(raw: RawSearchParams, maxPage: number): RegistryParams {
  const q = one(raw.q);
  const year = one(raw.nam);
  const page = one(raw.trang);
  const nam = year !== undefined && /^[0-9]{4}$/.test(year) && Number(year) >= 1900 && Number(year) <= 2200 ? Number(year) : null;
  const trang = page !== undefined && /^[0-9]{1,6}$/.test(page) && Number(page) >= 1 && Number(page) <= maxPage ? Number(page) : 1;
  return {
    // Cut before normalising too: a 10 kB value costs no more than a long query.
    q: q === undefined ? '' : normalizeText(q.slice(0, REGISTRY_QUERY_MAX * 2).replace(/\0/g, '')).slice(0, REGISTRY_QUERY_MAX),
    loai: slugValue(raw.loai),
    coQuan: slugValue(raw['co-quan']),
    linhVuc: slugValue(raw['linh-vuc']),
    nam,
    trang,
  };
}

/** The registry's address for these parameters and page (empty ones left out). */
export function registryHref(params: Omit<RegistryParams, 'trang'>, page = 1): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.loai) query.set('loai', params.loai);
  if (params.coQuan) query.set('co-quan', params.coQuan);
  if (params.linhVuc) query.set('linh-vuc', params.linhVuc);
  if (params.nam) query.set('nam', String(params.nam));
  if (page > 1) query.set('trang', String(page));
  const s = query.toString();
  return s ? `${DOCUMENTS_PATH}?${s}` : DOCUMENTS_PATH;
}

/** Whether any filter or search is set (the page then says how to clear them). */
export function isFiltered(params: RegistryParams): boolean {
  return Boolean(params.q || params.loai || params.coQuan || params.linhVuc || params.nam);
}
