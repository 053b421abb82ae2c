import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // The ledger names every test file whose test process died before it reported (vitest says
    // only "Worker exited unexpectedly"), and keeps the record CI's watchdog reads
    // (scripts/ci-tests.mjs).
    reporters: ['default', './scripts/test-ledger.mjs'],
  },
});
