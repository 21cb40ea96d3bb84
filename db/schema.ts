// The whole product's tables. Loaded both by Next (through db/index.ts) and by the launcher
// and scripts outside Next, so this file holds no secrets and no `server-only` import.
import { relations, sql, type SQL } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  inet,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const userRole = pgEnum('user_role', ['admin', 'editor', 'reporter']);
export const articleStatus = pgEnum('article_status', [
  'draft',
  'review',
  'scheduled',
  'published',
  'unpublished',
]);
export const commentStatus = pgEnum('comment_status', ['pending', 'approved', 'rejected', 'spam']);
export const userTokenPurpose = pgEnum('user_token_purpose', ['setup', 'reset']);
export const taxonomyKind = pgEnum('taxonomy_kind', ['section', 'tag']);

/** Small key/value facts about the installation itself (e.g. when demo content was seeded). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: updatedAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored lower-cased and NFC-normalised; the unique index relies on it.
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull().default('reporter'),
    // Null until the account owner sets a password through a one-time link.
    passwordHash: text('password_hash'),
    disabled: boolean('disabled').notNull().default(false),
    // Bumped on a password change and on disable: older sessions stop being valid. (A role
    // change needs no bump: the session re-reads the role on every request.)
    sessionVersion: integer('session_version').notNull().default(1),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

/** One-time links for setting or resetting a password; only a hash of the token is kept. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    purpose: userTokenPurpose('purpose').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('user_tokens_token_hash_key').on(t.tokenHash), index('user_tokens_user_idx').on(t.userId)],
);

/**
 * Sessions ended by signing out, by the session id in their token (`sid`), until the token
 * could have expired anyway. Signing out ends that one session; the others of the account (on
 * another device) go on. A password change or a disable still ends all of them
 * (`users.session_version`).
 */
export const revokedSessions = pgTable(
  'revoked_sessions',
  {
    sid: text('sid').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('revoked_sessions_expires_idx').on(t.expiresAt)],
);

/** Bylines. An author may have an account (a staff reporter) or not (a contributor). */
export const authors = pgTable(
  'authors',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    bio: text('bio').notNull().default(''),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('authors_slug_key').on(t.slug)],
);

export const sections = pgTable(
  'sections',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('sections_slug_key').on(t.slug), index('sections_position_idx').on(t.position)],
);

export const tags = pgTable(
  'tags',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_slug_key').on(t.slug)],
);

export const media = pgTable(
  'media',
  {
    id: serial('id').primaryKey(),
    // Where the original is kept, relative to the media root.
    storageKey: text('storage_key').notNull(),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    alt: text('alt').notNull(),
    originalName: text('original_name').notNull().default(''),
    // Resized copies: [{ width, height, key, mimeType }].
    variants: jsonb('variants').$type<MediaVariant[]>().notNull().default([]),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('media_storage_key_key').on(t.storageKey)],
);

export type MediaVariant = { width: number; height: number; key: string; mimeType: string };

/** Plain text of an article body for search: tags dropped, so markup never matches a query. */
const searchDocument = (column: string, weight: 'A' | 'B' | 'C'): SQL =>
  sql.raw(
    `setweight(to_tsvector('simple', lower(immutable_unaccent(coalesce(${column}, '')))), '${weight}')`,
  );

export const articles = pgTable(
  'articles',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    lead: text('lead').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    status: articleStatus('status').notNull().default('draft'),
    // When the article went (or goes, if scheduled) live; readers see this time.
    publishedAt: timestamp('published_at', { withTimezone: true }),
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'restrict' }),
    authorId: integer('author_id').references(() => authors.id, { onDelete: 'set null' }),
    // The account that owns the article (reporters may only touch their own drafts).
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    coverMediaId: integer('cover_media_id').references(() => media.id, { onDelete: 'set null' }),
    coverAlt: text('cover_alt').notNull().default(''),
    // Optimistic concurrency: every save must name the version it started from.
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`${searchDocument('title', 'A')} || ${searchDocument('lead', 'B')} || ${sql.raw(
          `setweight(to_tsvector('simple', lower(immutable_unaccent(regexp_replace(coalesce(body_html, ''), '<[^>]*>', ' ', 'g')))), 'C')`,
        )}`,
      ),
  },
  (t) => [
    uniqueIndex('articles_slug_key').on(t.slug),
    index('articles_status_published_idx').on(t.status, t.publishedAt.desc()),
    index('articles_section_published_idx').on(t.sectionId, t.status, t.publishedAt.desc()),
    index('articles_author_published_idx').on(t.authorId, t.status, t.publishedAt.desc()),
    index('articles_created_by_idx').on(t.createdBy),
    index('articles_updated_idx').on(t.updatedAt.desc()),
    index('articles_search_idx').using('gin', t.searchVector),
    // Typo-tolerant title matching (pg_trgm) over the accent-free title. unaccent runs before
    // lower() so that case folding never depends on the database's locale.
    index('articles_title_trgm_idx').using('gin', sql`lower(immutable_unaccent(${t.title})) gin_trgm_ops`),
  ],
);

