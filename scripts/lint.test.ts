import { ESLint } from 'eslint';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The import boundaries of eslint.config.mjs, on code that never reaches the disk: each case is
// one import in a file of the folder named, linted with the project's own configuration. The
// imported modules are real, so `@/…`, `../…` and package names resolve as in the code base.
const ROOT = path.resolve(import.meta.dirname, '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function boundaryErrors(file: string, specifier: string, code = `import * as probe from '${specifier}';\nexport const used = probe;\n`): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((m) => m.severity === 2)
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const refused: [file: string, specifier: string, code?: string][] = [
  // lib: neither the database nor Next, whichever way the import is spelt.
  ['lib/probe.ts', '@/db'],
  ['lib/probe.ts', '@/db/queries/health'],
  ['lib/probe.ts', '../db/index'],
  ['lib/sub/probe.ts', '../../db/schema'],
  ['lib/probe.ts', 'next/cache'],
  ['lib/probe.ts', 'next/headers'],
  ['lib/probe.ts', 'next'],
  // Application folders: never the tests or the tools.
  ['app/probe.ts', '@/e2e/chromium'],
  ['app/api/x/probe.ts', '../../../scripts/lib/launch'],
  ['app/probe.ts', '@/scripts/lib/launch'],
  ['lib/probe.ts', '../e2e/chromium'],
  ['lib/probe.ts', '@/scripts/lib/launch'],
  ['lib/auth/probe.ts', '../../e2e/chromium'],
  ['lib/auth/probe.ts', '@/scripts/lib/launch'],
  ['lib/probe.test.ts', '@/e2e/chromium'],
  ['db/probe.ts', '../e2e/chromium'],
  ['db/writes/probe.ts', '@/scripts/lib/launch'],
  ['components/probe.tsx', '../e2e/chromium'],
  ['components/site/probe.tsx', '@/scripts/lib/launch'],
  // Next's cache invalidation only through lib/cache-tags.ts (named tags), wherever it is imported.
  ['app/dashboard/probe.ts', 'next/cache', "import { revalidatePath } from 'next/cache';\nexport const used = revalidatePath;\n"],
  ['app/api/probe/route.ts', 'next/cache', "import { revalidateTag as expire } from 'next/cache';\nexport const used = expire;\n"],
  ['db/writes/probe.ts', 'next/cache', "import { updateTag } from 'next/cache';\nexport const used = updateTag;\n"],
  ['components/probe.tsx', 'next/cache', "import * as cache from 'next/cache';\nexport const used = cache;\n"],
  ['lib/auth/probe.ts', 'next/cache', "import { refresh } from 'next/cache';\nexport const used = refresh;\n"],
  ['lib/cache-tags.ts', 'next/headers'],
  // Application folders: never the test harness either, outside their tests.
  ['app/probe.ts', '@/testing/database'],
  ['lib/probe.ts', '../testing/redis'],
  ['db/probe.ts', '../testing/database'],
  ['components/probe.tsx', '@/testing/harness'],
  // seed: content only; the SQL that writes it is in db/.
  ['seed/probe.ts', '@/testing/harness'],
  ['seed/probe.ts', '../e2e/chromium'],
  ['seed/probe.ts', '@/scripts/lib/launch'],
  ['seed/probe.ts', 'postgres'],
  ['seed/probe.ts', 'drizzle-orm'],
  ['seed/probe.ts', 'next/cache'],
  // scripts: never the tests, the bench included; the harness only in the bench and tests.
  ['scripts/probe.ts', '../e2e/chromium'],
  ['scripts/lib/probe.ts', '@/e2e/chromium'],
  ['scripts/bench.ts', '../e2e/faults/site'],
  ['scripts/probe.test.ts', '../e2e/chromium'],
  ['scripts/probe.ts', '../testing/site'],
  ['scripts/lib/probe.ts', '../../testing/database'],
  // testing: below e2e and scripts, which both use it.
  ['testing/probe.ts', '../e2e/chromium'],
  ['testing/probe.ts', '../scripts/lib/launch'],
];

const allowed: [file: string, specifier: string, code?: string][] = [
  ['app/probe.ts', '@/db'],
  ['app/probe.ts', '@/lib/site'],
  ['app/probe.ts', '@/components/pagination'],
  ['app/probe.ts', 'next/headers'],
  ['app/probe.ts', 'next/cache', "import { unstable_noStore } from 'next/cache';\nexport const used = unstable_noStore;\n"],
  ['lib/auth/probe.ts', '@/db/queries/health'],
  ['lib/auth/probe.ts', 'next/headers'],
  ['lib/probe.ts', './site'],
  ['lib/probe.ts', 'zod'],
  // The single adapter to Next's cache (see eslint.config.mjs).
  ['lib/cache-tags.ts', 'next/cache', "import { revalidatePath } from 'next/cache';\nexport const used = revalidatePath;\n"],
  ['scripts/probe.ts', '../db/index'],
  ['scripts/probe.ts', '../lib/site'],
  ['e2e/probe.ts', '../scripts/lib/launch'],
  ['e2e/probe.ts', '../testing/site'],
  // Tests and the bench use the harness.
  ['scripts/bench.ts', '../testing/site'],
  ['scripts/probe.test.ts', '../testing/http'],
  ['app/probe.test.ts', '@/testing/database'],
  ['db/probe.test.ts', '@/testing/database'],
  ['lib/probe.test.ts', '../testing/strict-xml'],
  ['testing/probe.ts', '../db/embedded'],
  // Seed content is read by the database's writers.
  ['db/probe.ts', '../seed/seed-data'],
  ['seed/probe.ts', '../lib/vietnamese'],
];

describe('import boundaries (eslint.config.mjs)', () => {
  it.each(refused)('%s may not import %s', async (file, specifier, code) => {
    const errors = await boundaryErrors(file, specifier, code);
    expect(errors.join('\n')).toMatch(/^(import\/no-restricted-paths|no-restricted-imports): /m);
  });

  it('sees re-exports and dynamic imports too', async () => {
    const rule = /^import\/no-restricted-paths: /m;
    expect((await boundaryErrors('lib/probe.ts', '', "export * from '@/db';\n")).join('\n')).toMatch(rule);
    expect((await boundaryErrors('app/probe.ts', '', "export { ROOT } from '../scripts/lib/launch';\n")).join('\n')).toMatch(rule);
    expect((await boundaryErrors('db/probe.ts', '', "export const load = () => import('@/e2e/chromium');\n")).join('\n')).toMatch(rule);
  });

  it.each(allowed)('%s may import %s', async (file, specifier, code) => {
    expect(await boundaryErrors(file, specifier, code)).toEqual([]);
  });
});
