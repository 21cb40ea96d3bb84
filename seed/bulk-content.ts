// Bulk test content (`npm run seed:bulk`), generated: many realistic articles with sections,
// tags, bylines, reader comments and view counts, one batch at a time, laid out in columns ready
// for `unnest()`. Pure: no database here (db/bulk-seed.ts writes the batches); the ids of the
// sections, tags and bylines come in as a Taxonomy. Children (comments, views) point at their
// article by index in the batch, since ids are drawn only when the batch is written.
import { documentNumbering, generateArticle, generateComment, generateDocument, pickIssuer, type Random } from './bulk-text';
import { slugify } from '../lib/vietnamese';

/** Articles go back this far; older ones are sparser, as on a real site. */
const SPAN_MS = 5 * 365.25 * 86_400_000;
const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** Days of per-day view counts kept for recent articles (the most-read block reads 7). */
const VIEW_DAYS = 14;

export type ArticleStatus = 'draft' | 'review' | 'published' | 'unpublished';
export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam';

/** One batch in columns, ready for unnest(); children point at articles by index in the batch. */
export type Batch = {
  titleSlug: string[];
  title: string[];
  lead: string[];
  body: string[];
  status: ArticleStatus[];
  publishedAt: (string | null)[];
  sectionId: number[];
  authorId: number[];
  tagIds: number[][];
  createdAt: string[];
  updatedAt: string[];
  comment: {
    article: number[];
    name: string[];
    title: string[];
    content: string[];
    status: CommentStatus[];
    ipHash: string[];
    moderatedAt: (string | null)[];
    createdAt: string[];
  };
  viewTotal: { article: number[]; views: number[] };
  viewDay: { article: number[]; day: string[]; views: number[] };
};

export type Taxonomy = {
  sectionId: Map<string, number>;
  tagId: Map<string, number>;
  authorIds: number[];
  created: { sections: number; tags: number; authors: number };
};

const vietnamDate = (ms: number) => new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
const vietnamYear = (ms: number) => new Date(ms + VIETNAM_OFFSET_MS).getUTCFullYear();
/** Exponentially distributed, mean `mean`. */
const exponential = (random: Random, mean: number) => -Math.log(1 - random.next()) * mean;

const emptyBatch = (): Batch => ({
  titleSlug: [], title: [], lead: [], body: [], status: [], publishedAt: [], sectionId: [], authorId: [],
  tagIds: [], createdAt: [], updatedAt: [],
  comment: { article: [], name: [], title: [], content: [], status: [], ipHash: [], moderatedAt: [], createdAt: [] },
  viewTotal: { article: [], views: [] },
  viewDay: { article: [], day: [], views: [] },
});

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Articles `from` … `from + count - 1` of `total`, oldest first: publication times spread over
 * SPAN_MS, denser towards now, the newest a minute or so old.
 */
