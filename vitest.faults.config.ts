// `npm run test:faults`: the fault tests (fuzz, crash, shutdown, soak) against a real `npm start`.
// One file at a time: each drives the same site and database, and some kill them.
import { defineConfig } from 'vitest/config';
import { resolve } from './vitest.config';

export default defineConfig({
  resolve,
  test: {
    include: ['e2e/faults/**/*.faults.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
