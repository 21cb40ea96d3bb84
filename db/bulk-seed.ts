// Bulk test content (`npm run seed:bulk`) written to the database: many realistic articles with
// sections, tags, bylines, a first revision each, reader comments and view counts, added to
// whatever the database holds. The text and the rows are generated in seed/ (no SQL there);
// this file is the SQL. Runs outside Next (a launcher script and integration tests), so no `server-only` here.
//
// Rows go in as multi-row `insert … select from unnest($arrays)`, one transaction per batch,
// with several batches in flight on their own connections while the next one is generated.
// The cost is on the server, mostly in the articles' generated `search_vector` (to_tsvector
// over unaccented title, lead and body) and its GIN index, which PostgreSQL maintains on insert
// exactly as for an article saved from the newsroom; nothing here writes search columns.
// About 1.5 ms of server CPU per article with its revision, comments and tags, against
// 0.3 ms in Node: writers, not the generator, set the pace.
// Not COPY: postgres.js 3.4.9 never settles a `copy … from stdin` writable whose COPY the
// server rejects after the last row (porsager/postgres#1173), which would hang the run and
// leave its transaction open; an INSERT fails like any other query, and was as fast here.
import type postgres from 'postgres';
import { generateBatch, generateDocumentBatch, type Batch, type DocumentBatch, type DocumentTerms, type Taxonomy } from '../seed/bulk-content';
import { BULK_DOCUMENT_FIELDS, BULK_ISSUERS, BULK_SECTIONS, bulkBylines, bulkTagNames, createRandom, type Random } from '../seed/bulk-text';
import { slugify } from '../lib/vietnamese';

export type BulkProgress = { articles: number; total: number; elapsedMs: number };

export type BulkSeedOptions = {
  articles: number;
  /** Same seed, same text (slugs carry the article id, so they differ per database). */
  seed: string;
  /** Average comments per published article (0 for none). */
  commentsPerArticle: number;
  /** Articles per transaction. */
  batchSize: number;
  /** Batches written at once, each on its own connection; the client needs `writers` connections. */
  writers?: number;
  now?: Date;
  onProgress?: (progress: BulkProgress) => void;
  /** Stops generating new batches; batches already sent still commit. */
  signal?: AbortSignal;
};

export type BulkSeedResult = {
  articles: number;
  published: number;
  comments: number;
  approvedComments: number;
  pendingComments: number;
  tagLinks: number;
  viewDays: number;
  sectionsCreated: number;
  tagsCreated: number;
  authorsCreated: number;
  /** Every row inserted, all tables together. */
  rows: number;
  /** Ids of the first and last article added (ids grow with publication time within a run). */
  firstArticleId: number | null;
  lastArticleId: number | null;
  elapsedMs: number;
  /** Merging the search index's pending list and analyzing the tables touched. */
  analyzeMs: number;
  interrupted: boolean;
};

const TOUCHED_TABLES = [
  'articles',
  'article_revisions',
  'article_tags',
  'comments',
  'article_view_totals',
  'article_view_days',
  'sections',
  'tags',
  'authors',
] as const;

/** The id for each slug: the section or tag that has it, or the one it was renamed to. */
function taxonomyIds(sql: postgres.Sql, kind: 'section' | 'tag', slugs: string[]) {
  return sql<{ slug: string; id: number }[]>`
    select w.slug, coalesce(t.id, h.target_id) as id
      from unnest(${slugs}::text[]) as w(slug)
      left join ${sql(kind === 'section' ? 'sections' : 'tags')} t on t.slug = w.slug
      left join taxonomy_slug_history h on h.kind = ${kind} and h.slug = w.slug`;
}

/**
 * Makes sure the bulk sections, tags and bylines exist and returns their ids. Existing rows are
 * reused (a slug that was renamed away resolves to where it now points); nothing is renamed.
 */
