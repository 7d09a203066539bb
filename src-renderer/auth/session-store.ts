import type { ApiFetch } from '../api/http';
import { signIn, type Session, type SignInDeps, type SignInResult } from './sign-in';

type Listener = (session: Session) => void | Promise<void>;

/**
 * Who is signed in, outside React, so the sync engine can attach without a component:
 *   sessionStore.onSignedIn(async (s) => { open user DB s.user.id, start sync with s.token })
 *   sessionStore.onSignedOut(async (s) => { stop sync, close that DB })
 * Sign-in listeners run before the session becomes visible to the UI (screens can rely on
 * what they set up); sign-out listeners run while the old session is still known (a last push
 * can use its token), then everything in memory is dropped.
 */
export class SessionStore {
  private session: Session | null = null;
  private readonly changeListeners = new Set<() => void>();
  private readonly signedInListeners = new Set<Listener>();
  private readonly signedOutListeners = new Set<Listener>();

  constructor(private readonly deps: SignInDeps & { api: ApiFetch }) {}

  getSnapshot = (): Session | null => this.session;

  subscribe = (listener: () => void): (() => void) => {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  };

  onSignedIn(listener: Listener): () => void {
    this.signedInListeners.add(listener);
    return () => this.signedInListeners.delete(listener);
  }

  onSignedOut(listener: Listener): () => void {
    this.signedOutListeners.add(listener);
    return () => this.signedOutListeners.delete(listener);
  }

  async signIn(username: string, password: string): Promise<SignInResult> {
    if (this.session) await this.signOut();
    const result = await signIn(this.deps, username, password);
    if (!result.ok) return result;
    await this.runListeners(this.signedInListeners, result.session);
    this.set(result.session);
    return result;
  }

  async signOut(): Promise<void> {
    const session = this.session;
    if (!session) return;
    await this.runListeners(this.signedOutListeners, session);
    if (session.mode === 'online') {
      // Best effort: a server we cannot reach lets the token expire on its own.
      await this.deps.api('/api/auth/logout', {
        method: 'POST',
        token: session.token,
        timeoutMs: 5_000,
      });
    }
    this.set(null);
  }

  /** For the sync engine: e.g. an offline session whose token the server accepted again. */
  update(patch: Partial<Pick<Session, 'mode' | 'token' | 'tokenExpiresAt' | 'clientId'>>): void {
    if (this.session) this.set({ ...this.session, ...patch });
  }

  private set(session: Session | null): void {
    this.session = session;
    for (const listener of this.changeListeners) listener();
  }

  private async runListeners(listeners: Set<Listener>, session: Session): Promise<void> {
    for (const listener of [...listeners]) {
      try {
        await listener(session);
      } catch (e) {
        // One failing subscriber must not leave a user half signed in or unable to leave.
        this.deps.warn?.('session listener failed', e);
      }
    }
  }
}
