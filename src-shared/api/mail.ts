import { z } from 'zod';

/**
 * The outgoing-mail screen's API (issue 8): what the server's mail queue holds, and sending a
 * notice that failed once more. The queue lives only on the server (no synced record), so
 * this is plain request/response, not sync.
 */

/**
 * As people see it: `pending` is queued or being sent (possibly after failed attempts, with
 * the last error), `failed` gave up after the last attempt, `sent` reached the SMTP server.
 */
export const MAIL_STATES = ['pending', 'failed', 'sent'] as const;
export type MailState = (typeof MAIL_STATES)[number];

export const mailListQuery = z
  .object({
    state: z.enum(MAIL_STATES).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();
export type MailListQuery = z.infer<typeof mailListQuery>;

export const mailIdParams = z.object({ id: z.string().min(1).max(100) }).strict();

/** Retrying takes no options; an empty body is fine. */
export const retryMailRequest = z.object({}).strict().optional();

export const mailItemSchema = z.object({
  id: z.string(),
  state: z.enum(MAIL_STATES),
  to: z.string(),
  subject: z.string(),
  /** What the mail is about, e.g. 'shipment-notice'. */
  kind: z.string(),
  shipmentId: z.string().optional(),
  shipmentNumber: z.string().optional(),
  attempts: z.number().int(),
  lastError: z.string().optional(),
  createdAt: z.string(),
  nextAttemptAt: z.string().optional(),
  sentAt: z.string().optional(),
});
export type MailItem = z.infer<typeof mailItemSchema>;

export const mailListResponse = z.array(mailItemSchema);
