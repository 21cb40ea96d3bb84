// `npm run user:create -- --email a@b.vn --name "Nguyễn An" --role admin`
// The password is read from a hidden prompt, or from standard input when it is not a terminal.
// Works beside a running `npm start` (its embedded database is shared, not started twice); the
// account is created by db/writes/users.ts, as from the dashboard.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { prepareDatabase, type PreparedDatabase } from '../db/bootstrap';
import { passwordSchema } from '../lib/auth/password-policy';
import { ROLES } from '../lib/auth/permissions';
import { emailSchema } from '../lib/email';
import { loadEnvOrExit, log } from './lib/launch';

// The app's server modules import `server-only`, which throws unless the `react-server`
// condition is on, as inside Next: `npm run user:create` runs node with it.
if (!import.meta.resolve('server-only').endsWith('/empty.js')) {
  console.error('user:create: run it as "npm run user:create" (node needs --conditions=react-server)');
  process.exit(1);
}

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'reporter' } },
});

const Input = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'needs --name').max(100),
  role: z.enum(ROLES, { error: `--role must be one of ${ROLES.join(', ')}` }),
});
const input = Input.safeParse({ ...values, name: values.name ?? values.email?.split('@')[0] });
if (!input.success) {
  console.error(`user:create: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = '';
    for await (const chunk of process.stdin) data += chunk;
    return data.split('\n')[0]?.replace(/\r$/, '') ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.startsWith(q)) write.call(rl, q);
      };
      rl.question(q, (answer) => {
        (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = write;
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Mật khẩu: ');
  const second = await ask('Nhập lại mật khẩu: ');
  rl.close();
  if (first !== second) {
    console.error('user:create: the passwords do not match');
    process.exit(2);
  }
  return first;
}

const password = passwordSchema.safeParse(await readPassword());
if (!password.success) {
  console.error(`user:create: ${password.error.issues[0]?.message}`);
  process.exit(2);
}

const env = loadEnvOrExit();
// The embedded server a running `npm start` has on DATA_DIR is used as it is, and left running.
let database: PreparedDatabase;
try {
  database = await prepareDatabase(env, { log: () => {}, shareRunning: true });
} catch (error) {
  console.error(`user:create: ${(error as Error).message}`);
  process.exit(1);
}
// The account is made by the app's own code (the dashboard's), which reads DATABASE_URL.
process.env.DATABASE_URL = database.url;
const { createUser, UserError } = await import('../db/writes/users');
const { sql } = await import('../db');
try {
  const { email, name, role } = input.data;
  await createUser({ email, name, role, password: password.data }, { id: null, email: null }, '');
  log(`Created ${role} ${email}.`);
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  console.error(`user:create: an account with ${input.data.email} already exists`);
  process.exitCode = 1;
} finally {
  await sql.end({ timeout: 5 });
  await database.stop();
}
