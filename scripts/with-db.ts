// Runs a command with a migrated database: `with-db -- <command> [args…]`.
// Without DATABASE_URL, the embedded server under DATA_DIR: the one a running `npm start` (or
// another with-db) already runs there, left running; else started here and stopped when the
// command ends.
import { bootDatabase, loadEnvOrExit, log, runForwardingSignals } from './lib/launch';

const separator = process.argv.indexOf('--');
const [command, ...args] = separator >= 0 ? process.argv.slice(separator + 1) : process.argv.slice(2);
if (!command) {
  console.error('usage: with-db -- <command> [args…]');
  process.exit(2);
}

const env = loadEnvOrExit();
const database = await bootDatabase(env, { shareRunning: true });
const which = !database.embedded ? 'DATABASE_URL' : database.sharedWith ? `embedded, of pid ${database.sharedWith}` : 'embedded';
log(`Database ready (${which}); running ${command} ${args.join(' ')}`);

const { done } = runForwardingSignals(command, args);
const code = await done;
await database.stop();
process.exit(code);
