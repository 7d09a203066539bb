import type { FastifyInstance } from 'fastify';
import {
  mailIdParams,
  mailListQuery,
  retryMailRequest,
  type MailItem,
} from '../../src-shared/api/mail';
import { apiError, parseInput } from '../http/errors';
import { getMail, listMail, retryMail } from '../mail/mail-queue';

/**
 * The outgoing-mail screen (issue 8): the warehouse sees which shipment notices went out,
 * which still wait and which gave up, and sends a failed one again once the mail server is
 * back. The queue is the database table, so any server instance answers the same.
 */
export function mailRoutes(app: FastifyInstance): void {
  const { db } = app;
  const manage = { config: { access: 'mail.manage' as const } };

  app.get('/api/mail', manage, async (request): Promise<MailItem[]> => {
    const query = parseInput(mailListQuery, request.query);
    return listMail(db, query);
  });

  app.post('/api/mail/:id/retry', manage, async (request, reply) => {
    const { id } = parseInput(mailIdParams, request.params);
    parseInput(retryMailRequest, request.body);
    const outcome = await retryMail(db, id, new Date());
    if (outcome === 'not-found') throw apiError(404, 'not-found', 'No such mail.');
    if (outcome === 'not-retryable') {
      throw apiError(409, 'mail-not-retryable', 'The mail is already sent or being sent.');
    }
    // Send now rather than at the sender's next tick; the answer does not wait for SMTP.
    app.mailSender?.runOnce().catch((error: unknown) => {
      app.log.error({ err: error }, 'mail pass failed');
    });
    return reply.status(200).send(await getMail(db, id));
  });
}