async function prepareTaxonomy(sql: postgres.Sql, random: Random): Promise<Taxonomy> {
  const sectionSlugs = BULK_SECTIONS.map((s) => s.slug);
  const createdSections = await sql`
    insert into sections (slug, name, description, position)
    select w.slug, w.name, w.description, (select coalesce(max(position), -1) from sections) + w.ord::int
      from unnest(${sectionSlugs}::text[], ${BULK_SECTIONS.map((s) => s.name)}::text[],
                  ${BULK_SECTIONS.map((s) => s.description)}::text[]) with ordinality as w(slug, name, description, ord)
     where not exists (select 1 from taxonomy_slug_history h where h.kind = 'section' and h.slug = w.slug)
    on conflict (slug) do nothing
    returning id`;
  const sectionRows = await taxonomyIds(sql, 'section', sectionSlugs);

  // Tags are named as the article form names them: the slug decides identity.
  const tagBySlug = new Map<string, string>();
  for (const name of bulkTagNames()) tagBySlug.set(slugify(name, 60), name);
  const tagSlugs = [...tagBySlug.keys()];
  const createdTags = await sql`
    insert into tags (slug, name)
    select w.slug, w.name from unnest(${tagSlugs}::text[], ${[...tagBySlug.values()]}::text[]) as w(slug, name)
     where not exists (select 1 from taxonomy_slug_history h where h.kind = 'tag' and h.slug = w.slug)
    on conflict (slug) do nothing
    returning id`;
  const tagRows = await taxonomyIds(sql, 'tag', tagSlugs);

  const bylines = new Map<string, string>();
  for (const name of bulkBylines(random)) bylines.set(slugify(name, 80), name);
  const createdAuthors = await sql`
    insert into authors (slug, name)
    select * from unnest(${[...bylines.keys()]}::text[], ${[...bylines.values()]}::text[])
    on conflict (slug) do nothing
    returning id`;
  const authorRows = await sql<{ id: number }[]>`select id from authors where slug = any(${[...bylines.keys()]}::text[]) order by slug`;

  const sectionId = new Map<string, number>();
  for (const row of sectionRows) if (row.id !== null) sectionId.set(row.slug, row.id);
  const tagIdBySlug = new Map<string, number>();
  for (const row of tagRows) if (row.id !== null) tagIdBySlug.set(row.slug, row.id);
  const tagId = new Map<string, number>();
  for (const [slug, name] of tagBySlug) {
    const id = tagIdBySlug.get(slug);
    if (id !== undefined) tagId.set(name, id);
  }
  return {
    sectionId,
    tagId,
    authorIds: authorRows.map((r) => r.id),
    created: { sections: createdSections.length, tags: createdTags.length, authors: createdAuthors.length },
  };
}

type Written = { articles: number; published: number; comments: number; approved: number; pending: number; tagLinks: number; viewDays: number; rows: number; firstId: number; lastId: number };

/**
 * Article ids for a batch, drawn from the sequence before its rows are written. Drawn one batch
 * after another, so ids grow with publication time even though batches commit in parallel.
 */
