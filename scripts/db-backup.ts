// `npm run db:backup [-- --out FILE]`: a consistent dump of the database (PostgreSQL's own
// pg_dump, custom format) to backups/newsroom-<UTC date-time>.dump, or to FILE.
// With DATABASE_URL that server is dumped as it is; otherwise the embedded database.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupSource, defaultBackupFile, dumpDatabase, fail, formatSize, shortPath } from './lib/backup';
import { loadEnvOrExit, log } from './lib/launch';
import { findPgTools, serverVersion } from './lib/pg-tools';

const usage = 'usage: npm run db:backup [-- --out FILE]';
let parsed;
try {
  parsed = parseArgs({ options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`, 2);
}
if (parsed.values.help) {
  console.log(usage);
  process.exit(0);
}
// `npm run db:backup --out FILE` (without `--`) reaches us as a bare FILE: take it as meant.
if (parsed.positionals.length > 1 || (parsed.positionals.length === 1 && parsed.values.out)) fail(usage, 2);
const requested = parsed.values.out ?? parsed.positionals[0];
const outFile = requested ? path.resolve(requested) : defaultBackupFile();
if (existsSync(outFile)) fail(`${shortPath(outFile)} already exists; choose another --out or move it away.`);

const env = loadEnvOrExit();
const source = await backupSource(env);
const abort = new AbortController();
const interrupt = () => abort.abort();
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

let exitCode = 0;
try {
  const version = await serverVersion(source.url);
  const tools = findPgTools(version.major);
  log(`Backing up ${source.label} (PostgreSQL ${version.text}) with ${tools.pgDump}`);
  const { file, bytes } = await dumpDatabase(tools, source.url, outFile, abort.signal);
  log(`Backup written: ${shortPath(file)} (${formatSize(bytes)})`);
  log(`Restore it with: npm run db:restore -- ${shortPath(file)}`);
} catch (error) {
  console.error(`[newsroom] ${(error as Error).message}`);
  exitCode = abort.signal.aborted ? 130 : 1;
} finally {
  await source.stop();
}
process.exit(exitCode);
