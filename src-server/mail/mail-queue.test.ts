import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';
import { claimDue, LEASE_MS, markFailed, MAX_ATTEMPTS, retryDelayMs } from './mail-queue';
import { startMailSender } from './mail-sender';

const T0 = new Date('2026-12-01T08:00:00.000Z');

describe(`mail queue (${testEngine()})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  const queue = (id: string) =>
    server.db
      .insertInto('mail_queue')
      .values({
        id,
        ref: `test:${id}`,
        to_address: 'buyer@example.com',
        subject: 's',
        body_text: 'b',
        status: 'queued',
        next_attempt_at: T0.toISOString(),
        created_at: T0.toISOString(),
      })
      .execute();
  const row = (id: string) =>
    server.db.selectFrom('mail_queue').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('backs off from 30 seconds to at most an hour', () => {
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(2)).toBe(60_000);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });

  it('lets one claimant have a mail until its lease runs out', async () => {
    await queue('m-1');
    expect((await claimDue(server.db, T0)).map((m) => m.id)).toEqual(['m-1']);
    // A second instance at the same moment finds nothing to take.
    expect(await claimDue(server.db, T0)).toEqual([]);
    // The first instance died mid-send: after the lease anyone may retry.
    const later = new Date(T0.getTime() + LEASE_MS + 1);
    expect(await claimDue(server.db, later)).toMatchObject([{ id: 'm-1', attempts: 2 }]);
    await markFailed(server.db, { id: 'm-1', attempts: MAX_ATTEMPTS }, 'boom', later);
    expect(await row('m-1')).toMatchObject({ status: 'failed', last_error: 'boom' });
  });

  it('keeps a mail queued with its error and a later attempt when SMTP is down', async () => {
    await queue('m-2');
    // Port 9 on loopback: nothing listens, the connection is refused at once.
    const sender = startMailSender(
      server.db,
      { smtpUrl: 'smtp://127.0.0.1:9', from: 'x@example.com' },
      server.app.log,
      { intervalMs: 60_000, now: () => T0 },
    );
    expect(await sender.runOnce()).toBe(0);
    await sender.stop();
    const after = await row('m-2');
    expect(after).toMatchObject({ status: 'queued', attempts: 1 });
    expect(after.last_error).toBeTruthy();
    expect(after.next_attempt_at).toBe(new Date(T0.getTime() + 30_000).toISOString());
  });
});
