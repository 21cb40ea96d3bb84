// Times the registry's document search at the SQL level, as `/van-ban?q=…` runs it: the capped
// registry's own listDocuments (db/queries/documents.ts): the capped count, the first page in
// documentMatchOrder, that page's files. --explain rebuilds its two queries to show their plans. Run by scripts/bench.ts in a child
// process (`--conditions=react-server`, as the queries are server-only) against DATABASE_URL:
//   node --conditions=react-server --import tsx scripts/lib/document-search-timing.ts [--rounds N] [--explain] [--json FILE]
// Prints one line per query and, with --explain, EXPLAIN ANALYZE of the slowest ones.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { closeAppSql } from '@/db/client';
import { documentMatch, documentMatchOrder } from '@/db/queries/document-search';
import { listDocuments } from '@/db/queries/documents';
import { documents, documentTerms } from '@/db/schema';
import { DOCUMENTS_PAGE_SIZE } from '@/lib/documents';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '10' }, explain: { type: 'boolean' }, json: { type: 'string' } },
});
const ROUNDS = Math.max(1, Number(values.rounds));
/** As the registry counts (db/queries/documents.ts DOCUMENT_COUNT_CAP). */
const COUNT_CAP = 2_000;

export type SearchCase = { label: string; kind: string; q: string; typeSlug?: string; issuerSlug?: string; fieldSlug?: string; year?: number };

const termId = async (kind: 'type' | 'issuer' | 'field', slug?: string) => {
  if (!slug) return undefined;
  const [row] = await db.select({ id: documentTerms.id }).from(documentTerms).where(and(eq(documentTerms.kind, kind), eq(documentTerms.slug, slug)));
  return row?.id;
};

/** The query mix: numbers of real seeded documents typed loosely, abstract words with and without accents, words only in files, filters with a search. */
async function queryMix(): Promise<SearchCase[]> {
  const picked = await db.execute<{ number: string }>(sql`
    select number from documents where status = 'published' and number ~ '^[0-9]+/' order by md5(id::text) limit 4`);
  const loose = [...picked].map((r) => r.number.toLowerCase().replace(/[/-]+/g, ' '));
  const [recent] = await db.execute<{ year: number }>(sql`select extract(year from max(issued_on))::int - 1 as year from documents`);
  const year = Number(recent?.year ?? new Date().getFullYear() - 1);
  return [
    { label: '67 kh ubnd', kind: 'number', q: '67 kh ubnd' },
    ...loose.map((q) => ({ label: q, kind: 'number', q })),
    { label: '67/KH-UBND', kind: 'number', q: '67/KH-UBND' },
    { label: 'kế hoạch tuyển sinh', kind: 'words', q: 'kế hoạch tuyển sinh' },
    { label: 'ke hoach tuyen sinh', kind: 'words', q: 'ke hoach tuyen sinh' },
    { label: 'phòng chống ngập úng', kind: 'words', q: 'phòng chống ngập úng' },
    { label: 'phong chong ngap ung', kind: 'words', q: 'phong chong ngap ung' },
    { label: 'người khuyết tật', kind: 'words', q: 'người khuyết tật' },
    { label: 'nguoi khuyet tat', kind: 'words', q: 'nguoi khuyet tat' },
    { label: 'sốt xuất huyết', kind: 'words', q: 'sốt xuất huyết' },
    { label: 'quận', kind: 'broad', q: 'quận' },
    { label: 'ubnd', kind: 'broad', q: 'ubnd' },
    { label: 'granite (files only)', kind: 'files', q: 'granite' },
    { label: 'lang quang (files only)', kind: 'files', q: 'lang quang' },
    { label: 'ngon ngu ky hieu (files only)', kind: 'files', q: 'ngon ngu ky hieu' },
    { label: `ke hoach + UBND quận Bình Minh + ${year}`, kind: 'filter', q: 'ke hoach', issuerSlug: 'ubnd-quan-binh-minh', year },
    { label: 'tuyen sinh + Giáo dục', kind: 'filter', q: 'tuyen sinh', fieldSlug: 'giao-duc' },
    { label: 'phuong + Kế hoạch', kind: 'filter', q: 'phuong', typeSlug: 'ke-hoach' },
  ];
}

type Filter = { typeId?: number; issuerId?: number; fieldId?: number; year?: number; q: string };

