import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'fixtures/**'],
    // Builds dist/ once, before any test file, when it is older than its sources (the packed-package tests use it).
    globalSetup: ['tests/support/build.ts'],
  },
});