export const articleTags = pgTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId)],
);

/** Former slugs of an article, so old links answer 301 to the current one. */
export const articleSlugHistory = pgTable(
  'article_slug_history',
  {
    slug: text('slug').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('article_slug_history_article_idx').on(t.articleId)],
);

/** Former slugs of sections and tags, so their old addresses answer 301 too. */
export const taxonomySlugHistory = pgTable(
  'taxonomy_slug_history',
  {
    kind: taxonomyKind('kind').notNull(),
    slug: text('slug').notNull(),
    targetId: integer('target_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.slug] })],
);

export type RevisionMeta = {
  slug: string;
  status: string;
  sectionId: number | null;
  authorId: number | null;
  tagIds: number[];
  coverMediaId: number | null;
  coverAlt: string;
  publishedAt: string | null;
  /** `Văn bản liên quan` in order (absent in revisions saved before documents existed). */
  documentIds?: number[];
};

/** A snapshot per save: who, when, and every field, so any revision can be restored. */
export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    lead: text('lead').notNull(),
    bodyHtml: text('body_html').notNull(),
    meta: jsonb('meta').$type<RevisionMeta>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('article_revisions_article_idx').on(t.articleId, t.version.desc())],
);

export const comments = pgTable(
  'comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // Never shown publicly; only moderators see it.
    phone: text('phone'),
    title: text('title').notNull(),
    content: text('content').notNull(),
    status: commentStatus('status').notNull().default('pending'),
    // Reasons a comment was held (e.g. 'links'); it stays pending until a person decides.
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    // A keyed hash of the client address: enough for rate limits, useless to a thief. Null once
    // the retention job (db/writes/privacy-retention.ts) has erased it, with the phone, or a
    // person's request had it erased (db/writes/data-requests.ts).
    ipHash: text('ip_hash'),
    moderatedBy: uuid('moderated_by').references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    // Proof of consent (issue 16): the policy version the form showed, and when (server time).
    // Null only for comments stored before the consent checkbox existed.
    consentPolicyVersion: integer('consent_policy_version').references((): AnyPgColumn => privacyPolicyVersions.version, { onDelete: 'restrict' }),
    consentedAt: timestamp('consented_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('comments_article_status_idx').on(t.articleId, t.status, t.createdAt),
    index('comments_status_created_idx').on(t.status, t.createdAt.desc()),
    index('comments_ip_created_idx').on(t.ipHash, t.createdAt.desc()),
    // The retention job's batches: only comments still holding a phone or an address hash.
    index('comments_personal_data_created_idx').on(t.createdAt).where(sql`phone is not null or ip_hash is not null`),
  ],
);

/** Security codes for the comment form: single-use, short-lived, answer kept only as a hash. */
export const captchaChallenges = pgTable(
  'captcha_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    answerHash: text('answer_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('captcha_challenges_expires_idx').on(t.expiresAt)],
);

/**
 * Total views per article. Kept apart from `articles` on purpose: an UPDATE of an article row
 * recomputes its search vector, which a counter bumped on every page view must not pay for.
 */
export const articleViewTotals = pgTable('article_view_totals', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  views: bigint('views', { mode: 'number' }).notNull().default(0),
});

/** Views per article per day (Asia/Ho_Chi_Minh), for the most-read block. */
export const articleViewDays = pgTable(
  'article_view_days',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day] }), index('article_view_days_day_idx').on(t.day)],
);

/**
 * Readers already counted for an article in the current window (`VIEW_WINDOW_MINUTES` in
 * db/writes/views.ts): a view counts once per reader per article per window, and only a few
 * readers per address. A reader is a keyed hash of address and user agent, the address a keyed
 * hash too, never the address itself; rows older than the window are deleted, so the table
 * holds at most one row per reader and article of the last window.
 */
