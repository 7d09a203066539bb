import Fastify, { type FastifyInstance } from 'fastify';
import { installAccessControl, type ApiRoute } from './auth/access';
import type { Config } from './config';
import { openDatabase, type Db } from './db/database';
import { installCors } from './http/cors';
import { clientErrorHandler, errorHandler, frameworkErrorHandler } from './http/errors';
import { applySecurityHeaders, installSecurityHeaders } from './http/security-headers';
import { adminRoutes } from './routes/admin-routes';
import { authRoutes } from './routes/auth-routes';
import { clientApp } from './routes/client-app';
import { deviceRoutes } from './routes/device-routes';
import { healthRoutes } from './routes/health';
import { portalRoutes } from './portal/portal-routes';
import { installSync } from './sync/sync-plugin';
import { installMailSender } from './mail/mail-sender';
import { mailRoutes } from './routes/mail-routes';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    /** Every /api route with the access it declared (for tests that sweep all routes). */
    apiRoutes: readonly ApiRoute[];
  }
}

export interface ServerOptions {
  /** An open, migrated database. Without it the server opens its own and closes it on close. */
  db?: Db;
  /** More routes, e.g. the sync engine's, registered after the built-in ones. */
  plugins?: ((app: FastifyInstance) => void | Promise<void>)[];
}

/**
 * The HTTP server, not yet listening. It keeps no state in memory that a second instance
 * would need: sessions, rate limits and the audit head all live in the database.
 */
export function buildServer(config: Config, options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    frameworkErrors: frameworkErrorHandler(applySecurityHeaders),
    clientErrorHandler,
  });

  const db =
    options.db ??
    openDatabase(config.database, {
      onPoolError: (error) => app.log.error({ err: error }, 'idle database connection failed'),
    });
  if (!options.db) app.addHook('onClose', () => db.destroy());
  app.decorate('db', db);
  app.decorate('config', config);

  app.setErrorHandler(errorHandler);
  installSecurityHeaders(app);
  installCors(app, config.corsOrigins);

  // Fastify refuses an empty application/json body; a POST without a body (sign-out) is
  // normal for a fetch that sets the header anyway. Everything else goes to Fastify's own
  // parser, which also refuses __proto__ and constructor keys.
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') done(null, undefined);
    else jsonParser(request, text, done);
  });
  // JSON only, as the README promises: Fastify would hand a text/plain body to the routes as a
  // string, and text/plain, like the form encodings, is what another site's page can post
  // here without a preflight.
  app.removeContentTypeParser('text/plain');

  app.decorate('apiRoutes', installAccessControl(app));

  app.addHook('onSend', async (request, reply) => {
    // API answers carry sessions and business data: no shared or browser cache may keep them.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  healthRoutes(app);
  authRoutes(app);
  deviceRoutes(app);
  adminRoutes(app);
  installSync(app);
  portalRoutes(app);
  mailRoutes(app);
  if (config.mail) installMailSender(app, db, config.mail);
  for (const plugin of options.plugins ?? []) {
    void app.register(async (instance) => {
      await plugin(instance);
    });
  }
  clientApp(app, config.clientDir);

  return app;
}
