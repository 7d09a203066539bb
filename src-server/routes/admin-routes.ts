import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  createUserRequest,
  resetPasswordRequest,
  setDisabledRequest,
  type AuditVerifyResponse,
  type User,
} from '../../src-shared/api/auth';
import {
  bindPortalKeyRequest,
  createPortalKeyRequest,
  portalKeyIdParams,
  revokePortalKeyRequest,
  type CreatedPortalKey,
  type PortalKeyInfo,
} from '../../src-shared/api/portal';
import { verifyAudit } from '../audit/audit-log';
import { getAuth } from '../auth/access';
import { assertAcceptablePassword } from '../auth/password-policy';
import {
  createUser,
  getUserById,
  listUsers,
  resetPassword,
  setUserDisabled,
  type Actor,
} from '../auth/users';
import { parseInput } from '../http/errors';
import {
  bindPortalKey,
  createPortalKey,
  listPortalKeys,
  revokePortalKeyById,
} from '../portal/portal-keys';

const userParams = z.object({ id: z.uuid() }).strict();

function actorOf(request: FastifyRequest): Actor {
  return { userId: getAuth(request).user.id, clientId: null };
}

export function adminRoutes(app: FastifyInstance): void {
  const { db } = app;
  const manage = { config: { access: 'user.manage' as const } };

  app.get('/api/admin/users', manage, async (): Promise<User[]> => listUsers(db));

  app.post('/api/admin/users', manage, async (request, reply) => {
    const input = parseInput(createUserRequest, request.body);
    await assertAcceptablePassword(input.password, input);
    const user = await createUser(db, input, actorOf(request));
    return reply.status(201).send(user);
  });

  app.post('/api/admin/users/:id/password', manage, async (request, reply) => {
    const { id } = parseInput(userParams, request.params);
    const { password } = parseInput(resetPasswordRequest, request.body);
    const target = await getUserById(db, id);
    await assertAcceptablePassword(password, {
      username: target.username,
      displayName: target.display_name,
    });
    await resetPassword(db, id, password, actorOf(request));
    return reply.status(204).send();
  });

  app.post('/api/admin/users/:id/disabled', manage, async (request): Promise<User> => {
    const { id } = parseInput(userParams, request.params);
    const { disabled } = parseInput(setDisabledRequest, request.body);
    return setUserDisabled(db, id, disabled, actorOf(request));
  });

  // The same operations as the admin CLI's portal-key commands, audited under the admin's name.
  app.get('/api/admin/portal-keys', manage, async (): Promise<PortalKeyInfo[]> =>
    listPortalKeys(db),
  );

  app.post('/api/admin/portal-keys', manage, async (request, reply) => {
    const { name, customers } = parseInput(createPortalKeyRequest, request.body);
    // The one answer that carries the key; the server keeps only its hash.
    const created: CreatedPortalKey = await createPortalKey(
      db,
      name,
      actorOf(request),
      customers ?? [],
    );
    return reply.status(201).send(created);
  });

  app.post(
    '/api/admin/portal-keys/:id/customers',
    manage,
    async (request): Promise<PortalKeyInfo> => {
      const { id } = parseInput(portalKeyIdParams, request.params);
      const { customers } = parseInput(bindPortalKeyRequest, request.body);
      return bindPortalKey(db, { id }, customers, actorOf(request));
    },
  );

  app.post('/api/admin/portal-keys/:id/revoke', manage, async (request): Promise<PortalKeyInfo> => {
    const { id } = parseInput(portalKeyIdParams, request.params);
    parseInput(revokePortalKeyRequest, request.body);
    return revokePortalKeyById(db, id, actorOf(request));
  });

  app.get(
    '/api/admin/audit/verify',
    { config: { access: 'audit.verify' } },
    async (): Promise<AuditVerifyResponse> => verifyAudit(db),
  );
}
