import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Headers that tell browsers how little the server's pages may do. The web client in a
 * browser holds the factory's offline data and a session token, like the desktop app
 * (src-main/csp.ts, whose policy this one mirrors): an injected script must not run, and
 * nothing may be sent anywhere but back to this server.
 *
 * A small onSend hook rather than @fastify/helmet: helmet would need most of its defaults
 * turned off or overridden (its CSP allows https: fonts and inline styles everywhere, its
 * HSTS is sent on plain HTTP too, the portal needs a policy of its own), and it cannot reach
 * the responses Fastify writes outside the hooks (bad URLs, the hijacked event stream),
 * which take these same headers from `securityHeaders`.
 */

export type CspDirectives = Record<string, readonly string[]>;

export function buildCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * CSP hash sources of each inline `<script>` or `<style>` element of a page the server
 * writes itself, so that exactly those may run and an injected one may not.
 */
export function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const pattern = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g');
  return [...html.matchAll(pattern)].map(
    ([, text]) =>
      `'sha256-${createHash('sha256')
        .update(text ?? '', 'utf8')
        .digest('base64')}'`,
  );
}

/** The renderer build served at `/` (web mode). */
export const CLIENT_CSP = buildCsp({
  'default-src': ["'self'"],
  // Only the built modules: the build has no inline script and the app no eval.
  'script-src': ["'self'"],
  // Ant Design's CSS-in-JS inserts <style> elements at runtime, without a nonce (a static
  // index.html cannot carry one per response). CSS cannot run script; the risk left is
  // injected CSS restyling or probing the page, which the escaping of all text keeps out.
  'style-src': ["'self'", "'unsafe-inline'"],
  // data:/blob: for barcodes and QR codes drawn in the page and for photos being attached.
  'img-src': ["'self'", 'data:', 'blob:'],
  // The web client talks only to the server that served it.
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  // A single-page app never submits a form natively: one that did would put a password in a URL.
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

/** API answers are JSON: opened in a browser tab, they may load nothing and not be framed. */
export const API_CSP = buildCsp({
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
});

/** A year: browsers keep using HTTPS for the server's name after one visit over TLS. */
const HSTS = 'max-age=31536000';

function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/**
 * The headers every response carries. HSTS only when the request came over TLS (here, or at a
 * proxy that said so in X-Forwarded-Proto and is trusted by ORDERLINE_TRUST_PROXY): sent over
 * plain HTTP it would mean nothing, and a factory LAN server without TLS must stay reachable.
 * Without includeSubDomains, since other hosts of the factory's domain may serve plain HTTP.
 */
export function securityHeaders(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': isApi(request.url) ? API_CSP : CLIENT_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
  if (request.protocol === 'https') headers['strict-transport-security'] = HSTS;
  return headers;
}

/** Sets the headers that a route has not set itself (the portal page has its own CSP). */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  for (const [name, value] of Object.entries(securityHeaders(request))) {
    if (!reply.hasHeader(name)) reply.header(name, value);
  }
}

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    applySecurityHeaders(request, reply);
  });
}
