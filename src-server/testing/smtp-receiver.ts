import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback for the tests that follow a notice to the inbox: it keeps
 * every message it accepts. It can be started on a port chosen earlier, so a test can point the
 * OrderLine server at it while it is still down and bring it up later.
 */

export interface ReceivedMail {
  to: string[];
  data: string;
}

export interface SmtpReceiver {
  port: number;
  close(): Promise<void>;
}

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the receiver on `port` (0: any free one); accepted messages are pushed to `mails`.
 * With `auth`, it offers AUTH and takes any login, so a test can send through credentials.
 */
export async function startSmtpReceiver(
  mails: ReceivedMail[],
  port = 0,
  options: { auth?: boolean } = {},
): Promise<SmtpReceiver> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    onAuth: (_auth, _session, done) => done(null, { user: 'orderline' }),
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  const address = smtp.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
