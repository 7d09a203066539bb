import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describeRefusal } from '../sync/describe-change';
import type { MutateResult } from '../sync/sync-engine';

export type MutateFailure = Extract<MutateResult, { ok: false }>;

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
