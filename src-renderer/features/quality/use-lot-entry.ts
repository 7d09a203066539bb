import type { MutationArgs } from '../../../src-shared/domains';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { uuidv7 } from '../../../src-shared/ids';
import {
  lotProgress,
  type InspectionLotRecord,
  type InspectionResultRecord,
  type LotProgress,
} from '../../../src-shared/quality/lot';
import type { JudgedReading, LotCharacteristic } from '../../../src-shared/quality/plan';
import { useSession } from '../../auth/use-session';
import { useDraft } from '../../components/use-draft';
import { draftDbFor, loadDraft, saveDraft } from '../../db/draft-db';
import { useMutate, useUserDb } from '../../sync/use-sync';
import { nextCharacteristic, prepareReading, type EntryError } from './reading-entry';

export interface EntryDraft {
  text: string;
  serial: string;
  note: string;
  /** The characteristic being logged, so a restart comes back to it. */
  characteristicId: string | null;
}

const EMPTY_DRAFT: EntryDraft = { text: '', serial: '', note: '', characteristicId: null };

export interface LastResult {
  characteristicId: string;
  sample: number;
  text: string;
  judged: JudgedReading;
  /** Set once the reading is durably saved on this PC (queued for sync). */
  saved: boolean;
  failed?: { error: string; params: Record<string, string | number> };
}

/**
 * The logging screen's state: the characteristic being logged, what is typed (saved as
 * typed), the next unit number, and a queue of submissions. Enter never waits for the save:
 * a scanner typing the next value while the previous one is written must not lose or reorder
 * anything, so submissions are numbered at once and saved one after the other.
 */
