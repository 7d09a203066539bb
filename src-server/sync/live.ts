import type { FastifyReply } from 'fastify';
import type pg from 'pg';

/**
 * Pokes connected clients when the global version moves, so they pull within a second.
 * Connections are held per server instance; on PostgreSQL the poke travels between instances
 * with LISTEN/NOTIFY, so a change pushed to one instance reaches clients held by another and no
 * instance needs another's memory.
 */
export class LiveHub {
  private readonly streams = new Set<FastifyReply>();
  private heartbeat: NodeJS.Timeout | null = null;
  private listener: pg.Client | null = null;
  private closed = false;

  constructor(private readonly pgUrl: string | null) {}

  async start(connect?: (url: string) => Promise<pg.Client>): Promise<void> {
    // Proxies drop idle connections; a comment line every 20 s keeps the stream open.
    this.heartbeat = setInterval(() => this.broadcast(': keep-alive\n\n'), 20_000);
    this.heartbeat.unref();
    if (this.pgUrl && connect) {
      this.listener = await connect(this.pgUrl);
      this.listener.on('notification', () => this.pokeLocal());
      await this.listener.query('LISTEN orderline_changes');
    }
  }

  add(reply: FastifyReply): void {
    this.streams.add(reply);
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

  private pokeLocal(): void {
    this.broadcast('event: poke\ndata: {}\n\n');
  }

  private broadcast(text: string): void {
    for (const reply of this.streams) {
      if (!reply.raw.destroyed) reply.raw.write(text);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const reply of this.streams) reply.raw.end();
    this.streams.clear();
    await this.listener?.end();
  }
}
