// Runs a command with a migrated database: `with-db -- <command> [args…]`.
// Without DATABASE_URL, the embedded server starts under DATA_DIR and stops when the command ends.
import { prepareDatabase } from '../db/bootstrap';
import { announceSeed, exportAppEnv, loadEnvOrExit, log, runForwardingSignals } from './lib/launch';

const separator = process.argv.indexOf('--');
const [command, ...args] = separator >= 0 ? process.argv.slice(separator + 1) : process.argv.slice(2);
if (!command) {
  console.error('usage: with-db -- <command> [args…]');
  process.exit(2);
}

const env = loadEnvOrExit();
const database = await prepareDatabase(env, { log }).catch((error: Error) => {
  console.error(`[newsroom] ${error.message}`);
  process.exit(1);
});
exportAppEnv(env, database);
announceSeed(database, env);
log(`Database ready (${database.embedded ? 'embedded' : 'DATABASE_URL'}); running ${command} ${args.join(' ')}`);

const { done } = runForwardingSignals(command, args);
const code = await done;
await database.stop();
process.exit(code);