export const articleViewReaders = pgTable(
  'article_view_readers',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    readerHash: text('reader_hash').notNull(),
    addressHash: text('address_hash').notNull(),
    countedAt: timestamp('counted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.readerHash] }),
    index('article_view_readers_address_idx').on(t.articleId, t.addressHash),
    index('article_view_readers_counted_idx').on(t.countedAt),
  ],
);

/** Every sign-in attempt, for lock-outs that hold across instances and for the audit trail. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('sign_in_attempts_email_ip_idx').on(t.email, t.ip, t.createdAt.desc()),
    index('sign_in_attempts_ip_idx').on(t.ip, t.createdAt.desc()),
  ],
);

/** Generic sliding-window counters kept in PostgreSQL so limits hold across instances. */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    createdAt: createdAt(),
  },
  // The created_at index serves the clean-up of old hits (db/writes/rate-limits.ts).
  (t) => [index('rate_limit_hits_bucket_key_idx').on(t.bucket, t.key, t.createdAt.desc()), index('rate_limit_hits_created_idx').on(t.createdAt)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    // Kept as text too, so the trail still names the actor after an account is deleted.
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: inet('ip'),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_created_idx').on(t.createdAt.desc()),
    index('audit_log_action_idx').on(t.action, t.createdAt.desc()),
    index('audit_log_actor_idx').on(t.actorId, t.createdAt.desc()),
  ],
);

// ---------------------------------------------------------------------------------------------
// Documents (Văn bản): the legal and administrative documents a portal publishes (Decree 42/2022,
// Art. 4), their files, and the articles that cite them.

export const documentStatus = pgEnum('document_status', ['draft', 'published', 'unpublished']);
/** The three editable lists a document is filed under: `Loại văn bản`, `Cơ quan ban hành`, `Lĩnh vực`. */
export const documentTermKind = pgEnum('document_term_kind', ['type', 'issuer', 'field']);
/**
 * Where a file's text extraction stands: `pending` (queued for the job), `done` (its text is in
 * the search index), `no_text` (a PDF without a text layer, e.g. a scan: found only by its
 * document's abstract), `failed` (unreadable or over the job's limits), `not_applicable` (not a PDF).
 */
export const documentTextStatus = pgEnum('document_text_status', ['pending', 'done', 'no_text', 'failed', 'not_applicable']);

/** One editable list entry. The slug is the filter value in `/van-ban?loai=…`. */
export const documentTerms = pgTable(
  'document_terms',
  {
    id: serial('id').primaryKey(),
    kind: documentTermKind('kind').notNull(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('document_terms_kind_slug_key').on(t.kind, t.slug), index('document_terms_kind_position_idx').on(t.kind, t.position)],
);

/**
 * `Số/Ký hiệu` folded for loose matching: accents dropped, lower case, only letters and digits,
 * so `67/KH-UBND`, `67 kh ubnd` and `67/kh-ubnd` are all `67khubnd`. lib/documents.ts
 * `numberKey` is the same function for a query typed by a reader.
 */
const NUMBER_KEY_SQL = `regexp_replace(lower(immutable_unaccent(number)), '[^a-z0-9]+', '', 'g')`;

export const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    /** `Số/Ký hiệu`, as typed (NFC, trimmed): `67/KH-UBND`. */
    number: text('number').notNull(),
    numberKey: text('number_key').notNull().generatedAlwaysAs(sql.raw(NUMBER_KEY_SQL)),
    typeId: integer('type_id').notNull().references(() => documentTerms.id, { onDelete: 'restrict' }),
    issuerId: integer('issuer_id').notNull().references(() => documentTerms.id, { onDelete: 'restrict' }),
    fieldId: integer('field_id').references(() => documentTerms.id, { onDelete: 'restrict' }),
    signer: text('signer').notNull().default(''),
    /** Calendar dates as written on the document (no time of day, no time zone): `YYYY-MM-DD`. */
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    /** `Trích yếu`: plain text. */
    abstract: text('abstract').notNull(),
    status: documentStatus('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** `Thay thế văn bản`: the document this one replaces (that one is then "replaced by" this). */
    replacesId: integer('replaces_id').references((): AnyPgColumn => documents.id, { onDelete: 'set null' }),
    /**
     * The extracted text of the document's files (those with text status `done`), in file order,
     * each capped (lib/documents.ts FILE_TEXT_LIMIT): written only by
     * db/writes/document-text.ts `refreshFilesText`, read by search through `search_vector`.
     */
    filesText: text('files_text').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    // Optimistic concurrency, as for articles.
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql.raw(
          `setweight(to_tsvector('simple', ${NUMBER_KEY_SQL} || ' ' || lower(immutable_unaccent(coalesce(number, '')))), 'A') || ` +
            `setweight(to_tsvector('simple', lower(immutable_unaccent(coalesce(abstract, '')))), 'A') || ` +
            `setweight(to_tsvector('simple', lower(immutable_unaccent(coalesce(signer, '')))), 'B') || ` +
            `setweight(to_tsvector('simple', lower(immutable_unaccent(coalesce(files_text, '')))), 'C')`,
        ),
      ),
  },
  (t) => [
    uniqueIndex('documents_slug_key').on(t.slug),
    // The same number from the same issuer is one document (the form refuses a second one).
    uniqueIndex('documents_issuer_number_key').on(t.issuerId, t.numberKey),
    index('documents_status_issued_idx').on(t.status, t.issuedOn.desc(), t.id.desc()),
    // The feed and the sitemap: newest published first.
    index('documents_status_published_idx').on(t.status, t.publishedAt.desc(), t.id.desc()),
    index('documents_type_issued_idx').on(t.typeId, t.status, t.issuedOn.desc()),
    index('documents_issuer_issued_idx').on(t.issuerId, t.status, t.issuedOn.desc()),
    index('documents_field_issued_idx').on(t.fieldId, t.status, t.issuedOn.desc()),
    index('documents_number_key_idx').using('btree', sql`${t.numberKey} text_pattern_ops`),
    index('documents_search_idx').using('gin', t.searchVector),
    index('documents_replaces_idx').on(t.replacesId),
    index('documents_updated_idx').on(t.updatedAt.desc()),
  ],
);

