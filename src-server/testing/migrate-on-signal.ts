import { sql } from 'kysely';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';

/**
 * Test helper process: opens the configured database, says "ready", and migrates when it
 * reads a line on stdin, so a test can start two migrations in two processes at one moment.
 * Prints the applied migration names as JSON, or "error: ..." and exits 1.
 */
const db = openDatabase(loadConfig().database);
// Connect first, so the two processes differ only in when they are told to go.
await sql`select 1`.execute(db);
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  migrateToLatest(db).then(
    async (applied) => {
      process.stdout.write(`${JSON.stringify(applied)}\n`);
      await db.destroy();
    },
    async (error: unknown) => {
      process.stdout.write(`error: ${(error as Error).message}\n`);
      await db.destroy();
      process.exitCode = 1;
    },
  );
});
