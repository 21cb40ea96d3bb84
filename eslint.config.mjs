// ESLint: Next's rules (React, hooks, a11y, @next/next), typescript-eslint's recommended set
// (syntax only: type-aware rules would need a TypeScript program and cost more than the whole
// lint), and the import boundaries between the project's folders.
//
// Boundaries by folder are checked on the *resolved* file (`import/no-restricted-paths`, with
// the TypeScript resolver eslint-config-next sets up), so `@/db`, `../../db/index` and
// `./x/../../db` are one and the same import. Package imports (`next/*`) are checked by name.
import js from '@eslint/js';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/** Every folder the application is built from: none may reach into the test or tool folders. */
const APP_FOLDERS = ['./app', './lib', './db', './components', './seed'];

/**
 * The folder boundaries, for one kind of file. `libMayUseDb`: lib/auth (the session helpers are
 * where a request meets the database) and tests, which may build real data to test a lib
 * function against. `mayUseTesting`: tests, and the bench, which drives the site with the same
 * harness (testing/) as the fault tests.
 */
const boundaries = ({ libMayUseDb = false, mayUseTesting = false } = {}) => [
  'error',
  {
    zones: [
      // lib is framework-free and database-free, so it can be unit-tested and reused by the
      // shell tools.
      ...(libMayUseDb ? [] : [{ target: './lib', from: './db', message: 'lib/ must not import db/ (only lib/auth may).' }]),
      ...APP_FOLDERS.map((target) => ({
        target,
        from: mayUseTesting ? ['./e2e', './scripts'] : ['./e2e', './scripts', './testing'],
        message: mayUseTesting
          ? 'Application code must not import the test (e2e/) or tool (scripts/) folders.'
          : 'Application code must not import the test (e2e/, testing/) or tool (scripts/) folders.',
      })),
      {
        target: './scripts',
        from: mayUseTesting ? './e2e' : ['./e2e', './testing'],
        message: 'scripts/ must not import e2e/ (nor testing/, outside tests and the bench): what both need goes in testing/.',
      },
      {
        target: './testing',
        from: ['./e2e', './scripts'],
        message: 'testing/ is what e2e/, the tests and the bench share: it must not import e2e/ or scripts/.',
      },
    ],
  },
];

/** Next's cache invalidation goes through lib/cache-tags.ts, which names what each write makes stale. */
const CACHE_INVALIDATION = {
  name: 'next/cache',
  importNames: ['revalidatePath', 'revalidateTag', 'updateTag', 'refresh'],
  message: 'Invalidate through invalidate() and the CacheTag names of lib/cache-tags.ts.',
};
/** lib/ is framework-free: no Next, no Auth.js (only lib/auth may). */
const NEXT_IN_LIB = { group: ['next', 'next/*', 'next-auth', 'next-auth/*'], message: 'lib/ must not import Next (only lib/auth may).' };

const config = [
  {
    // Generated or not ours: the build, dependencies, data, migrations (drizzle-kit writes them), reports.
    ignores: ['.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'test-results/**', 'bench-results/**', 'playwright-report/**', 'blob-report/**', 'backups/**', 'next-env.d.ts'],
  },
  js.configs.recommended,
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Warnings nobody reads are noise: what is worth a rule is an error (`npm test` counts errors).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-unused-expressions': 'error',
      // TypeScript's compiler already reports undefined names, with the real globals of each file.
      'no-undef': 'off',
      // Matching control characters is the point of the XML, feed and form-body sanitisers.
      'no-control-regex': 'off',
      // `catch {}` is this codebase's spelling of best-effort cleanup (a lock file, a stray process).
      'no-empty': ['error', { allowEmptyCatch: true }],
      // `let x; process.on(…, () => x?.stop()); x = await …`: a const would be in its TDZ if the
      // handler ran first.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // React Compiler rules; the project does not use the compiler, and the flagged code is the
      // hydration-safe way to read localStorage after the first render, and a render-time ref
      // counter (components/forms/use-result-key.ts) that is correct without it.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      // Flat config replaces a rule's options rather than merging them: the lib/ blocks below
      // set their own, each at least as strict.
      'no-restricted-imports': ['error', { paths: [CACHE_INVALIDATION] }],
      'import/no-restricted-paths': boundaries(),
    },
  },
  {
    files: ['lib/**'],
    ignores: ['lib/auth/**'],
    rules: {
      // All of next/* is refused here, so next/cache's invalidation is too (this replaces the
      // rule's options of the block above for these files).
      'no-restricted-imports': ['error', { patterns: [NEXT_IN_LIB] }],
    },
  },
  {
    // The one adapter to Next's cache: the tag names, and the paths they stand for. It may
    // import next/cache (and nothing else of Next).
    files: ['lib/cache-tags.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(next-auth(/.*)?|next(/(?!cache$).*)?)$', message: 'lib/cache-tags.ts may import next/cache only.' }] },
      ],
    },
  },
  {
    // Seed content is data and the code that generates it: the SQL that writes it is in db/.
    files: ['seed/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['postgres', 'drizzle-orm', 'drizzle-orm/*'], message: 'seed/ holds content, not SQL: write it from db/ (db/seed.ts, db/bulk-seed.ts).' },
            { group: ['next', 'next/*', 'next-auth', 'next-auth/*'], message: 'seed/ must not import Next.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/auth/**'],
    rules: { 'import/no-restricted-paths': boundaries({ libMayUseDb: true }) },
  },
  {
    files: ['**/*.test.ts', 'scripts/bench.ts'],
    rules: { 'import/no-restricted-paths': boundaries({ libMayUseDb: true, mayUseTesting: true }) },
  },
  {
    // Error boundaries link home with a plain <a>: a full load is what recovers from the error
    // (and global-error replaces the root layout, so client navigation may be what broke).
    files: ['app/**/error.tsx', 'app/global-error.tsx'],
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    // Node tests name an imported module `module`; the rule guards Next pages, not tests.
    files: ['**/*.test.ts'],
    rules: { '@next/next/no-assign-module-variable': 'off' },
  },
];

export default config;
