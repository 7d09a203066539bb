import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFoundBody } from '../http/errors';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OrderLine server</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>OrderLine server is running</h1>
<p>The web client has not been built. Run <code>npm run build</code>, then restart the server.</p>
<p>客户端尚未构建：请运行 <code>npm run build</code>，然后重新启动服务器。</p>
</body></html>
`;

/**
 * Web mode (DESIGN.md section 3): the renderer build at `/`, and index.html for any other
 * page path so that client-side routes like /quality survive a reload. API paths and paths
 * that name a file (an extension) get a JSON 404 instead: a missing script must not come
 * back as HTML.
 */
export function clientApp(app: FastifyInstance, clientDir: string): void {
  const built = existsSync(join(clientDir, 'index.html'));

  if (built) {
    void app.register(fastifyStatic, {
      root: clientDir,
      setHeaders(reply, path) {
        // Assets have hashed names and may be cached; index.html names them, so it must not.
        if (path.endsWith('.html')) reply.header('cache-control', 'no-cache');
      },
    });
  } else {
    app.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE));
  }

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (built && isPagePath(request)) {
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .sendFile('index.html');
    }
    return reply.status(404).send(notFoundBody(request));
  });
}

function isPagePath(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path === '/api' || path.startsWith('/api/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}