/**
 * A file of a document, in `Tệp đính kèm` order. Uploaded before its document is saved (the form
 * uploads with a progress bar, then saves), so `document_id` is null until the save attaches it;
 * unattached files older than a day are removed by the text job's sweep.
 */
export const documentFiles = pgTable(
  'document_files',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id').references(() => documents.id, { onDelete: 'cascade' }),
    /**
     * The document this file was taken off, kept while one of its revisions lists it so that
     * restoring the revision can attach it again; the sweep of unattached uploads leaves it.
     */
    formerDocumentId: integer('former_document_id').references(() => documents.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
    /** Content-addressed: `documents/<sha256>.<ext>` (lib/storage key). */
    storageKey: text('storage_key').notNull(),
    /** The name the file was uploaded with (NFC), given back in `Content-Disposition`. */
    originalName: text('original_name').notNull(),
    /** Decided from the bytes (file-type), never from the name or the browser. */
    mimeType: text('mime_type').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    textStatus: documentTextStatus('text_status').notNull().default('pending'),
    textContent: text('text_content').notNull().default(''),
    /** Why extraction failed (for the dashboard; never shown to readers). */
    textError: text('text_error').notNull().default(''),
    pages: integer('pages'),
    extractedAt: timestamp('extracted_at', { withTimezone: true }),
    /** Attempts of the text job, so a file that crashes the worker is not retried forever. */
    textAttempts: integer('text_attempts').notNull().default(0),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('document_files_document_idx').on(t.documentId, t.position),
    index('document_files_pending_idx').on(t.createdAt).where(sql`text_status = 'pending'`),
    index('document_files_unattached_idx').on(t.createdAt).where(sql`document_id is null and former_document_id is null`),
    index('document_files_former_idx').on(t.formerDocumentId).where(sql`former_document_id is not null`),
    index('document_files_storage_key_idx').on(t.storageKey),
  ],
);

/** `Văn bản liên quan`: the documents an article cites, in the editor's order. */
export const articleDocuments = pgTable(
  'article_documents',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.documentId] }), index('article_documents_document_idx').on(t.documentId)],
);

/** Every field of a document at one save, so any revision can be shown and restored. */
export type DocumentSnapshot = {
  slug: string;
  number: string;
  typeId: number;
  issuerId: number;
  fieldId: number | null;
  signer: string;
  issuedOn: string;
  effectiveOn: string | null;
  expiresOn: string | null;
  abstract: string;
  status: string;
  replacesId: number | null;
  fileIds: number[];
  publishedAt: string | null;
};

export const documentRevisions = pgTable(
  'document_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<DocumentSnapshot>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('document_revisions_document_idx').on(t.documentId, t.version.desc())],
);

