import { buildServer } from './app';
import { ConfigError, describeDatabase, loadConfig, type Config } from './config';
import { migrateToLatest } from './db/migrate';
import { demoUsersNotice, isEmptyDatabase, seedDemoData } from './seed';

/** `npm run server [-- --port 8080 ...]`: migrate, seed a new embedded database, listen. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig({ argv: process.argv.slice(2) });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  const app = buildServer(config);
  try {
    app.log.info({ database: describeDatabase(config.database) }, 'migrating');
    const applied = await migrateToLatest(app.db);
    if (applied.length > 0) app.log.info({ applied }, 'migrations applied');

    // Only the embedded database gets demo data by itself: a PostgreSQL server is a
    // deliberate installation, seeded by `npm run admin -- seed-demo` if wanted.
    if (config.database.engine === 'sqlite' && (await isEmptyDatabase(app.db))) {
      const seeded = await seedDemoData(app.db);
      app.log.warn(demoUsersNotice(seeded.usersCreated));
    }

    let first = true;
    await app.listen({
      port: config.port,
      host: config.host,
      // Fastify logs one line per interface for 0.0.0.0: the first is ours, the others say
      // which addresses clients on the factory network can use.
      listenTextResolver: (address) => {
        const port = new URL(address).port;
        if (!first) return `also reachable at ${address}`;
        first = false;
        return `OrderLine server listening on http://${config.host}:${port}`;
      },
    });
  } catch (error) {
    app.log.fatal({ err: error }, 'server failed to start');
    await app.close().catch(() => undefined);
    process.exit(1);
  }

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
