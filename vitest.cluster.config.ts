// `npm run test:cluster`: two `npm start` instances sharing one database and Redis
// (e2e/cluster). Not part of the unit run: vitest.config.ts includes only `*.test.ts`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/cluster/**/*.cluster.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    // The first instance may build the site first.
    hookTimeout: 900_000,
  },
});
