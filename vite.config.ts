/** @module Root vitest configuration: runs every package's unit tests and the repository-level tests. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    // Two cores here and in CI: modest parallelism keeps the browser tests stable.
    maxWorkers: 2,
    // The browser tests serve dist/; it is built once here, not by each file at the same time.
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
