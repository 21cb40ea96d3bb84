// `npm run build`: a production build against a migrated database (pages prerender from it).
import { runBuild } from './lib/build';
import { bootDatabase, loadEnvOrExit } from './lib/launch';

const env = loadEnvOrExit();
const database = await bootDatabase(env);
const code = await runBuild(database.identity);
await database.stop();
process.exit(code);