export async function generateBatch(
  random: Random,
  taxonomy: Taxonomy,
  options: { from: number; count: number; total: number; nowMs: number; commentsPerArticle: number },
): Promise<Batch> {
  const { from, count, total, nowMs, commentsPerArticle } = options;
  // E[floor(Exp(mean))] = 1 / (e^(1/mean) − 1): this mean makes the average exactly K.
  const commentMean = commentsPerArticle > 0 ? 1 / Math.log(1 + 1 / commentsPerArticle) : 0;
  const batch = emptyBatch();
  for (let k = 0; k < count; k++) {
    // Generating blocks the event loop; let the writers' sockets drain now and then.
    if (k % 100 === 99) await yieldToEventLoop();
    const i = from + k;
    const u = (total - i - random.next()) / total; // (0, 1], smaller is newer
    const at = Math.round(nowMs - 60_000 - SPAN_MS * u ** 1.6);
    const article = generateArticle(random, vietnamYear(at));
    const roll = random.next();
    const status: ArticleStatus = roll < 0.015 ? 'draft' : roll < 0.025 ? 'review' : roll < 0.03 ? 'unpublished' : 'published';
    const createdAt = at - random.int(10, 48 * 60) * 60_000;
    const updatedAt = Math.min(nowMs, at + (random.chance(0.2) ? random.int(5, 600) * 60_000 : 0));
    const tagIds = [...new Set(article.tagNames.map((n) => taxonomy.tagId.get(n)).filter((id): id is number => id !== undefined))];

    batch.titleSlug.push(slugify(article.title, 100));
    batch.title.push(article.title);
    batch.lead.push(article.lead);
    batch.body.push(article.bodyHtml);
    batch.status.push(status);
    batch.publishedAt.push(status === 'draft' || status === 'review' ? null : new Date(at).toISOString());
    batch.sectionId.push(taxonomy.sectionId.get(article.sectionSlug) ?? (taxonomy.sectionId.values().next().value as number));
    batch.authorId.push(random.pick(taxonomy.authorIds));
    batch.tagIds.push(tagIds);
    batch.createdAt.push(new Date(status === 'draft' || status === 'review' ? at : createdAt).toISOString());
    batch.updatedAt.push(new Date(updatedAt).toISOString());
    if (status !== 'published') continue;

    const comments = commentMean > 0 ? Math.min(200, Math.floor(exponential(random, commentMean))) : 0;
    for (let c = 0; c < comments; c++) {
      const written = Math.min(nowMs - 30_000, at + exponential(random, 8 * 3_600_000));
      const recent = nowMs - written < 3 * DAY_MS;
      const r = random.next();
      // Moderators keep up with old comments; the queue holds mostly recent ones.
      const commentStatus: CommentStatus = recent
        ? r < 0.45 ? 'pending' : r < 0.95 ? 'approved' : 'spam'
        : r < 0.02 ? 'pending' : r < 0.85 ? 'approved' : r < 0.95 ? 'rejected' : 'spam';
      const text = generateComment(random);
      batch.comment.article.push(k);
      batch.comment.name.push(text.name);
      batch.comment.title.push(text.title);
      batch.comment.content.push(text.content);
      batch.comment.status.push(commentStatus);
      batch.comment.ipHash.push(random.hex(64));
      batch.comment.createdAt.push(new Date(written).toISOString());
      batch.comment.moderatedAt.push(
        commentStatus === 'pending' ? null : new Date(Math.min(nowMs, written + exponential(random, 6 * 3_600_000))).toISOString(),
      );
    }

    // Readership: heavy-tailed totals; the last VIEW_DAYS days also per day (Vietnam dates).
    let views = Math.round(Math.exp(5.3 + 1.2 * random.gaussian()));
    const ageDays = Math.floor((nowMs - at) / DAY_MS);
    if (ageDays < VIEW_DAYS) {
      const peak = random.int(40, 2500);
      let sum = 0;
      for (let d = 0; d <= ageDays; d++) {
        const dayViews = Math.round(peak * 0.55 ** d * (0.8 + 0.4 * random.next()));
        if (dayViews < 1) break;
        batch.viewDay.article.push(k);
        batch.viewDay.day.push(vietnamDate(at + d * DAY_MS));
        batch.viewDay.views.push(dayViews);
        sum += dayViews;
      }
      views = Math.max(sum, Math.round(sum * (1 + random.next())));
    }
    batch.viewTotal.article.push(k);
    batch.viewTotal.views.push(Math.max(1, views));
  }
  return batch;
}

// ─────────────────────────────── documents (Văn bản) ───────────────────────────────

/** Documents go back this far, denser towards now. */
const DOCUMENT_SPAN_MS = 8 * 365.25 * DAY_MS;

export type DocumentStatus = 'draft' | 'published' | 'unpublished';

/** One batch of documents in columns, each with one file (its row only: no object in storage). */
export type DocumentBatch = {
  number: string[];
  titleSlug: string[];
  issuerSlug: string[];
  typeId: number[];
  issuerId: number[];
  fieldId: number[];
  signer: string[];
  issuedOn: string[];
  effectiveOn: string[];
  expiresOn: (string | null)[];
  abstract: string[];
  status: DocumentStatus[];
  publishedAt: (string | null)[];
  filesText: string[];
  createdAt: string[];
  file: { name: string[]; bytes: number[]; sha256: string[]; pages: number[] };
};

export type DocumentTerms = {
  typeId: Map<string, number>;
  issuerId: Map<string, number>;
  fieldId: Map<string, number>;
  /**
   * Per issuer and number suffix (`/QĐ-UBND`), the last running number used: seeded from the
   * database so a second run continues where the first stopped; the same number from the same
   * issuer is one document (documents_issuer_number_key).
   */
  counters: Map<string, number>;
  /** Per issuer, the highest running number it already has (every suffix starts above it). */
  issuerFloor: Map<string, number>;
};

