import type { FastifyInstance } from 'fastify';
import {
  loginRequest,
  logoutRequest,
  type LoginResponse,
  type User,
} from '../../src-shared/api/auth';
import { getAuth } from '../auth/access';
import { dummyPasswordHash, verifyPassword } from '../auth/password';
import {
  assertLoginAllowed,
  clearLoginFailures,
  normaliseUsername,
  recordLoginFailure,
} from '../auth/rate-limit';
import { createSession, pruneSessions, revokeSession } from '../auth/sessions';
import { findUserByUsername, toApiUser } from '../auth/users';
import { apiError, parseInput } from '../http/errors';

export function authRoutes(app: FastifyInstance): void {
  const { db, config } = app;

  app.post(
    '/api/auth/login',
    { config: { access: 'public' } },
    async (request): Promise<LoginResponse> => {
      const input = parseInput(loginRequest, request.body);
      const username = normaliseUsername(input.username);
      // Checked before the password, so a correct guess in a blocked window is refused too.
      await assertLoginAllowed(db, config.loginLimits, username, request.ip);

      const user = await findUserByUsername(db, username);
      const valid = await verifyPassword(
        input.password,
        user?.password_hash ?? (await dummyPasswordHash()),
      );
      if (!user || !valid) {
        await recordLoginFailure(db, config.loginLimits, username, request.ip);
        throw apiError(401, 'invalid-credentials', 'Wrong username or password.');
      }
      if (user.disabled !== 0) throw apiError(403, 'user-disabled', 'This account is disabled.');

      await clearLoginFailures(db, username);
      await pruneSessions(db);
      const session = await createSession(db, user.id, config.sessionTtlHours);
      return { token: session.token, expiresAt: session.expiresAt, user: toApiUser(user) };
    },
  );

  app.post('/api/auth/logout', { config: { access: 'session' } }, async (request, reply) => {
    parseInput(logoutRequest, request.body);
    await revokeSession(db, getAuth(request).tokenHash);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { config: { access: 'session' } }, async (request): Promise<User> => {
    return getAuth(request).user;
  });
}