export function useLotEntry(lot: InspectionLotRecord | null, readings: InspectionResultRecord[]) {
  const mutate = useMutate();
  const draft = useDraft<EntryDraft>(lot ? `inspection/${lot.id}` : null, EMPTY_DRAFT);
  const photoDraft = useDraft<string | null>(lot ? `inspection/${lot.id}/photo` : null, null);
  const [error, setError] = useState<EntryError | null>(null);
  const [last, setLast] = useState<LastResult | null>(null);
  const [saving, setSaving] = useState(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const issued = useRef(new Map<string, number>());
  const { user } = useSession();
  const userDb = useUserDb();
  /** Submitted, not yet saved by the sync engine: kept in the draft database meanwhile. */
  const pending = useRef(new Map<string, Record<string, unknown>>());
  const pendingKey = lot ? `inspection/${lot.id}/pending` : null;

  const persistPending = useCallback(() => {
    if (pendingKey) void saveDraft(draftDbFor(user.id), pendingKey, [...pending.current.values()]);
  }, [pendingKey, user.id]);

  const enqueue = useCallback(
    (
      args: MutationArgs<'inspection.record'>,
      onDone?: (ok: boolean, error?: string, params?: Record<string, string | number>) => void,
    ) => {
      pending.current.set(String(args.id), args);
      persistPending();
      setSaving((n) => n + 1);
      queue.current = queue.current.then(async () => {
        const outcome = await mutate('inspection.record', args);
        pending.current.delete(String(args.id));
        persistPending();
        setSaving((n) => n - 1);
        onDone?.(
          outcome.ok,
          outcome.ok ? undefined : outcome.error,
          outcome.ok ? undefined : outcome.params,
        );
      });
    },
    [mutate, persistPending],
  );

  // A crash between Enter and the save: what was submitted is still in the draft database,
  // and is submitted again (same ids, so nothing can count twice).
  const lotId = lot?.id ?? null;
  // Until the restore below has run, unit numbers are not known: an Enter pressed meanwhile
  // (right after a restart) waits for it, or it would reuse the number of a restored reading.
  const restoring = useRef<Promise<void> | null>(null);
  useEffect(() => {
    if (!pendingKey || !userDb || !lotId) return;
    let live = true;
    const restore = (async () => {
      const saved =
        (await loadDraft<MutationArgs<'inspection.record'>[]>(draftDbFor(user.id), pendingKey)) ??
        [];
      for (const args of saved) {
        if (!live || pending.current.has(String(args.id))) continue;
        if (await userDb.domain('inspection').get(String(args.id))) continue;
        const key = `${lotId}/${String(args.characteristicId)}`;
        issued.current.set(key, Math.max(issued.current.get(key) ?? 0, Number(args.sample)));
        enqueue(args);
      }
    })();
    restoring.current = restore;
    void restore.finally(() => {
      if (restoring.current === restore) restoring.current = null;
    });
    return () => {
      live = false;
    };
  }, [pendingKey, userDb, lotId, user.id, enqueue]);

  const progress: LotProgress | null = useMemo(
    () => (lot ? lotProgress(lot.characteristics, lot.tallies) : null),
    [lot],
  );
  const activeId =
    lot && progress
      ? (draft.value.characteristicId ?? nextCharacteristic(lot.characteristics, progress, null))
      : null;
  const active: LotCharacteristic | null =
    lot?.characteristics.find((c) => c.id === activeId) ?? null;

  /** The next unit number of a characteristic: after every one logged or already issued. */
  const nextSample = useCallback(
    (characteristicId: string) => {
      const logged = readings
        .filter((r) => r.characteristicId === characteristicId)
        .reduce((max, r) => Math.max(max, r.sample), 0);
      return Math.max(logged, issued.current.get(`${lot?.id}/${characteristicId}`) ?? 0) + 1;
    },
    [readings, lot?.id],
  );

  const choose = useCallback(
    (characteristicId: string) => {
      setError(null);
      draft.set({ ...draft.value, characteristicId });
    },
    [draft],
  );

  const type = useCallback(
    (patch: Partial<Pick<EntryDraft, 'text' | 'serial' | 'note'>>) => {
      setError(null);
      draft.set({ ...draft.value, characteristicId: activeId, ...patch });
    },
    [draft, activeId],
  );

  const submitNow = useCallback(() => {
    if (!lot || !active || !progress) return;
    const sample = nextSample(active.id);
    const prepared = prepareReading(lot, active, sample, {
      text: draft.value.text,
      serial: draft.value.serial,
      note: draft.value.note,
      ...(photoDraft.value ? { photo: photoDraft.value } : {}),
    });
    if (!prepared.ok) {
      setError(prepared.error);
      return;
    }
    issued.current.set(`${lot.id}/${active.id}`, sample);
    // The sample of this characteristic is complete with this unit: move on at once.
    const nextId =
      sample >= active.sampleSize
        ? nextCharacteristic(
            lot.characteristics,
            {
              ...progress,
              characteristics: progress.characteristics.map((p) =>
                p.id === active.id ? { ...p, remaining: 0 } : p,
              ),
            },
            active.id,
          )
        : active.id;
    const result: LastResult = {
      characteristicId: active.id,
      sample,
      text: draft.value.text.trim(),
      judged: prepared.judged,
      saved: false,
    };
    setLast(result);
    setError(null);
    draft.set({ text: '', serial: '', note: '', characteristicId: nextId });
    if (photoDraft.value) photoDraft.clear();
    enqueue(prepared.args, (ok, failure, params) =>
      setLast((current) =>
        current && current.sample === sample && current.characteristicId === result.characteristicId
          ? {
              ...current,
              saved: ok,
              ...(ok ? {} : { failed: { error: failure ?? 'server-error', params: params ?? {} } }),
            }
          : current,
      ),
    );
  }, [lot, active, progress, nextSample, draft, photoDraft, enqueue]);

  const submit = useCallback(() => {
    const pendingRestore = restoring.current;
    if (pendingRestore) void pendingRestore.then(submitNow);
    else submitNow();
  }, [submitNow]);

  const correct = useCallback(
    async (reading: InspectionResultRecord, text: string, reason: string) => {
      if (!lot) return { ok: false as const, error: 'not-found' };
      const c = lot.characteristics.find((x) => x.id === reading.characteristicId);
      if (!c) return { ok: false as const, error: 'not-found' };
      const prepared = prepareReading(lot, c, reading.sample, {
        text,
        ...(reading.serial ? { serial: reading.serial } : {}),
      });
      if (!prepared.ok) return { ok: false as const, error: prepared.error };
      const outcome = await mutate('inspection.record', {
        ...prepared.args,
        supersedes: reading.id,
        correctionReason: reason,
      });
      return outcome.ok ? { ok: true as const } : { ok: false as const, error: outcome.error };
    },
    [lot, mutate],
  );

  const close = useCallback(
    async (note?: string) => {
      if (!lot) return { ok: false as const, error: 'not-found', params: {} };
      // Everything typed must be saved before the verdict is asked for.
      await queue.current;
      return mutate('inspection.close', {
        lotId: lot.id,
        ncrId: uuidv7(),
        ...(note ? { note } : {}),
      });
    },
    [lot, mutate],
  );

  return {
    progress,
    active,
    draft: draft.value,
    restored: draft.restored,
    photo: photoDraft.value,
    setPhoto: (dataUrl: string | null) => (dataUrl ? photoDraft.set(dataUrl) : photoDraft.clear()),
    error,
    last,
    saving,
    choose,
    type,
    submit,
    correct,
    close,
    nextSample,
  };
}
