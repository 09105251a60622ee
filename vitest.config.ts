import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    // One throwaway PostgreSQL server for the run (tests/postgres/): each file that needs it gets its own database.
    globalSetup: ['tests/postgres/global-setup.ts'],
    // Generous: tests that print PDFs share two cores with the other test files; a limit is a hang detector, not a benchmark.
    testTimeout: 60_000,
  },
});
