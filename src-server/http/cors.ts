import type { FastifyInstance } from 'fastify';

/**
 * The desktop client runs at its own origin (app://orderline, see src-main/app-protocol.ts)
 * and calls the server cross-origin, so the browser asks first. Only listed origins are
 * answered. Sessions are bearer tokens, never cookies, so allowing an origin lets it make
 * requests with a token it already holds, nothing more.
 */
export function installCors(app: FastifyInstance, origins: readonly string[]): void {
  const allowed = new Set(origins);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin) || !request.url.startsWith('/api/')) return;
    reply
      .header('access-control-allow-origin', origin)
      .header('vary', 'Origin')
      .header('access-control-expose-headers', 'Retry-After');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      // A preflight is answered here, before routing and before the session check.
      return reply
        .status(204)
        .header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-max-age', '600')
        .send();
    }
  });
}
