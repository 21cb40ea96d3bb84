// `npm run build`: a production build against a migrated database (pages prerender from it).
import { prepareDatabase } from '../db/bootstrap';
import { runBuild } from './lib/build';
import { announceSeed, exportAppEnv, loadEnvOrExit, log } from './lib/launch';

const env = loadEnvOrExit();
const database = await prepareDatabase(env, { log }).catch((error: Error) => {
  console.error(`[newsroom] ${error.message}`);
  process.exit(1);
});
exportAppEnv(env, database);
announceSeed(database, env);
const code = await runBuild(database.identity);
await database.stop();
process.exit(code);