export const articlesRelations = relations(articles, ({ one, many }) => ({
  section: one(sections, { fields: [articles.sectionId], references: [sections.id] }),
  author: one(authors, { fields: [articles.authorId], references: [authors.id] }),
  cover: one(media, { fields: [articles.coverMediaId], references: [media.id] }),
  tags: many(articleTags),
  comments: many(comments),
  revisions: many(articleRevisions),
}));

export const articleTagsRelations = relations(articleTags, ({ one }) => ({
  article: one(articles, { fields: [articleTags.articleId], references: [articles.id] }),
  tag: one(tags, { fields: [articleTags.tagId], references: [tags.id] }),
}));

export const sectionsRelations = relations(sections, ({ many }) => ({ articles: many(articles) }));
export const tagsRelations = relations(tags, ({ many }) => ({ articles: many(articleTags) }));
export const authorsRelations = relations(authors, ({ many }) => ({ articles: many(articles) }));
export const commentsRelations = relations(comments, ({ one }) => ({
  article: one(articles, { fields: [comments.articleId], references: [articles.id] }),
}));

export type User = typeof users.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type Section = typeof sections.$inferSelect;
export type Tag = typeof tags.$inferSelect;
export type Author = typeof authors.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type Media = typeof media.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type DocumentFileRow = typeof documentFiles.$inferSelect;
export type DocumentTermRow = typeof documentTerms.$inferSelect;

// ─── Personal data: consent and the published policy (issue 16, part "consent") ───────────────

/**
 * The personal-data policy shown at /bao-ve-du-lieu-ca-nhan, one row per published version.
 * Rows are only ever inserted (a change is version N+1), so a comment's consent always points
 * at the exact text the reader was shown. Version 1 comes with the migration.
 */
