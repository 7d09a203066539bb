import { useCallback, useEffect, useState } from 'react';
import { deviceName } from '../../auth/session';
import { useMutate, type Mutate } from '../../sync/use-sync';

/**
 * Runs an order mutation with this PC's name attached, so the order's timeline can say from
 * which PC each step was taken.
 */
export function useOrderMutate(): Mutate {
  const mutate = useMutate();
  const [pc, setPc] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    void deviceName().then((name) => live && setPc(name.slice(0, 100)));
    return () => {
      live = false;
    };
  }, []);
  // Every order mutation takes `pc`; one that does not would refuse it by its strict schema.
  return useCallback<Mutate>(
    (name, args) => mutate(name, pc ? ({ ...args, pc } as typeof args) : args),
    [mutate, pc],
  );
}
