import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '../../src-shared/api/auth';
import { engineOf } from '../db/database';
import { packageVersion } from '../paths';

export function healthRoutes(app: FastifyInstance): void {
  app.get('/api/health', { config: { access: 'public' } }, async (): Promise<HealthResponse> => {
    // Touch the database: a load balancer must not send clients to an instance without one.
    await sql`select 1`.execute(app.db);
    return { ok: true, version: packageVersion(), database: engineOf(app.db) };
  });
}
