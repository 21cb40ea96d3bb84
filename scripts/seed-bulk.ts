// `npm run seed:bulk -- [--articles N] [--documents M] [--seed S] [--comments-per-article K] [--batch B]`
// Adds N generated Vietnamese articles (sections, tags, bylines, revisions, comments, views)
// and/or M documents (Văn bản: numbers unique per issuer, abstracts, dates over eight years, one
// file row each with its extracted text, no file in storage) to the database: DATABASE_URL,
// else the embedded one, booted and migrated as with-db does. It only adds: article slugs end
// in the id and document numbers continue each issuer's numbering, so runs never collide.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { z } from 'zod';
import { seedBulkContent, seedBulkDocuments, type BulkProgress } from '../db/bulk-seed';
import { bootDatabase, loadEnvOrExit, log } from './lib/launch';

const usage = 'usage: npm run seed:bulk -- [--articles N] [--documents M] [--seed S] [--comments-per-article K] [--batch B]  (at least one of --articles, --documents)';
// The server's work on each article sets the pace: one writer per core, plus one to fill the
// gaps while Node generates and sends the next batch (with two writers on this 2-core machine
// PostgreSQL averaged 1.7 busy backends, with three 2.0). The generator feeds about six.
const WRITERS = Math.min(6, availableParallelism() + 1);

