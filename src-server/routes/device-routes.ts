import type { FastifyInstance } from 'fastify';
import { registerDeviceRequest } from '../../src-shared/api/auth';
import { getAuth } from '../auth/access';
import { registerDevice } from '../auth/devices';
import { parseInput } from '../http/errors';

export function deviceRoutes(app: FastifyInstance): void {
  app.post('/api/devices', { config: { access: 'session' } }, async (request, reply) => {
    const input = parseInput(registerDeviceRequest, request.body);
    await registerDevice(app.db, getAuth(request), input);
    return reply.status(204).send();
  });
}
