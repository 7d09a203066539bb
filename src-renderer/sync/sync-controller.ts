import { serverUrl } from '../api/app-info';
import type { Session } from '../auth/sign-in';
import type { SessionStore } from '../auth/session-store';
import { openUserDb, SchemaTooNewError, type UserDb } from '../db/user-db';
import { createHttpTransport } from './http-transport';
import { SyncEngine } from './sync-engine';
import { startSyncRunner } from './sync-runner';

/**
 * Ties the sync engine to the session: on sign-in it opens that user's own database and starts
 * syncing; on sign-out it tries one last push, stops, and closes the database, so the next
 * person on a shared PC starts from their own data only.
 */

export type SyncHandle =
  | { state: 'ready'; db: UserDb; engine: SyncEngine }
  /** This PC's data for the user was written by a newer OrderLine: update the app. */
  | { state: 'local-too-new' };

export interface SyncControllerDeps {
  sessions: SessionStore;
  /** Re-registers the device when the server no longer knows it (restored database). */
  registerDevice: (session: Session) => Promise<string>;
  open?: (userId: string) => Promise<UserDb>;
  serverUrl?: () => Promise<string>;
}

export class SyncController {
  private handle: SyncHandle | null = null;
  private stopRunner: (() => void) | null = null;
  private unsubscribeEngine: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: SyncControllerDeps) {}

  getSnapshot = (): SyncHandle | null => this.handle;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  attach(): () => void {
    const offIn = this.deps.sessions.onSignedIn((s) => this.start(s));
    const offOut = this.deps.sessions.onSignedOut(() => this.stop());
    return () => {
      offIn();
      offOut();
    };
  }

  private set(handle: SyncHandle | null): void {
    this.handle = handle;
    for (const l of this.listeners) l();
  }

  private async start(session: Session): Promise<void> {
    await this.stop();
    let db: UserDb;
    try {
      db = await (this.deps.open ?? ((id: string) => openUserDb(id)))(session.user.id);
    } catch (error) {
      if (error instanceof SchemaTooNewError) {
        this.set({ state: 'local-too-new' });
        return;
      }
      throw error;
    }
    const url = await (this.deps.serverUrl ?? serverUrl)();
    const sessions = this.deps.sessions;
    // Sign-in listeners run before the session is published: until then, this one's token.
    const getToken = () => sessions.getSnapshot()?.token ?? session.token;
    const engine = new SyncEngine(db, createHttpTransport({ serverUrl: url, getToken }), {
      userId: session.user.id,
      role: session.user.role,
      clientId: session.clientId,
    });
    await engine.prepare();
    let reRegistered = false;
    this.unsubscribeEngine = engine.subscribe((status) => {
      const current = sessions.getSnapshot();
      // The server took our token again: an offline session is online from here on.
      if (status.online && status.error === null && current?.mode === 'offline') {
        sessions.update({ mode: 'online' });
      }
      if (status.error === 'unknown-client' && current && !reRegistered) {
        reRegistered = true;
        void this.deps.registerDevice(current).then(() => engine.sync());
      }
    });
    this.stopRunner = startSyncRunner(engine, { serverUrl: url, getToken });
    this.set({ state: 'ready', db, engine });
  }

  private async stop(): Promise<void> {
    const handle = this.handle;
    this.stopRunner?.();
    this.stopRunner = null;
    this.unsubscribeEngine?.();
    this.unsubscribeEngine = null;
    if (handle?.state === 'ready') {
      // A last chance for what is queued; whatever does not go now waits safely on disk for
      // this user's next sign-in on this PC.
      await Promise.race([
        handle.engine.sync().catch(() => undefined),
        new Promise((r) => setTimeout(r, 3000)),
      ]);
      handle.db.close();
    }
    this.set(null);
  }
}