let parsed;
try {
  parsed = parseArgs({
    options: {
      articles: { type: 'string', short: 'n' },
      documents: { type: 'string', short: 'd' },
      seed: { type: 'string', default: 'newsroom' },
      'comments-per-article': { type: 'string', default: '3' },
      batch: { type: 'string', default: '1000' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  console.error(`seed:bulk: ${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(usage);
  process.exit(0);
}

const whole = (name: string, max: number) =>
  z
    .string()
    .transform(Number)
    .pipe(
      z
        .number({ error: `${name} must be a whole number` })
        .int(`${name} must be a whole number`)
        .min(1, `${name} must be at least 1`)
        .max(max, `${name} must be at most ${max.toLocaleString('en-US')}`),
    );
const Options = z.object({
  articles: z.string().pipe(whole('--articles', 10_000_000)).optional(),
  documents: z.string().pipe(whole('--documents', 10_000_000)).optional(),
  seed: z.string().min(1, '--seed must not be empty').max(200),
  'comments-per-article': z
    .string()
    .transform(Number)
    .pipe(
      z
        .number({ error: '--comments-per-article must be a number' })
        .min(0, '--comments-per-article must be 0 or more')
        .max(50, '--comments-per-article must be at most 50'),
    ),
  batch: whole('--batch', 10_000),
}).refine((o) => o.articles !== undefined || o.documents !== undefined, { message: '--articles N or --documents M is required' });
const options = Options.safeParse(parsed.values);
if (!options.success) {
  console.error(`seed:bulk: ${options.error.issues.map((i) => i.message).join('; ')}\n${usage}`);
  process.exit(2);
}
const { articles, documents, seed, batch } = options.data;
const commentsPerArticle = options.data['comments-per-article'];

const fmt = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const env = loadEnvOrExit();
// Beside a running site, on its own embedded server (as with-db and user:create do).
const database = await bootDatabase(env, { shareRunning: true });
const client = postgres(database.url, {
  max: WRITERS + 1,
  onnotice: () => {},
  connection: { application_name: 'newsroom-seed-bulk' },
});

// Ctrl-C: stop generating, let the batches already sent commit, then report what was added.
const abort = new AbortController();
const interrupt = () => {
  if (abort.signal.aborted) process.exit(130);
  log('Stopping after the batches in flight (Ctrl-C again to quit at once)…');
  abort.abort();
};
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);

let lastShown = 0;
const progress = ({ articles: done, total, elapsedMs }: BulkProgress) => {
  if (done < total && elapsedMs - lastShown < 2000) return;
  lastShown = elapsedMs;
  log(`seeding ${fmt(done)}/${fmt(total)} articles (${seconds(elapsedMs)})`);
};

let exitCode = 0;
try {
  if (articles !== undefined) {
    log(`Adding ${fmt(articles)} articles (seed "${seed}", ~${commentsPerArticle} comments each, batches of ${fmt(batch)})`);
    const r = await seedBulkContent(client, {
      articles,
      seed,
      commentsPerArticle,
      batchSize: batch,
      writers: WRITERS,
      onProgress: progress,
      signal: abort.signal,
    });
    const insertMs = r.elapsedMs - r.analyzeMs;
    log(
      `Added ${fmt(r.articles)} articles (${fmt(r.published)} published; ids ${r.firstArticleId ?? '–'}–${r.lastArticleId ?? '–'}), ` +
        `${fmt(r.comments)} comments (${fmt(r.approvedComments)} approved, ${fmt(r.pendingComments)} pending), ` +
        `${fmt(r.tagLinks)} tag links, ${fmt(r.articles)} revisions, view counts (${fmt(r.viewDays)} daily rows); ` +
        `new: ${r.sectionsCreated} sections, ${r.tagsCreated} tags, ${r.authorsCreated} bylines.`,
    );
    log(
      `${fmt(r.rows)} rows in ${seconds(r.elapsedMs)} (inserting ${seconds(insertMs)}: ` +
        `${fmt(Math.round(r.articles / (insertMs / 1000)))} articles/s, ${fmt(Math.round(r.rows / (insertMs / 1000)))} rows/s; ` +
        `analyze ${seconds(r.analyzeMs)}).`,
    );
    if (r.interrupted) {
      exitCode = 130;
      log('Interrupted: the articles above were added; run again for more.');
    }
    log('Search finds them now; a running site lists them once its pages revalidate (home within 60 s, sections, tags and authors within 5 minutes).');
  }
  if (documents !== undefined && !abort.signal.aborted) {
    log(`Adding ${fmt(documents)} documents (seed "${seed}", batches of ${fmt(Math.min(batch, 2000))})`);
    lastShown = 0;
    const d = await seedBulkDocuments(client, {
      documents,
      seed,
      batchSize: Math.min(batch, 2000),
      writers: WRITERS,
      signal: abort.signal,
      onProgress: ({ documents: done, total, elapsedMs }) => {
        if (done < total && elapsedMs - lastShown < 2000) return;
        lastShown = elapsedMs;
        log(`seeding ${fmt(done)}/${fmt(total)} documents (${seconds(elapsedMs)})`);
      },
    });
    const insertMs = d.elapsedMs - d.analyzeMs;
    log(
      `Added ${fmt(d.documents)} documents (${fmt(d.published)} published, ${fmt(d.expired)} expired; ids ${d.firstDocumentId ?? '–'}–${d.lastDocumentId ?? '–'}) ` +
        `with ${fmt(d.files)} file rows and ${fmt(Math.round(d.textBytes / 1024 / 1024))} MB of extracted text; new: ${d.issuersCreated} issuers, ${d.fieldsCreated} fields.`,
    );
    log(`${seconds(d.elapsedMs)} (inserting ${seconds(insertMs)}: ${fmt(Math.round(d.documents / (insertMs / 1000)))} documents/s; analyze ${seconds(d.analyzeMs)}).`);
    log('Their file rows have no file in storage: a download of one answers 404.');
    if (d.interrupted) {
      exitCode = 130;
      log('Interrupted: the documents above were added; run again for more.');
    }
  } else if (documents !== undefined) {
    exitCode = 130;
  }
} catch (error) {
  console.error(`[newsroom] seed:bulk failed: ${(error as Error).message}`);
  console.error('[newsroom] Batches committed before the failure stay; the failed batch was rolled back.');
  exitCode = 1;
} finally {
  await client.end({ timeout: 5 });
  await database.stop();
}
process.exit(exitCode);
