// `npm run user:create -- --email a@b.vn --name "Nguyễn An" --role admin`
// The password is read from a hidden prompt, or from standard input when it is not a terminal.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { z } from 'zod';
import { prepareDatabase } from '../db/bootstrap';
import * as schema from '../db/schema';
import { passwordSchema } from '../lib/auth/password-policy';
import { ROLES } from '../lib/auth/permissions';
import { emailSchema } from '../lib/email';
import { hashPassword } from '../lib/password';
import { loadEnvOrExit, log } from './lib/launch';

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
const database = await prepareDatabase(env, { log: () => {} });
const client = postgres(database.url, { max: 1, onnotice: () => {} });
try {
  const db = drizzle(client, { schema });
  const passwordHash = await hashPassword(password.data);
  const { email, name, role } = input.data;
  const [user] = await db
    .insert(schema.users)
    .values({ email, name, role, passwordHash })
    .onConflictDoNothing({ target: schema.users.email })
    .returning({ id: schema.users.id });
  if (!user) {
    console.error(`user:create: an account with ${email} already exists`);
    process.exitCode = 1;
  } else {
    await db.insert(schema.auditLog).values({ action: 'user.create', entityType: 'user', entityId: user.id, details: { email, role, via: 'cli' } });
    log(`Created ${role} ${email}.`);
  }
} finally {
  await client.end();
  await database.stop();
}
