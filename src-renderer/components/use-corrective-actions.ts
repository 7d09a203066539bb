import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { CaAssignee, CorrectiveActionRecord } from '../../src-shared/quality/ncr';
import { useMutate, useUserDb } from '../sync/use-sync';

/**
 * Corrective actions from the local store (all, or those assigned to one department), with
 * the two steps the assignee and quality take on them. Shared by the quality and production
 * screens.
 */
export function useCorrectiveActions(assignee?: CaAssignee) {
  const db = useUserDb();
  const mutate = useMutate();
  const actions =
    useLiveQuery(async () => {
      if (!db) return [];
      const table = db.domain('corrective-action');
      const rows = assignee
        ? await table.where('assignee').equals(assignee).toArray()
        : await table.toArray();
      return (rows as CorrectiveActionRecord[]).sort((a, b) =>
        a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1,
      );
    }, [db, assignee]) ?? [];

  const implement = useCallback(
    (caId: string, note: string) => mutate('capa.implement', { caId, note }),
    [mutate],
  );
  const verify = useCallback(
    (caId: string, effective: boolean, note: string, newDueDate?: string) =>
      mutate('capa.verify', { caId, effective, note, ...(newDueDate ? { newDueDate } : {}) }),
    [mutate],
  );
  return { actions, implement, verify };
}
