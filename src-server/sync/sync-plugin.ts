import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { authenticateSession } from '../auth/sessions';
import { ApiHttpError } from '../http/errors';
import { syncRoutes } from '../routes/sync-routes';
import { LiveHub } from './live';

declare module 'fastify' {
  interface FastifyInstance {
    /** Tells connected clients to pull now: for changes made outside a push (portal intake). */
    pokeClients: () => void;
  }
}

/**
 * Wires the sync engine into a server: the routes, and the live hub that pokes connected
 * clients (across instances through PostgreSQL's LISTEN/NOTIFY when on PostgreSQL).
 */
export function installSync(app: FastifyInstance): void {
  const database = app.config.database;
  const pgUrl = database.engine === 'postgres' ? database.url : null;
  // The very check every request makes, so a stream ends for the same reasons a request fails.
  const checkSession = async (tokenHash: string): Promise<string | null> => {
    try {
      await authenticateSession(app.db, tokenHash);
      return null;
    } catch (error) {
      if (error instanceof ApiHttpError && error.statusCode === 401) return error.code;
      throw error;
    }
  };
  const hub = new LiveHub(pgUrl, app.config.liveStreams, checkSession, app.log);
  const notify = async () => {
    await sql`select pg_notify('orderline_changes', '')`.execute(app.db);
  };
  app.addHook('onReady', async () => {
    await hub.start(async (url) => {
      const client = new pg.Client({ connectionString: url });
      client.on('error', (error) => app.log.warn({ err: error }, 'live listener failed'));
      await client.connect();
      return client;
    });
  });
  // Open event streams would keep close() waiting for ever: end them first.
  app.addHook('preClose', async () => hub.close());
  app.decorate('pokeClients', () => {
    hub.poke(notify).catch((error: unknown) => app.log.warn({ err: error }, 'poke failed'));
  });
  syncRoutes(app, hub, notify);
}