function whereOf(filter: Filter): SQL {
  const conditions: (SQL | undefined)[] = [eq(documents.status, 'published')];
  if (filter.typeId) conditions.push(eq(documents.typeId, filter.typeId));
  if (filter.issuerId) conditions.push(eq(documents.issuerId, filter.issuerId));
  if (filter.fieldId) conditions.push(eq(documents.fieldId, filter.fieldId));
  if (filter.year) conditions.push(gte(documents.issuedOn, `${filter.year}-01-01`), lt(documents.issuedOn, `${filter.year + 1}-01-01`));
  const match = documentMatch(filter.q);
  if (match) conditions.push(match);
  return and(...conditions) as SQL;
}

const countQuery = (where: SQL) => sql`select count(*)::int as n from (select 1 from ${documents} where ${where} limit ${COUNT_CAP + 1}) capped`;
const pageQuery = (where: SQL, q: string) =>
  db
    .select({ id: documents.id, slug: documents.slug, number: documents.number, issuedOn: documents.issuedOn, abstract: documents.abstract })
    .from(documents)
    .where(where)
    .orderBy(...documentMatchOrder(q))
    .limit(DOCUMENTS_PAGE_SIZE);

/** One registry search as the page runs it (listDocuments: count, first page, files). Returns the time and the count. */
async function run(filter: Filter): Promise<{ ms: number; n: number }> {
  const started = performance.now();
  const page = await listDocuments(filter, 1);
  return { ms: performance.now() - started, n: page.more ? COUNT_CAP + 1 : page.total };
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function main(): Promise<void> {
  const [size] = await db.execute<{ n: number }>(sql`select count(*)::int as n from documents`);
  const cases = await queryMix();
  const filters = await Promise.all(
    cases.map(async (c) => ({ ...c, filter: { q: c.q, year: c.year, typeId: await termId('type', c.typeSlug), issuerId: await termId('issuer', c.issuerSlug), fieldId: await termId('field', c.fieldSlug) } })),
  );
  for (const c of filters) await run(c.filter); // warm
  const all: number[] = [];
  const perCase: { label: string; kind: string; n: number; p50: number; p95: number; max: number }[] = [];
  const times = new Map<string, number[]>(filters.map((c) => [c.label, []]));
  let count = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of filters) {
      const r = await run(c.filter);
      times.get(c.label)!.push(r.ms);
      all.push(r.ms);
      count = count.set(c.label, r.n);
    }
  }
  for (const c of filters) {
    const t = times.get(c.label)!;
    perCase.push({ label: c.label, kind: c.kind, n: count.get(c.label) ?? 0, p50: percentile(t, 50), p95: percentile(t, 95), max: Math.max(...t) });
  }
  const summary = { documents: Number(size?.n ?? 0), queries: all.length, p50: percentile(all, 50), p95: percentile(all, 95), max: Math.max(...all), perCase };
  for (const c of perCase) console.log(`  ${c.label.padEnd(44)} ${c.kind.padEnd(7)} ${String(c.n >= COUNT_CAP + 1 ? `>${COUNT_CAP}` : c.n).padStart(6)} hits  p50 ${c.p50.toFixed(1).padStart(6)} ms  p95 ${c.p95.toFixed(1).padStart(6)} ms`);
  console.log(`document search at ${summary.documents} documents: p50 ${summary.p50.toFixed(1)} ms, p95 ${summary.p95.toFixed(1)} ms, max ${summary.max.toFixed(1)} ms over ${summary.queries} searches`);
  if (values.explain) {
    for (const c of [...perCase].sort((a, b) => b.p95 - a.p95).slice(0, 3)) {
      const f = filters.find((x) => x.label === c.label)!;
      const where = whereOf(f.filter);
      for (const [name, query] of [
        ['count', countQuery(where)],
        ['page', pageQuery(where, f.q).getSQL()],
      ] as const) {
        const plan = await db.execute<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers) ${query}`);
        console.log(`\nEXPLAIN ANALYZE (${name}) for "${c.label}":\n${[...plan].map((r) => r['QUERY PLAN']).join('\n')}`);
      }
    }
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify(summary, null, 2)}\n`);
}

try {
  await main();
} finally {
  await closeAppSql();
}
