import type { ReactNode } from 'react';
import { SessionContext } from './session-context';
import type { SessionStore } from './session-store';

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}
