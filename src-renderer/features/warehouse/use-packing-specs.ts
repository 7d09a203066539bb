import { App } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackingSpecRecord } from '../../../src-shared/warehouse/packing-spec-mutations';
import { useRefusalText } from '../../components/use-refusal-text';
import { useMutate, useUserDb } from '../../sync/use-sync';

const NONE: PackingSpecRecord[] = [];

/** The stored packing specs, model specs first then format ones, each by model and customer. */
export function usePackingSpecs(): PackingSpecRecord[] {
  const db = useUserDb();
  return (
    useLiveQuery(async () => {
      if (!db) return NONE;
      const specs = (await db.domain('packing-spec').toArray()) as PackingSpecRecord[];
      const key = (s: PackingSpecRecord) =>
        `${s.model ? '0' : '1'}${s.model ?? s.format ?? ''}\u0000${s.customerId ?? ''}`;
      return specs.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    }, [db]) ?? NONE
  );
}

/** Removes a spec as read (its version), so one someone changed meanwhile is not removed. */
export function useRemovePackingSpec(): (spec: PackingSpecRecord) => Promise<void> {
  const mutate = useMutate();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refusalText = useRefusalText();
  return useCallback(
    async (spec) => {
      const result = await mutate('packingSpec.remove', { id: spec.id, baseVersion: spec._v ?? 0 });
      if (result.ok) void message.success(t('warehouse.specs.removed'));
      else void message.error(refusalText(result));
    },
    [message, mutate, refusalText, t],
  );
}