export const privacyPolicyVersions = pgTable('privacy_policy_versions', {
  version: integer('version').primaryKey(),
  organisationName: text('organisation_name').notNull(),
  address: text('address').notNull(),
  contactPhone: text('contact_phone').notNull().default(''),
  contactEmail: text('contact_email').notNull().default(''),
  /** Plain text: paragraphs split by blank lines, `- ` starts a list item (lib/privacy-policy.ts). */
  collected: text('collected').notNull(),
  purposes: text('purposes').notNull(),
  retention: text('retention').notNull(),
  rights: text('rights').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export type PrivacyPolicyVersionRow = typeof privacyPolicyVersions.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Privacy: retention (issue 16, part "retention"). How long commenters' personal data is kept,
// and the daily job that erases it past its time (db/writes/privacy-retention.ts).

/**
 * The retention settings: one row (id is always true), edited at
 * /dashboard/du-lieu-ca-nhan/luu-tru. Absent until first saved: readers fall back to the defaults.
 */
export const privacyRetentionSettings = pgTable(
  'privacy_retention_settings',
  {
    id: boolean('id').primaryKey().default(true),
    /** Phone numbers and address hashes of commenters are kept this many months. */
    phoneMonths: integer('phone_months').notNull().default(12),
    /** Rejected and spam comments are kept this many days (after moderation). */
    rejectedDays: integer('rejected_days').notNull().default(30),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('privacy_retention_settings_one_row', sql`${t.id}`),
    check('privacy_retention_settings_phone_months', sql`${t.phoneMonths} between 1 and 120`),
    check('privacy_retention_settings_rejected_days', sql`${t.rejectedDays} between 1 and 365`),
  ],
);

/** What started a retention run: the daily job of an instance, or `npm run privacy:retention`. */
export const privacyRetentionTrigger = pgEnum('privacy_retention_trigger', ['schedule', 'manual']);

/**
 * One retention run. The daily run is claimed by inserting its row: the unique index on
 * run_date (scheduled runs only) lets one instance a day win; a claim whose heartbeat stopped
 * (the instance died) may be taken over, and the taker goes on from there (attempt + 1). The
 * counts grow in the same transaction as each batch erased, so they are exact across takeovers.
 */
export const privacyRetentionRuns = pgTable(
  'privacy_retention_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The calendar day (Asia/Ho_Chi_Minh) the run is for. */
    runDate: date('run_date', { mode: 'string' }).notNull(),
    trigger: privacyRetentionTrigger('trigger').notNull(),
    /** Bumped by each takeover; only the holder of the current attempt may write. */
    attempt: integer('attempt').notNull().default(1),
    /** host:pid of the process holding the claim. */
    claimedBy: text('claimed_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The settings the run used, and the cutoffs they gave (fixed at the first claim). */
    phoneMonths: integer('phone_months').notNull(),
    rejectedDays: integer('rejected_days').notNull(),
    phoneCutoff: timestamp('phone_cutoff', { withTimezone: true }).notNull(),
    rejectedCutoff: timestamp('rejected_cutoff', { withTimezone: true }).notNull(),
    phonesErased: integer('phones_erased').notNull().default(0),
    addressHashesErased: integer('address_hashes_erased').notNull().default(0),
    commentsDeleted: integer('comments_deleted').notNull().default(0),
    rateLimitHitsDeleted: integer('rate_limit_hits_deleted').notNull().default(0),
    viewReadersDeleted: integer('view_readers_deleted').notNull().default(0),
  },
  (t) => [
    uniqueIndex('privacy_retention_runs_daily_key').on(t.runDate).where(sql`trigger = 'schedule'`),
    index('privacy_retention_runs_started_idx').on(t.startedAt.desc()),
  ],
);

// ---------------------------------------------------------------------------------------------
// Issue 16, part "requests": personal-data requests (Decree 356/2025) and the working-day
// calendar their deadlines are counted in.
// ---------------------------------------------------------------------------------------------

export const publicHolidayKind = pgEnum('public_holiday_kind', ['holiday', 'working_day']);

/** Days off ('holiday') and make-up working Saturdays/Sundays ('working_day'), admin-edited. */
export const publicHolidays = pgTable('public_holidays', {
  day: date('day', { mode: 'string' }).primaryKey(),
  name: text('name').notNull(),
  kind: publicHolidayKind('kind').notNull().default('holiday'),
  createdAt: createdAt(),
});

export const dataRequestKind = pgEnum('data_request_kind', ['access', 'erasure', 'withdraw_consent', 'restrict', 'object']);
export const dataRequestStatus = pgEnum('data_request_status', ['received', 'acknowledged', 'done']);

/**
 * A person's request about their data. The public status page reads only code, kind, status,
 * dates and reply; name, phone, email and content are for admins only.
 */
export const dataRequests = pgTable(
  'data_requests',
  {
    id: serial('id').primaryKey(),
    // `Mã yêu cầu`: random, from a readable alphabet; the only key the public side knows.
    code: text('code').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    kind: dataRequestKind('kind').notNull(),
    content: text('content').notNull(),
    status: dataRequestStatus('status').notNull().default('received'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    // Vietnamese calendar dates, computed when received (lib/working-days.ts).
    acknowledgeBy: date('acknowledge_by', { mode: 'string' }).notNull(),
    dueBy: date('due_by', { mode: 'string' }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    extendedUntil: date('extended_until', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    reply: text('reply'),
    handledBy: uuid('handled_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('data_requests_code_idx').on(t.code),
    index('data_requests_status_due_idx').on(t.status, t.dueBy),
    index('data_requests_received_idx').on(t.receivedAt.desc()),
  ],
);

export type DataRequestRow = typeof dataRequests.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Corrections (Đính chính), issue 16: what an editor adds to a published article and readers see
// at its top, in its JSON-LD, its feed item and on /dinh-chinh. A correction is never edited
// away silently: every text it has had is a row of article_correction_versions (version 1 the
// text as added), written in the same transaction as the change, and the database refuses a
// correction whose current text has no version row, a changed or deleted version, and the
// deletion of a correction while its article exists (the hand-written triggers of its migration).

export const articleCorrections = pgTable(
  'article_corrections',
  {
    id: serial('id').primaryKey(),
    // Deleted only with the article itself (the trigger refuses any other delete).
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** Plain text, NFC, 1–2,000 characters (lib/corrections.ts). */
    body: text('body').notNull(),
    /** The number of its newest row in article_correction_versions. */
    version: integer('version').notNull().default(1),
    /** When it was added: the time readers see. */
    createdAt: createdAt(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** When its text last changed (= created_at until it is edited). */
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('article_corrections_article_idx').on(t.articleId, t.createdAt.desc()),
    // /dinh-chinh: newest first.
    index('article_corrections_created_idx').on(t.createdAt.desc(), t.id.desc()),
  ],
);

/** Every text a correction has had: version 1 as added, then one row per edit, with its reason. */
export const articleCorrectionVersions = pgTable(
  'article_correction_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    correctionId: integer('correction_id')
      .notNull()
      .references(() => articleCorrections.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    /** Why it was changed ('' for version 1). */
    reason: text('reason').notNull().default(''),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('article_correction_versions_key').on(t.correctionId, t.version)],
);

export type ArticleCorrection = typeof articleCorrections.$inferSelect;
export type ArticleCorrectionVersion = typeof articleCorrectionVersions.$inferSelect;
