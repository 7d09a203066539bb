import { useCallback, useContext, useSyncExternalStore } from 'react';
import { SessionContext } from './session-context';
import type { SessionStore } from './session-store';
import type { Session } from './sign-in';

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSessionStore outside <SessionProvider>');
  return store;
}

/** The session, or null on the sign-in screen. */
export function useCurrentSession(): Session | null {
  const store = useSessionStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export type SessionHandle = Session & { signOut: () => Promise<void> };

/** For screens behind sign-in: the signed-in user, token, mode, and signOut(). */
export function useSession(): SessionHandle {
  const store = useSessionStore();
  const session = useCurrentSession();
  const signOut = useCallback(() => store.signOut(), [store]);
  if (!session) throw new Error('useSession used while nobody is signed in');
  return { ...session, signOut };
}
