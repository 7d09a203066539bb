import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceName } from '../../auth/session';
import { describeRefusal } from '../../sync/describe-change';
import type { MutateResult } from '../../sync/sync-engine';
import { useMutate } from '../../sync/use-sync';

export type MutateFailure = Extract<MutateResult, { ok: false }>;

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

/** A refusal in the reader's language; order states in it are translated too. */
export function useRefusalText(): (failure: MutateFailure) => string {
  const { t } = useTranslation();
  return useCallback(
    (failure) => {
      const phrase = describeRefusal(failure.error, failure.params, (s) =>
        t(`orderStates.${s}` as never),
      );
      return t(phrase.key as never, phrase.values);
    },
    [t],
  );
}

/** The form field a refusal is about (zod's path of the mutation's arguments), if any. */
export function refusedField(failure: MutateFailure): string | undefined {
  if (failure.error !== 'invalid-args') return undefined;
  const path = String(failure.params.path ?? '');
  return path || undefined;
}
