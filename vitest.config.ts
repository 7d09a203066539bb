import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure domain, main-process handlers, Dexie code on fake-indexeddb) and
 * `server` (real HTTP against a server started in-process, on SQLite, or on PostgreSQL when
 * TEST_DATABASE_URL is set). The sync simulation joins `unit` under tests/sync.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'src-shared/**/*.test.ts',
            'src-main/**/*.test.ts',
            'src-renderer/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/sync/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['src-server/**/*.test.ts', 'tests/store/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
