import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // No test may leave a process behind: checked after each file and after the run.
    setupFiles: ['test/setup/children.ts'],
    globalSetup: ['test/setup/suite.ts'],
    // Builds of the whole knowledge take seconds on a loaded machine; no test asserts time.
    testTimeout: 30_000,
  },
});
