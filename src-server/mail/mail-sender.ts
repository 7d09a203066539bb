import nodemailer from 'nodemailer';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { MailConfig } from '../config';
import type { Db } from '../db/database';
import { claimDue, DEFAULT_RETRY, markFailed, markSent } from './mail-queue';

/**
 * Sends queued mail over SMTP from inside the server process. It holds nothing another
 * instance needs (claims are rows with a lease), never runs inside a push, and a slow or
 * absent SMTP server only delays mail: each failure is retried with backoff.
 */
export interface MailSender {
  /** One pass over what is due; resolves when it has been sent or rescheduled. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startMailSender(
  db: Db,
  config: MailConfig,
  log: FastifyBaseLogger,
  options: { intervalMs?: number; now?: () => Date } = {},
): MailSender {
  const transport = nodemailer.createTransport(config.smtpUrl);
  const now = options.now ?? (() => new Date());
  const policy = {
    maxAttempts: config.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
    retryBaseMs: config.retryBaseMs ?? DEFAULT_RETRY.retryBaseMs,
  };
  let running: Promise<number> | null = null;
  let stopped = false;

  const pass = async (): Promise<number> => {
    let sent = 0;
    for (const mail of await claimDue(db, now())) {
      try {
        await transport.sendMail({
          from: config.from,
          to: mail.to_address,
          subject: mail.subject,
          text: mail.body_text,
        });
        await markSent(db, mail.id, now());
        sent += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.warn({ mailId: mail.id, attempts: mail.attempts, err: message }, 'mail not sent');
        await markFailed(db, mail, message, now(), policy);
      }
    }
    return sent;
  };

  const runOnce = (): Promise<number> => {
    // One pass at a time in this instance; other instances are kept apart by the claims.
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => {
    if (stopped) return;
    runOnce().catch((error: unknown) => log.error({ err: error }, 'mail pass failed'));
  }, options.intervalMs ?? 2000);
  timer.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
      transport.close();
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Present when SMTP_URL is configured: tests run a pass without waiting for the timer. */
    mailSender?: MailSender;
  }
}

/** Starts sending when the server is ready, and stops (finishing the pass) when it closes. */
export function installMailSender(app: FastifyInstance, db: Db, config: MailConfig): void {
  let sender: MailSender | undefined;
  app.decorate('mailSender', undefined);
  app.addHook('onReady', async () => {
    sender = startMailSender(db, config, app.log);
    app.mailSender = sender;
  });
  app.addHook('onClose', async () => {
    await sender?.stop();
  });
}
