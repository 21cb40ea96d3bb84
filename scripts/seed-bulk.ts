// `npm run seed:bulk -- --articles N [--seed S] [--comments-per-article K] [--batch B]`
// Adds N generated Vietnamese articles (sections, tags, bylines, revisions, comments, views) to
// the database: DATABASE_URL, else the embedded one, booted and migrated as with-db does.
// It only adds: slugs end in the article id, so a second run never collides with the first.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { z } from 'zod';
import { seedBulkContent, type BulkProgress } from '../db/bulk-seed';
import { bootDatabase, loadEnvOrExit, log } from './lib/launch';

const usage = 'usage: npm run seed:bulk -- --articles N [--seed S] [--comments-per-article K] [--batch B]';
// The server's work on each article sets the pace: one writer per core, plus one to fill the
// gaps while Node generates and sends the next batch (with two writers on this 2-core machine
// PostgreSQL averaged 1.7 busy backends, with three 2.0). The generator feeds about six.
const WRITERS = Math.min(6, availableParallelism() + 1);

let parsed;
try {
  parsed = parseArgs({
    options: {
      articles: { type: 'string', short: 'n' },
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
  articles: z.string({ error: '--articles N is required' }).pipe(whole('--articles', 10_000_000)),
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
});
const options = Options.safeParse(parsed.values);
if (!options.success) {
  console.error(`seed:bulk: ${options.error.issues.map((i) => i.message).join('; ')}\n${usage}`);
  process.exit(2);
}
const { articles, seed, batch } = options.data;
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
} catch (error) {
  console.error(`[newsroom] seed:bulk failed: ${(error as Error).message}`);
  console.error('[newsroom] Batches committed before the failure stay; the failed batch was rolled back.');
  exitCode = 1;
} finally {
  await client.end({ timeout: 5 });
  await database.stop();
}
process.exit(exitCode);
