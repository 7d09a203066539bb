import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actionSchema, canDo, type Action } from '../../src-shared/permissions';
import { apiError } from '../http/errors';
import { authenticate, type AuthContext } from './sessions';

/**
 * Who may call a route: anyone ('public'), any signed-in user ('session', for routes that
 * check finer rights themselves, like sync), or a signed-in user whose role may take the
 * action (src-shared/permissions.ts). Every /api route must declare one in
 * `config.access`; a route without it fails at start-up, so none can be forgotten.
 */
export type Access = 'public' | 'session' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** Set before the handler runs on every route that is not public. */
    auth: AuthContext | null;
  }
}

export interface ApiRoute {
  method: string;
  url: string;
  access: Access;
}

function isAccess(value: unknown): value is Access {
  return value === 'public' || value === 'session' || actionSchema.safeParse(value).success;
}

/** Installs the access check; returns the list of API routes, filled as routes register. */
export function installAccessControl(app: FastifyInstance): readonly ApiRoute[] {
  const routes: ApiRoute[] = [];
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access: unknown = route.config?.access;
    const methods = [route.method].flat();
    if (!isAccess(access)) {
      throw new Error(
        `${methods.join(',')} ${route.url}: declare config.access ('public', 'session' or an action)`,
      );
    }
    for (const method of methods) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access });
    }
  });

  // onRequest runs before the body is read: a caller without rights gets 401/403 without the
  // server parsing what they sent.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const auth = await authenticate(app.db, request.headers.authorization);
    request.auth = auth;
    if (access !== 'session' && !canDo(auth.user.role, access)) {
      throw apiError(403, 'forbidden', `Your role (${auth.user.role}) may not ${access}.`);
    }
  });

  return routes;
}

/** The signed-in user of a non-public route. */
export function getAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw apiError(401, 'unauthenticated', 'Sign in first.');
  return request.auth;
}

/** For routes with access 'session' that decide per request, e.g. per pushed mutation. */
export function requireAction(request: FastifyRequest, action: Action): AuthContext {
  const auth = getAuth(request);
  if (!canDo(auth.user.role, action)) {
    throw apiError(403, 'forbidden', `Your role (${auth.user.role}) may not ${action}.`);
  }
  return auth;
}