async function reserveIds(sql: postgres.Sql, count: number): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select nextval(pg_get_serial_sequence('articles', 'id'))::int as id from generate_series(1, ${count}::int)`;
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/**
 * Writes one batch in one transaction. Times, dates and JSON travel as text[] and are cast in
 * SQL: a client that drizzle has wrapped passes timestamptz[] and date[] parameters through
 * unserialised (drizzle-orm/postgres-js makes those serialisers the identity).
 */
async function writeBatch(sql: postgres.Sql, batch: Batch, ids: number[]): Promise<Written> {
  const n = batch.title.length;
  // The id makes a bulk slug unique on its own; the check covers hand-made slugs that end alike.
  const slugs = ids.map((id, k) => `${batch.titleSlug[k]}-${id}`);
  const taken = await sql<{ slug: string }[]>`
    select slug from articles where slug = any(${slugs}::text[])
    union select slug from article_slug_history where slug = any(${slugs}::text[])`;
  if (taken.length > 0) {
    const clash = new Set(taken.map((r) => r.slug));
    for (let k = 0; k < n; k++) if (clash.has(slugs[k] as string)) slugs[k] = `${slugs[k]}-${ids[k]}b`;
  }
  const metas = ids.map((id, k) =>
    JSON.stringify({
      slug: slugs[k],
      status: batch.status[k],
      sectionId: batch.sectionId[k],
      authorId: batch.authorId[k],
      tagIds: batch.tagIds[k],
      coverMediaId: null,
      coverAlt: '',
      publishedAt: batch.publishedAt[k],
    }),
  );
  const tagArticle: number[] = [];
  const tagId: number[] = [];
  batch.tagIds.forEach((tags, k) => {
    for (const t of tags) {
      tagArticle.push(ids[k] as number);
      tagId.push(t);
    }
  });
  const idOf = (k: number) => ids[k] as number;
  const c = batch.comment;

  await sql.begin(async (tx) => {
    // synchronous_commit off: a crash may lose the last few batches, never corrupt them, and
    // the run does not wait for each flush. A 64 MB GIN pending list: new search entries are
    // merged into the index in bigger, cheaper rounds (about 10–15% of the articles' insert
    // time here); what is left is merged at the end.
    await tx`
      select set_config('synchronous_commit', 'off', true), set_config('gin_pending_list_limit', '65536', true),
             set_config('work_mem', '65536', true)`;
    // The first revision comes from the inserted rows, so the bodies cross the wire once.
    await tx`
      with a as (
        insert into articles (id, slug, title, lead, body_html, status, published_at, section_id, author_id, created_at, updated_at)
        select * from unnest(${ids}::int[], ${slugs}::text[], ${batch.title}::text[], ${batch.lead}::text[], ${batch.body}::text[],
                             ${batch.status}::article_status[], ${batch.publishedAt}::text[]::timestamptz[], ${batch.sectionId}::int[],
                             ${batch.authorId}::int[], ${batch.createdAt}::text[]::timestamptz[], ${batch.updatedAt}::text[]::timestamptz[])
        returning id, version, title, lead, body_html, updated_at
      )
      insert into article_revisions (article_id, version, title, lead, body_html, meta, created_at)
      select a.id, a.version, a.title, a.lead, a.body_html, m.meta, a.updated_at
        from a join unnest(${ids}::int[], ${metas}::text[]::jsonb[]) as m(id, meta) on m.id = a.id`;
    await Promise.all([
      tx`insert into article_tags (article_id, tag_id) select * from unnest(${tagArticle}::int[], ${tagId}::int[])`,
      tx`
        insert into comments (article_id, name, title, content, status, ip_hash, moderated_at, created_at)
        select * from unnest(${c.article.map(idOf)}::int[], ${c.name}::text[], ${c.title}::text[], ${c.content}::text[],
                             ${c.status}::comment_status[], ${c.ipHash}::text[], ${c.moderatedAt}::text[]::timestamptz[],
                             ${c.createdAt}::text[]::timestamptz[])`,
      tx`
        insert into article_view_totals (article_id, views)
        select * from unnest(${batch.viewTotal.article.map(idOf)}::int[], ${batch.viewTotal.views}::bigint[])`,
      tx`
        insert into article_view_days (article_id, day, views)
        select * from unnest(${batch.viewDay.article.map(idOf)}::int[], ${batch.viewDay.day}::text[]::date[], ${batch.viewDay.views}::int[])`,
    ]);
  });

  const published = batch.status.filter((s) => s === 'published').length;
  const approved = c.status.filter((s) => s === 'approved').length;
  const pending = c.status.filter((s) => s === 'pending').length;
  return {
    articles: n,
    published,
    comments: c.article.length,
    approved,
    pending,
    tagLinks: tagArticle.length,
    viewDays: batch.viewDay.article.length,
    rows: 2 * n + tagArticle.length + c.article.length + batch.viewTotal.article.length + batch.viewDay.article.length,
    firstId: Math.min(...ids),
    lastId: Math.max(...ids),
  };
}

/** Adds `options.articles` generated articles (and their comments, tags, views) to the database. */
export async function seedBulkContent(sql: postgres.Sql, options: BulkSeedOptions): Promise<BulkSeedResult> {
  const started = performance.now();
  const nowMs = (options.now ?? new Date()).getTime();
  const writers = Math.max(1, options.writers ?? 2);
  const random = createRandom(options.seed);
  const taxonomy = await prepareTaxonomy(sql, random);
  if (taxonomy.sectionId.size === 0 || taxonomy.authorIds.length === 0) throw new Error('Could not create sections and bylines.');

  const totals: Written = { articles: 0, published: 0, comments: 0, approved: 0, pending: 0, tagLinks: 0, viewDays: 0, rows: 0, firstId: Infinity, lastId: -Infinity };
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  for (let from = 0; from < options.articles && failure === null && !options.signal?.aborted; from += options.batchSize) {
    const count = Math.min(options.batchSize, options.articles - from);
    const batch = await generateBatch(random, taxonomy, { from, count, total: options.articles, nowMs, commentsPerArticle: options.commentsPerArticle });
    while (inFlight.size >= writers) await Promise.race(inFlight);
    if (failure !== null) break;
    const ids = await reserveIds(sql, count);
    const write: Promise<void> = writeBatch(sql, batch, ids).then(
      (w) => {
        inFlight.delete(write);
        for (const key of ['articles', 'published', 'comments', 'approved', 'pending', 'tagLinks', 'viewDays', 'rows'] as const) totals[key] += w[key];
        totals.firstId = Math.min(totals.firstId, w.firstId);
        totals.lastId = Math.max(totals.lastId, w.lastId);
        options.onProgress?.({ articles: totals.articles, total: options.articles, elapsedMs: performance.now() - started });
      },
      (error: unknown) => {
        inFlight.delete(write);
        failure ??= error;
      },
    );
    inFlight.add(write);
  }
  await Promise.all(inFlight);
  if (failure !== null) throw failure;

  // Searches read the pending list sequentially: merge what is left of it into the index now.
  // Then fresh statistics, so the planner does not treat the grown tables as small.
  const analyzeStarted = performance.now();
  await sql.begin(async (tx) => {
    await tx`set local work_mem = '64MB'`;
    await tx`select gin_clean_pending_list('articles_search_idx'::regclass)`;
  });
  await sql.unsafe(`analyze ${TOUCHED_TABLES.join(', ')}`);
  const analyzeMs = performance.now() - analyzeStarted;

  return {
    articles: totals.articles,
    published: totals.published,
    comments: totals.comments,
    approvedComments: totals.approved,
    pendingComments: totals.pending,
    tagLinks: totals.tagLinks,
    viewDays: totals.viewDays,
    sectionsCreated: taxonomy.created.sections,
    tagsCreated: taxonomy.created.tags,
    authorsCreated: taxonomy.created.authors,
    rows: totals.rows + taxonomy.created.sections + taxonomy.created.tags + taxonomy.created.authors,
    firstArticleId: totals.articles > 0 ? totals.firstId : null,
    lastArticleId: totals.articles > 0 ? totals.lastId : null,
    elapsedMs: performance.now() - started,
    analyzeMs,
    interrupted: totals.articles < options.articles,
  };
}

// ─────────────────────────────── documents (Văn bản) ───────────────────────────────

export type BulkDocumentsOptions = {
  documents: number;
  seed: string;
  /** Documents per transaction. */
  batchSize: number;
  writers?: number;
  now?: Date;
  onProgress?: (progress: { documents: number; total: number; elapsedMs: number }) => void;
  signal?: AbortSignal;
};

export type BulkDocumentsResult = {
  documents: number;
  published: number;
  expired: number;
  files: number;
  /** Bytes of `files_text` written, all documents together. */
  textBytes: number;
  issuersCreated: number;
  fieldsCreated: number;
  firstDocumentId: number | null;
  lastDocumentId: number | null;
  elapsedMs: number;
  analyzeMs: number;
  interrupted: boolean;
};

/** The issuers and fields bulk documents use (created when missing), the types, and where numbering stands. */
async function prepareDocumentTerms(sql: postgres.Sql): Promise<DocumentTerms & { created: { issuers: number; fields: number } }> {
  const upsert = (kind: 'issuer' | 'field', terms: readonly { slug: string; name: string }[]) => sql`
    insert into document_terms (kind, slug, name, position)
    select ${kind}::document_term_kind, w.slug, w.name, (select coalesce(max(position), 0) from document_terms where kind = ${kind}) + w.ord::int
      from unnest(${terms.map((t) => t.slug)}::text[], ${terms.map((t) => t.name)}::text[]) with ordinality as w(slug, name, ord)
    on conflict (kind, slug) do nothing
    returning id`;
  const issuers = await upsert('issuer', BULK_ISSUERS);
  const fields = await upsert('field', BULK_DOCUMENT_FIELDS);
  const rows = await sql<{ kind: string; slug: string; id: number }[]>`select kind::text, slug, id from document_terms`;
  const byKind = (kind: string) => new Map(rows.filter((r) => r.kind === kind).map((r) => [r.slug, r.id]));
  const typeId = byKind('type');
  if (!typeId.has('khac')) throw new Error('The document type "khac" (Khác) is missing: bulk documents need it as the fallback type.');
  // Where each issuer's numbering stands: the running number is what precedes the first slash.
  const counts = await sql<{ slug: string; suffix: string; n: number }[]>`
    select t.slug, regexp_replace(d.number, '^[0-9]+', '') as suffix, max(substring(d.number from '^[0-9]+')::bigint)::int as n
      from documents d join document_terms t on t.id = d.issuer_id
     where d.number ~ '^[0-9]{1,9}/'
     group by 1, 2`;
  const counters = new Map<string, number>();
  const issuerFloor = new Map<string, number>();
  for (const c of counts) {
    counters.set(`${c.slug}|${c.suffix}`, c.n);
    issuerFloor.set(c.slug, Math.max(issuerFloor.get(c.slug) ?? 0, c.n));
  }
  return { typeId, issuerId: byKind('issuer'), fieldId: byKind('field'), counters, issuerFloor, created: { issuers: issuers.length, fields: fields.length } };
}

/**
 * Slugs as the contract makes them: slugify(number), then `-{issuer slug}` on a collision, then
 * the id. Chosen before the batch is sent, against the database and every slug this run has
 * chosen (batches in flight have not committed theirs yet).
 */
async function documentSlugs(sql: postgres.Sql, batch: DocumentBatch, ids: number[], chosen: Set<string>): Promise<string[]> {
  const candidates = batch.titleSlug.flatMap((slug, k) => [slug, `${slug}-${batch.issuerSlug[k]}`]);
  const taken = new Set((await sql<{ slug: string }[]>`select slug from documents where slug = any(${candidates}::text[])`).map((r) => r.slug));
  return batch.titleSlug.map((slug, k) => {
    const choice =
      [slug, `${slug}-${batch.issuerSlug[k]}`].find((candidate) => !taken.has(candidate) && !chosen.has(candidate)) ?? `${slug}-${batch.issuerSlug[k]}-${ids[k]}`;
    chosen.add(choice);
    return choice;
  });
}

/**
 * One batch in one transaction: the documents and their file rows (`done`, holding the text
 * that `files_text` is built from, as refreshFilesText builds it), set-based. Returns the ids
 * inserted: a number the issuer already has (documents_issuer_number_key) is skipped, not fatal.
 */
async function writeDocumentBatch(sql: postgres.Sql, batch: DocumentBatch, ids: number[], slugs: string[]): Promise<number[]> {
  return sql.begin(async (tx) => {
    await tx`
      select set_config('synchronous_commit', 'off', true), set_config('gin_pending_list_limit', '65536', true),
             set_config('work_mem', '65536', true)`;
    const inserted = await tx<{ id: number }[]>`
      insert into documents (id, slug, number, type_id, issuer_id, field_id, signer, issued_on, effective_on, expires_on, abstract,
                             status, published_at, files_text, created_at, updated_at)
      select w.id, w.slug, w.number, w.type_id, w.issuer_id, w.field_id, w.signer, w.issued_on, w.effective_on, w.expires_on, w.abstract,
             w.status, w.published_at, w.files_text, w.created_at, coalesce(w.published_at, w.created_at)
        from unnest(${ids}::int[], ${slugs}::text[], ${batch.number}::text[], ${batch.typeId}::int[], ${batch.issuerId}::int[],
                    ${batch.fieldId}::int[], ${batch.signer}::text[], ${batch.issuedOn}::text[]::date[], ${batch.effectiveOn}::text[]::date[],
                    ${batch.expiresOn}::text[]::date[], ${batch.abstract}::text[], ${batch.status}::document_status[],
                    ${batch.publishedAt}::text[]::timestamptz[], ${batch.filesText}::text[], ${batch.createdAt}::text[]::timestamptz[])
             as w(id, slug, number, type_id, issuer_id, field_id, signer, issued_on, effective_on, expires_on, abstract, status, published_at, files_text, created_at)
      on conflict do nothing
      returning id`;
    const done = inserted.map((r) => r.id);
    await tx`
      insert into document_files (document_id, position, storage_key, original_name, mime_type, bytes, sha256, text_status, text_content,
                                  pages, extracted_at, created_at)
      select w.id, 0, 'documents/' || w.sha256 || '.pdf', w.name, 'application/pdf', w.bytes, w.sha256, 'done', w.text, w.pages,
             w.created_at + interval '2 minutes', w.created_at
        from unnest(${ids}::int[], ${batch.file.name}::text[], ${batch.file.bytes}::bigint[], ${batch.file.sha256}::text[],
                    ${batch.filesText}::text[], ${batch.file.pages}::int[], ${batch.createdAt}::text[]::timestamptz[])
             as w(id, name, bytes, sha256, text, pages, created_at)
       where w.id = any(${done}::int[])`;
    return done;
  });
}

/**
 * Adds `options.documents` generated documents (one file row each, text extracted) to the
 * database, as seedBulkContent adds articles: batches generated while earlier ones are written
 * on their own connections, ids drawn in issue-date order. The file rows have no object in
 * storage (a download of one answers 404): they are there for the registry's file links and
 * for the text that search reads.
 */
export async function seedBulkDocuments(sql: postgres.Sql, options: BulkDocumentsOptions): Promise<BulkDocumentsResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const today = new Date(nowMs + 7 * 3_600_000).toISOString().slice(0, 10);
  const writers = Math.max(1, options.writers ?? 2);
  const random = createRandom(`${options.seed}:documents`);
  const terms = await prepareDocumentTerms(sql);
  const totals = { documents: 0, published: 0, expired: 0, textBytes: 0, firstId: Infinity, lastId: -Infinity };
  const inFlight = new Set<Promise<void>>();
  const chosenSlugs = new Set<string>();
  let failure: unknown = null;
  for (let from = 0; from < options.documents && failure === null && !options.signal?.aborted; from += options.batchSize) {
    const count = Math.min(options.batchSize, options.documents - from);
    const batch = await generateDocumentBatch(random, terms, { from, count, total: options.documents, nowMs });
    while (inFlight.size >= writers) await Promise.race(inFlight);
    if (failure !== null) break;
    const ids = (await sql<{ id: number }[]>`
      select nextval(pg_get_serial_sequence('documents', 'id'))::int as id from generate_series(1, ${count}::int)`).map((r) => r.id).sort((a, b) => a - b);
    const slugs = await documentSlugs(sql, batch, ids, chosenSlugs);
    const write: Promise<void> = writeDocumentBatch(sql, batch, ids, slugs).then(
      (done) => {
        inFlight.delete(write);
        const written = new Set(done);
        ids.forEach((id, k) => {
          if (!written.has(id)) return;
          totals.documents += 1;
          if (batch.status[k] === 'published') totals.published += 1;
          if (batch.expiresOn[k] !== null && (batch.expiresOn[k] as string) <= today) totals.expired += 1;
          totals.textBytes += Buffer.byteLength(batch.filesText[k] as string);
          totals.firstId = Math.min(totals.firstId, id);
          totals.lastId = Math.max(totals.lastId, id);
        });
        options.onProgress?.({ documents: totals.documents, total: options.documents, elapsedMs: performance.now() - started });
      },
      (error: unknown) => {
        inFlight.delete(write);
        failure ??= error;
      },
    );
    inFlight.add(write);
  }
  await Promise.all(inFlight);
  if (failure !== null) throw failure;

  const analyzeStarted = performance.now();
  await sql.begin(async (tx) => {
    await tx`set local work_mem = '64MB'`;
    await tx`select gin_clean_pending_list('documents_search_idx'::regclass)`;
  });
  await sql.unsafe('analyze documents, document_files, document_terms');
  const analyzeMs = performance.now() - analyzeStarted;
  return {
    documents: totals.documents,
    published: totals.published,
    expired: totals.expired,
    files: totals.documents,
    textBytes: totals.textBytes,
    issuersCreated: terms.created.issuers,
    fieldsCreated: terms.created.fields,
    firstDocumentId: totals.documents > 0 ? totals.firstId : null,
    lastDocumentId: totals.documents > 0 ? totals.lastId : null,
    elapsedMs: performance.now() - started,
    analyzeMs,
    interrupted: totals.documents < options.documents && Boolean(options.signal?.aborted),
  };
}
