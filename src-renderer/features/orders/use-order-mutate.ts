import { useCallback, useEffect, useState } from 'react';
import { deviceName } from '../../auth/session';
import type { MutateResult } from '../../sync/sync-engine';
import { useMutate } from '../../sync/use-sync';

/**
 * Runs an order mutation with this PC's name attached, so the order's timeline can say from
 * which PC each step was taken.
 */
export function useOrderMutate(): (
  name: string,
  args: Record<string, unknown>,
) => Promise<MutateResult> {
  const mutate = useMutate();
  const [pc, setPc] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    void deviceName().then((name) => live && setPc(name.slice(0, 100)));
    return () => {
      live = false;
    };
  }, []);
  return useCallback((name, args) => mutate(name, pc ? { ...args, pc } : args), [mutate, pc]);
}
