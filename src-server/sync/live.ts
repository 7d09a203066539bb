import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type pg from 'pg';
import type { LiveStreamLimits } from '../config';

/** Who opened a stream: its session stays checked for as long as the stream is open. */
export interface StreamOwner {
  userId: string;
  tokenHash: string;
}

/**
 * Why the session of a stream no longer holds (an API error code such as 'session-expired'),
 * or null while it does. It throws when it cannot tell (the database is unreachable).
 */
export type SessionCheck = (tokenHash: string) => Promise<string | null>;

const POKE = 'event: poke\ndata: {}\n\n';

/**
 * Pokes connected clients when the global version moves, so they pull within a second.
 * Connections are held per server instance; on PostgreSQL the poke travels between instances
 * with LISTEN/NOTIFY, so a change pushed to one instance reaches clients held by another and no
 * instance needs another's memory.
 *
 * A stream outlives the request that opened it, so the session check of that request is not
 * enough: every open stream's session is checked again on a timer and before each poke, and
 * the stream is ended once its session is signed out, expired or its user disabled. The caps
 * per user and per session (`admit`) are per instance, like the streams themselves.
 */
export class LiveHub {
  private readonly streams = new Map<FastifyReply, StreamOwner>();
  private heartbeat: NodeJS.Timeout | null = null;
  private recheckTimer: NodeJS.Timeout | null = null;
  private listener: pg.Client | null = null;
  private closed = false;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private pokeWaiting = false;

  constructor(
    private readonly pgUrl: string | null,
    private readonly limits: LiveStreamLimits,
    private readonly checkSession: SessionCheck,
    private readonly log?: FastifyBaseLogger,
  ) {}

  async start(connect?: (url: string) => Promise<pg.Client>): Promise<void> {
    // Proxies drop idle connections; a comment line every 20 s keeps the stream open.
    this.heartbeat = setInterval(() => this.broadcast(': keep-alive\n\n'), 20_000);
    this.heartbeat.unref();
    this.recheckTimer = setInterval(() => void this.recheck(), this.limits.recheckMs);
    this.recheckTimer.unref();
    if (this.pgUrl && connect) {
      this.listener = await connect(this.pgUrl);
      this.listener.on('notification', () => this.pokeLocal());
      await this.listener.query('LISTEN orderline_changes');
    }
  }

  /**
   * Which cap a new stream of `owner` would exceed, or null when it may open. Call `add`
   * without awaiting anything in between, so two requests cannot both take the last place.
   */
  admit(owner: StreamOwner): 'user' | 'session' | null {
    let ofUser = 0;
    let ofSession = 0;
    for (const other of this.streams.values()) {
      if (other.userId === owner.userId) ofUser += 1;
      if (other.tokenHash === owner.tokenHash) ofSession += 1;
    }
    if (ofSession >= this.limits.perSession) return 'session';
    if (ofUser >= this.limits.perUser) return 'user';
    return null;
  }

  add(reply: FastifyReply, owner: StreamOwner): void {
    if (this.closed) {
      reply.raw.end();
      return;
    }
    this.streams.set(reply, owner);
    reply.raw.on('close', () => this.streams.delete(reply));
  }

  get size(): number {
    return this.streams.size;
  }

  /** After a commit that changed data. */
  async poke(notify?: () => Promise<void>): Promise<void> {
    if (this.listener && notify) {
      await notify(); // every instance, this one included, hears it and pokes its own streams
    } else {
      this.pokeLocal();
    }
  }

  /**
   * Checks every open stream's session and ends those that no longer hold. While a check
   * runs, callers share one more check that starts after it, so a session ended during a
   * check is still seen by the next poke.
   */
  recheck(): Promise<void> {
    if (this.queued) return this.queued;
    if (this.running) {
      this.queued = this.running.then(() => {
        this.queued = null;
        return this.recheck();
      });
      return this.queued;
    }
    this.running = this.checkAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async checkAll(): Promise<void> {
    // Several streams of one session need one look-up.
    const hashes = new Set([...this.streams.values()].map((owner) => owner.tokenHash));
    const ended = new Map<string, string>();
    await Promise.all(
      [...hashes].map(async (tokenHash) => {
        try {
          const problem = await this.checkSession(tokenHash);
          if (problem) ended.set(tokenHash, problem);
        } catch (error) {
          // A database hiccup must not cut every PC off: the stream only carries pokes, and
          // every pull it leads to is checked again. The next round decides.
          this.log?.warn({ err: error }, 'live stream session check failed');
        }
      }),
    );
    if (ended.size === 0) return;
    for (const [reply, owner] of this.streams) {
      const code = ended.get(owner.tokenHash);
      if (code === undefined) continue;
      this.streams.delete(reply);
      // The client learns why, and need not reconnect at once only to be refused.
      if (!reply.raw.destroyed) reply.raw.end(`event: end\ndata: ${JSON.stringify({ code })}\n\n`);
    }
  }

  private pokeLocal(): void {
    // Pokes arriving while one waits for its check are carried by it: a poke says only
    // "pull now", and the pull comes after all of them.
    if (this.pokeWaiting) return;
    this.pokeWaiting = true;
    void this.recheck().finally(() => {
      this.pokeWaiting = false;
      this.broadcast(POKE);
    });
  }

  private broadcast(text: string): void {
    for (const reply of this.streams.keys()) {
      if (!reply.raw.destroyed) reply.raw.write(text);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.recheckTimer) clearInterval(this.recheckTimer);
    for (const reply of this.streams.keys()) reply.raw.end();
    this.streams.clear();
    await this.listener?.end();
  }
}
