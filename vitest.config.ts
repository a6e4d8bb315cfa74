import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // tests/realworld reads the files other projects produced, from ../shared/realworld.
    include: ['tests/unit/**/*.test.ts', 'tests/realworld/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
  },
});