const addDaysTo = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Documents `from` … `from + count - 1` of `total`, oldest issue date first. */
export async function generateDocumentBatch(
  random: Random,
  terms: DocumentTerms,
  options: { from: number; count: number; total: number; nowMs: number },
): Promise<DocumentBatch> {
  const { from, count, total, nowMs } = options;
  const today = vietnamDate(nowMs);
  const batch: DocumentBatch = {
    number: [], titleSlug: [], issuerSlug: [], typeId: [], issuerId: [], fieldId: [], signer: [], issuedOn: [], effectiveOn: [], expiresOn: [],
    abstract: [], status: [], publishedAt: [], filesText: [], createdAt: [],
    file: { name: [], bytes: [], sha256: [], pages: [] },
  };
  for (let k = 0; k < count; k++) {
    if (k % 100 === 99) await yieldToEventLoop();
    const i = from + k;
    const u = (total - i - random.next()) / total; // (0, 1], smaller is newer
    const at = Math.round(nowMs - DAY_MS / 2 - DOCUMENT_SPAN_MS * u ** 1.4);
    const issuedOn = vietnamDate(at);
    const year = vietnamYear(at);
    const issuer = pickIssuer(random);
    const numbering = documentNumbering(random, issuer, year);
    const counterKey = `${issuer.slug}|${numbering.suffix}`;
    const next = Math.max(terms.counters.get(counterKey) ?? 0, numbering.withYear ? 0 : (terms.issuerFloor.get(issuer.slug) ?? 0)) + 1;
    terms.counters.set(counterKey, next);
    const number = `${numbering.withYear || next >= 10 ? next : String(next).padStart(2, '0')}${numbering.suffix}`;
    const text = generateDocument(random, { issuer, kind: numbering.kind, number, issuedOn });

    // Laws and decrees take effect weeks later; most others on signing, some a few days on.
    const effectiveOn = numbering.withYear ? addDaysTo(issuedOn, random.int(30, 75)) : random.chance(0.8) ? issuedOn : addDaysTo(issuedOn, random.int(1, 15));
    const ageDays = Math.floor((nowMs - at) / DAY_MS);
    // About one in ten of those over a year old has been superseded or has run its course.
    const expiresOn = ageDays > 365 && random.chance(0.1) ? addDaysTo(issuedOn, random.int(180, ageDays)) : null;
    const roll = random.next();
    const status: DocumentStatus = roll < 0.03 ? 'draft' : roll < 0.04 ? 'unpublished' : 'published';
    const publishedMs = Math.min(nowMs - 60_000, Date.parse(`${issuedOn}T12:00:00+07:00`) + random.int(0, 72) * 3_600_000);

    batch.number.push(number);
    batch.titleSlug.push(slugify(number));
    batch.issuerSlug.push(issuer.slug);
    batch.typeId.push(terms.typeId.get(numbering.type) ?? (terms.typeId.get('khac') as number));
    batch.issuerId.push(terms.issuerId.get(issuer.slug) as number);
    batch.fieldId.push(terms.fieldId.get(text.field) as number);
    batch.signer.push(text.signer);
    batch.issuedOn.push(issuedOn);
    batch.effectiveOn.push(effectiveOn);
    batch.expiresOn.push(expiresOn && expiresOn <= today ? expiresOn : expiresOn ? today : null);
    batch.abstract.push(text.abstract);
    batch.status.push(status);
    batch.publishedAt.push(status === 'draft' ? null : new Date(publishedMs).toISOString());
    batch.filesText.push(text.filesText);
    batch.createdAt.push(new Date(Math.min(publishedMs, Date.parse(`${issuedOn}T09:00:00+07:00`))).toISOString());
    // A scanned-and-typed PDF of that text weighs some tens of kilobytes a page.
    const pages = Math.max(1, Math.round(text.filesText.length / 2200));
    batch.file.name.push(text.fileName);
    batch.file.bytes.push(pages * random.int(25_000, 90_000));
    batch.file.sha256.push(random.hex(64));
    batch.file.pages.push(pages);
  }
  return batch;
}
