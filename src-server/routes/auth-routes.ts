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
  beginLoginAttempt,
  clearLoginFailures,
  normaliseUsername,
  pruneLoginAttempts,
} from '../auth/rate-limit';
import { createSession, pruneSessions, revokeSession } from '../auth/sessions';
import { findUserByUsername, toApiUser } from '../auth/users';
import { apiError, parseInput } from '../http/errors';

export function authRoutes(app: FastifyInstance): void {
  const { db, config } = app;
  // Made now, so the first sign-in of an unknown username takes no longer than the next.
  void dummyPasswordHash();

  app.post(
    '/api/auth/login',
    { config: { access: 'public' } },
    async (request): Promise<LoginResponse> => {
      const input = parseInput(loginRequest, request.body);
      const username = normaliseUsername(input.username);
      // Recorded before the password is checked, so a correct guess while the limit asks to
      // wait is refused too, and concurrent guesses cannot slip past the count.
      await beginLoginAttempt(db, config.loginLimits, username, request.ip);

      const user = await findUserByUsername(db, username);
      // An unknown or disabled account costs the same scrypt check against a dummy hash and
      // gets the answer of a wrong password: a different answer would confirm that the
      // account exists, and for a disabled one whether the password was right.
      const usable = user && user.disabled === 0 ? user : undefined;
      const valid = await verifyPassword(
        input.password,
        usable?.password_hash ?? (await dummyPasswordHash()),
      );
      if (!usable || !valid) {
        await pruneLoginAttempts(db, config.loginLimits);
        throw apiError(401, 'invalid-credentials', 'Wrong username or password.');
      }

      await clearLoginFailures(db, username, request.ip);
      await pruneSessions(db);
      const session = await createSession(db, usable.id, config.sessionTtlHours);
      return { token: session.token, expiresAt: session.expiresAt, user: toApiUser(usable) };
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
