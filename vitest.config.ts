import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    // Generous: tests that print PDFs share two cores with the other test files; a limit is a hang detector, not a benchmark.
    testTimeout: 60_000,
  },
});
