import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** Module resolution as the app's own (`@/…`), for every Vitest config of the project. */
export const resolve = {
  alias: {
    '@': path.resolve(import.meta.dirname),
    // Outside Next the marker package would throw; tests load server modules on purpose.
    'server-only': path.resolve(import.meta.dirname, 'testing/server-only-stub.ts'),
  },
};

export default defineConfig({
  resolve,
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', '.data/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests each make their own database; two workers suit a 2-core machine.
    maxWorkers: 2,
  },
});
