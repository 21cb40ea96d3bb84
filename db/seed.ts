// One-time demo content for a fresh database. Runs in the launcher under the migration lock.
import { createHash, randomBytes } from 'node:crypto';
import { eq, sql as dsql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import { hashPassword } from '../lib/password';
import { slugify } from '../lib/vietnamese';
import { FILES_TEXT_LIMIT, vietnamToday } from '../lib/documents';
import { env } from '../lib/env';
import { createStorage, StorageUnavailable, type Storage } from '../lib/storage';
import * as schema from './schema';
import type { DocumentSnapshot } from './schema';
import { seedArticles, seedAuthors, seedSections } from '../seed/seed-data';
import { demoDates, demoDocuments, demoFields, demoIssuers, demoPdfContent, fillDates, type DemoDates } from '../seed/documents';

export const DEMO_EDITOR_EMAIL = 'bientap@demo.newsroom.local';
const SEEDED_KEY = 'demo_seeded_at';
/** Set once the demo documents are in (or were found unwanted): installations seeded before documents existed get them on their next start. */
const DOCUMENTS_SEEDED_KEY = 'demo_documents_seeded_at';

export type SeedResult =
  | { seeded: false; documents?: number }
  | { seeded: true; articles: number; documents: number; editorEmail: string; editorPassword: string };

export type SeedOptions = {
  /** Where the demo documents' PDFs go; the environment's (lib/storage) by default. */
  storage?: Storage;
  log?: (line: string) => void;
};

/**
 * Seeds sections, authors, tags, articles (with a first revision each), a few days of views
 * and one demo editor, once. A database that already has articles is never touched.
 */
export async function seedDemoContent(client: postgres.Sql, now = new Date(), options: SeedOptions = {}): Promise<SeedResult> {
  const db = drizzle(client, { schema });
  const marker = await db.select().from(schema.appMeta).where(eq(schema.appMeta.key, SEEDED_KEY));
  if (marker.length > 0) return { seeded: false, documents: await seedDemoDocuments(client, now, options) };
  const [existing] = await db.select({ n: dsql<number>`count(*)::int` }).from(schema.articles);
  if ((existing?.n ?? 0) > 0) return { seeded: false, documents: 0 };

  // A random password, printed once by the caller; no account ever has a known password.
  const editorPassword = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(editorPassword);

  const count = await db.transaction(async (tx) => {
    const [editor] = await tx
      .insert(schema.users)
      .values({ email: DEMO_EDITOR_EMAIL, name: 'Biên tập viên (demo)', role: 'editor', passwordHash })
      .returning({ id: schema.users.id });

    const sectionRows = await tx
      .insert(schema.sections)
      .values(seedSections.map((s, position) => ({ ...s, position })))
      .returning({ id: schema.sections.id, slug: schema.sections.slug });
    const sectionId = new Map(sectionRows.map((r) => [r.slug, r.id]));

    const authorRows = await tx
      .insert(schema.authors)
      .values(seedAuthors)
      .returning({ id: schema.authors.id, slug: schema.authors.slug });
    const authorId = new Map(authorRows.map((r) => [r.slug, r.id]));

    const tagNames = [...new Set(seedArticles.flatMap((a) => a.tags))];
    const tagRows = await tx
      .insert(schema.tags)
      .values(tagNames.map((name) => ({ name, slug: slugify(name) })))
      .returning({ id: schema.tags.id, name: schema.tags.name });
    const tagId = new Map(tagRows.map((r) => [r.name, r.id]));

    for (const [index, a] of seedArticles.entries()) {
      const publishedAt = new Date(now.getTime() - a.hoursAgo * 3_600_000);
      const tagIds = a.tags.map((t) => tagId.get(t)).filter((id): id is number => id !== undefined);
      const [article] = await tx
        .insert(schema.articles)
        .values({
          slug: a.slug,
          title: a.title,
          lead: a.lead,
          bodyHtml: a.bodyHtml,
          status: 'published',
          publishedAt,
          sectionId: sectionId.get(a.section) ?? null,
          authorId: authorId.get(a.author) ?? null,
          createdBy: editor?.id ?? null,
          updatedBy: editor?.id ?? null,
          createdAt: publishedAt,
          updatedAt: publishedAt,
        })
        .returning({ id: schema.articles.id });
      if (!article) continue;
      if (tagIds.length > 0) {
        await tx.insert(schema.articleTags).values(tagIds.map((id) => ({ articleId: article.id, tagId: id })));
      }
      await tx.insert(schema.articleRevisions).values({
        articleId: article.id,
        version: 1,
        title: a.title,
        lead: a.lead,
        bodyHtml: a.bodyHtml,
        meta: {
          slug: a.slug,
          status: 'published',
          sectionId: sectionId.get(a.section) ?? null,
          authorId: authorId.get(a.author) ?? null,
          tagIds,
          coverMediaId: null,
          coverAlt: '',
          publishedAt: publishedAt.toISOString(),
        },
        createdBy: editor?.id ?? null,
        createdAt: publishedAt,
      });
      // A plausible spread of readership, so "most read" has something to rank.
      const views = 40 + ((index * 137) % 900);
      await tx.insert(schema.articleViewTotals).values({ articleId: article.id, views });
      const days = Array.from({ length: 7 }, (_, d) => ({
        articleId: article.id,
        day: new Date(now.getTime() - d * 86_400_000).toISOString().slice(0, 10),
        views: Math.max(1, Math.round(views / (d + 2))),
      }));
      await tx.insert(schema.articleViewDays).values(days).onConflictDoNothing();
    }

    await tx.insert(schema.appMeta).values({ key: SEEDED_KEY, value: now.toISOString() });
    return seedArticles.length;
  });

  const documents = await seedDemoDocuments(client, now, options);
  return { seeded: true, articles: count, documents, editorEmail: DEMO_EDITOR_EMAIL, editorPassword };
}

type PreparedFile = { key: string; name: string; bytes: Uint8Array; sha256: string; text: string; pages: number };

/**
 * The demo documents (seed/documents.ts), each with its generated PDF in storage, once, on a
 * database that holds the demo content and no documents yet: a fresh demo, or one seeded before
 * documents existed (the demo articles that cite them are linked when they are still there).
 * A site with documents of its own is left alone. The PDFs' text is extracted here with the
 * library the text job uses (unpdf) and stored as `done`, so the demo is searchable by the
 * words of its files from its first start, whether or not a text job runs; the job has
 * nothing left to do for them. Returns how many documents were added. A store that cannot be
 * reached skips them (logged) and they are tried again on the next start; the articles stay.
 */
export async function seedDemoDocuments(client: postgres.Sql, now = new Date(), options: SeedOptions = {}): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(`[newsroom] ${line}`));
  const meta = await client<{ key: string }[]>`select key from app_meta where key in (${SEEDED_KEY}, ${DOCUMENTS_SEEDED_KEY})`;
  const keys = new Set(meta.map((m) => m.key));
  if (keys.has(DOCUMENTS_SEEDED_KEY) || !keys.has(SEEDED_KEY)) return 0;
  const markDone = (sql: postgres.Sql | postgres.TransactionSql) =>
    sql`insert into app_meta (key, value) values (${DOCUMENTS_SEEDED_KEY}, ${now.toISOString()}) on conflict (key) do nothing`;
  const [{ n: existing } = { n: 0 }] = await client<{ n: number }[]>`select count(*)::int as n from documents`;
  if (existing > 0) {
    await markDone(client);
    return 0;
  }

  // The PDFs: generated, their text read back, stored content-addressed (idempotent) before any row points at them.
  const { generatePdf } = await import('../seed/pdf');
  const { extractText, getDocumentProxy } = await import('unpdf');
  const today = vietnamToday(now);
  const issuers = new Map(demoIssuers.map((i) => [i.slug, i]));
  const prepared: { dates: DemoDates; files: PreparedFile[] }[] = [];
  for (const doc of demoDocuments) {
    const issuer = issuers.get(doc.issuer);
    if (!issuer) throw new Error(`Demo document ${doc.number}: unknown issuer ${doc.issuer}`);
    const dates = demoDates(doc, today);
    const files: PreparedFile[] = [];
    for (const file of doc.files) {
      const bytes = await generatePdf(demoPdfContent(doc, file, issuer, dates));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      // pdf.js takes the buffer over: hand it a copy.
      const extracted = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
      files.push({ key: `documents/${sha256}.pdf`, name: fillDates(file.name, dates), bytes, sha256, text: extracted.text, pages: extracted.totalPages });
    }
    prepared.push({ dates, files });
  }
  const store = options.storage ?? createStorage(env());
  try {
    for (const { files } of prepared) for (const file of files) await store.put(file.key, file.bytes, 'application/pdf');
  } catch (error) {
    if (!(error instanceof StorageUnavailable)) throw error;
    log(`Demo documents skipped for now (${error.message}); they are added on a later start once the file store answers.`);
    return 0;
  }

  return client.begin(async (tx) => {
    await tx`
      insert into document_terms (kind, slug, name, position)
      select w.kind::document_term_kind, w.slug, w.name, w.ord::int
        from unnest(${[...demoIssuers.map(() => 'issuer'), ...demoFields.map(() => 'field')]}::text[],
                    ${[...demoIssuers.map((i) => i.slug), ...demoFields.map((f) => f.slug)]}::text[],
                    ${[...demoIssuers.map((i) => i.name), ...demoFields.map((f) => f.name)]}::text[]) with ordinality as w(kind, slug, name, ord)
      on conflict (kind, slug) do nothing`;
    const terms = await tx<{ kind: string; slug: string; id: number }[]>`select kind::text, slug, id from document_terms`;
    const termId = (kind: string, slug: string) => terms.find((t) => t.kind === kind && t.slug === slug)?.id;
    const [editor] = await tx<{ id: string }[]>`select id from users where email = ${DEMO_EDITOR_EMAIL}`;
    const editorId = editor?.id ?? null;

    const idByKey = new Map<string, number>();
    const slugs = new Set<string>();
    let added = 0;
    // Replaced documents first, so the ones replacing them can point at them.
    const order = [...demoDocuments.keys()].sort((a, b) => Number(Boolean(demoDocuments[a]!.replaces)) - Number(Boolean(demoDocuments[b]!.replaces)));
    for (const index of order) {
      const doc = demoDocuments[index]!;
      const { dates, files } = prepared[index]!;
      const typeId = termId('type', doc.type) ?? termId('type', 'khac');
      const issuerId = termId('issuer', doc.issuer);
      if (typeId === undefined || issuerId === undefined) continue; // an admin removed the type list's entries
      const number = fillDates(doc.number, dates);
      const abstract = fillDates(doc.abstract, dates);
      let slug = slugify(number);
      if (slugs.has(slug)) slug = `${slug}-${doc.issuer}`;
      slugs.add(slug);
      const replacesId = doc.replaces ? (idByKey.get(doc.replaces) ?? null) : null;
      // Published at noon, Vietnam time, on the day of issue (or now, if that is later).
      const publishedAt = new Date(Math.min(now.getTime(), Date.parse(`${dates.issuedOn}T12:00:00+07:00`))).toISOString();
      const [row] = await tx<{ id: number }[]>`
        insert into documents (slug, number, type_id, issuer_id, field_id, signer, issued_on, effective_on, expires_on, abstract,
                               status, published_at, replaces_id, created_by, updated_by, created_at, updated_at)
        values (${slug}, ${number}, ${typeId}, ${issuerId}, ${termId('field', doc.field) ?? null}, ${doc.signer},
                ${dates.issuedOn}::date, ${dates.effectiveOn}::date, ${dates.expiresOn}::date, ${abstract},
                'published', ${publishedAt}::timestamptz, ${replacesId}, ${editorId}, ${editorId}, ${publishedAt}::timestamptz, ${publishedAt}::timestamptz)
        returning id`;
      if (!row) continue;
      idByKey.set(doc.key, row.id);
      added += 1;
      const fileIds: number[] = [];
      for (const [position, file] of files.entries()) {
        const [f] = await tx<{ id: number }[]>`
          insert into document_files (document_id, position, storage_key, original_name, mime_type, bytes, sha256,
                                      text_status, text_content, pages, extracted_at, uploaded_by, created_at)
          values (${row.id}, ${position}, ${file.key}, ${file.name}, 'application/pdf', ${file.bytes.length}, ${file.sha256},
                  'done', ${file.text}, ${file.pages}, ${now.toISOString()}::timestamptz, ${editorId}, ${publishedAt}::timestamptz)
          returning id`;
        if (f) fileIds.push(f.id);
      }
      // What db/writes/document-text.ts refreshFilesText does (it is server-only; this runs in the launcher).
      await tx`
        update documents d
           set files_text = coalesce((
                 select left(string_agg(f.text_content, E'\n' order by f.position, f.id), ${FILES_TEXT_LIMIT})
                   from document_files f
                  where f.document_id = d.id and f.text_status = 'done'
               ), '')
         where d.id = ${row.id}`;
      const snapshot: DocumentSnapshot = {
        slug,
        number,
        typeId,
        issuerId,
        fieldId: termId('field', doc.field) ?? null,
        signer: doc.signer,
        issuedOn: dates.issuedOn,
        effectiveOn: dates.effectiveOn,
        expiresOn: dates.expiresOn,
        abstract,
        status: 'published',
        replacesId,
        fileIds,
        publishedAt,
      };
      await tx`
        insert into document_revisions (document_id, version, snapshot, created_by, created_at)
        values (${row.id}, 1, ${JSON.stringify(snapshot)}::jsonb, ${editorId}, ${publishedAt}::timestamptz)`;
      if (doc.citedBy.length > 0) {
        await tx`
          insert into article_documents (article_id, document_id, position)
          select a.id, ${row.id}, coalesce((select max(position) + 1 from article_documents x where x.article_id = a.id), 0)
            from articles a where a.slug = any(${doc.citedBy}::text[])
          on conflict do nothing`;
      }
    }
    await markDone(tx);
    return added;
  });
}
