import type { MutationArgs, MutationName } from '../../src-shared/domains';
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { UserDb } from '../db/user-db';
import type { SyncController, SyncHandle } from './sync-controller';
import type { MutateResult, SyncEngine, SyncStatus } from './sync-engine';

export const SyncControllerContext = createContext<SyncController | null>(null);

const noop = () => () => undefined;

export function useSyncHandle(): SyncHandle | null {
  const controller = useContext(SyncControllerContext);
  return useSyncExternalStore(
    controller?.subscribe ?? noop,
    controller?.getSnapshot ?? (() => null),
  );
}

function useEngine(): SyncEngine | null {
  const handle = useSyncHandle();
  return handle?.state === 'ready' ? handle.engine : null;
}

/** The signed-in user's own local database, once open. */
export function useUserDb(): UserDb | null {
  const handle = useSyncHandle();
  return handle?.state === 'ready' ? handle.db : null;
}

export function useSyncStatus(): SyncStatus | null {
  const engine = useEngine();
  const subscribe = useCallback(
    (listener: () => void) => (engine ? engine.subscribe(() => listener()) : () => undefined),
    [engine],
  );
  return useSyncExternalStore(subscribe, () => engine?.getStatus() ?? null);
}

/** A user action by its registered name, with the arguments its schema takes. */
export type Mutate = <N extends MutationName>(
  name: N,
  args: MutationArgs<N>,
) => Promise<MutateResult>;

/** Runs a user action through the engine: applied here at once, synced when possible. */
export function useMutate(): Mutate {
  const engine = useEngine();
  return useCallback<Mutate>(
    async (name, args) =>
      engine ? engine.mutate(name, args) : { ok: false, error: 'not-ready', params: {} },
    [engine],
  );
}

export function useSyncActions(): {
  syncNow: () => void;
  redo: (mutationId: string) => Promise<MutateResult>;
  dismiss: (mutationId: string) => Promise<void>;
} {
  const engine = useEngine();
  return {
    syncNow: useCallback(() => void engine?.sync(), [engine]),
    redo: useCallback(
      async (id: string) =>
        engine ? engine.redoRejection(id) : { ok: false, error: 'not-ready', params: {} },
      [engine],
    ),
    dismiss: useCallback(async (id: string) => engine?.dismissRejection(id), [engine]),
  };
}
