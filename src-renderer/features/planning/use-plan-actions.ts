import { App } from 'antd';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanWarning } from '../../../src-shared/planning/schedule-rules';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';
import type { Position, ScheduleModel } from './schedule-model';
import type { PlannedMove } from './use-board-drag';
import { useWarningText } from './use-warning-text';

interface Step {
  moves: { batchId: string; from: Position; to: Position; warnings: PlanWarning[] }[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * What the board's gestures do: commit moves as sync mutations (one for a single bar, one
 * batch.move-many for a selection), keep undo/redo stacks of them, or, in draft mode, keep the
 * moves on this PC only until the planner publishes the draft as one change. Every result is
 * announced in the live region for screen-reader users.
 */
export function usePlanActions(model: ScheduleModel | null) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const mutate = useMutate();
  const describe = useWarningText();
  const [undoStack, setUndo] = useState<Step[]>([]);
  const [redoStack, setRedo] = useState<Step[]>([]);
  const [draft, setDraft] = useState<Map<string, Position> | null>(null);
  const [draftWarnings, setDraftWarnings] = useState<Map<string, PlanWarning[]>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const modelRef = useRef(model);
  useLayoutEffect(() => {
    modelRef.current = model;
  });

  const announce = useCallback(
    (moves: Step['moves']) => {
      const m = modelRef.current;
      const first = moves[0];
      if (!m || !first) return;
      const number = m.batches.get(first.batchId)?.number ?? '';
      const warnings = moves.flatMap((x) => x.warnings).map(describe);
      setAnnouncement(
        `${t('planning.board.movedTo', {
          number,
          count: moves.length,
          line: m.lineLabels.get(first.to.lineId) ?? first.to.lineId,
          start: formatDateTime(new Date(first.to.start), language),
        })}${warnings.length ? ` ${t('planning.board.warningsAnnounce', { list: warnings.join('; ') })}` : ''}`,
      );
    },
    [describe, language, t],
  );

  const send = useCallback(
    async (moves: Step['moves']): Promise<boolean> => {
      const m = modelRef.current;
      const args = moves.map((x) => ({
        batchId: x.batchId,
        baseVersion: m?.batches.get(x.batchId)?._v ?? 0,
        ...(x.to.lineId !== x.from.lineId ? { lineId: x.to.lineId } : {}),
        ...(x.to.start !== x.from.start ? { start: iso(x.to.start) } : {}),
        ...(x.to.end !== x.from.end ? { end: iso(x.to.end) } : {}),
        warnings: x.warnings.map((w) => ({ code: w.code, params: w.params })),
      }));
      const [only] = args;
      const result =
        only && args.length === 1
          ? await mutate('batch.move', only)
          : await mutate('batch.move-many', { moves: args });
      if (!result.ok) {
        const phrase = describeRefusal(result.error, result.params, (s) => s);
        void message.error(t(phrase.key as never, phrase.values));
        return false;
      }
      return true;
    },
    [message, mutate, t],
  );

  const commit = useCallback(
    async (moves: PlannedMove[]) => {
      announce(moves);
      if (draft) {
        const next = new Map(draft);
        const nextWarnings = new Map(draftWarnings);
        for (const x of moves) {
          next.set(x.batchId, x.to);
          nextWarnings.set(x.batchId, x.warnings);
        }
        setDraft(next);
        setDraftWarnings(nextWarnings);
        return;
      }
      if (await send(moves)) {
        setUndo((s) => [...s.slice(-99), { moves }]);
        setRedo([]);
      }
    },
    [announce, draft, draftWarnings, send],
  );

  const undo = useCallback(async () => {
    const step = undoStack[undoStack.length - 1];
    if (!step || draft) return;
    const back = step.moves.map((x) => ({ ...x, from: x.to, to: x.from, warnings: [] }));
    if (await send(back)) {
      setUndo((s) => s.slice(0, -1));
      setRedo((s) => [...s, step]);
      announce(back);
    }
  }, [announce, draft, send, undoStack]);

  const redo = useCallback(async () => {
    const step = redoStack[redoStack.length - 1];
    if (!step || draft) return;
    if (await send(step.moves)) {
      setRedo((s) => s.slice(0, -1));
      setUndo((s) => [...s, step]);
      announce(step.moves);
    }
  }, [announce, draft, redoStack, send]);

  const draftMoves = useMemo(() => {
    if (!draft || !model) return [];
    return [...draft].map(([batchId, to]) => {
      const b = model.batches.get(batchId);
      const from = b
        ? { lineId: b.lineId, start: Date.parse(b.start), end: Date.parse(b.end) }
        : to;
      return { batchId, from, to, warnings: draftWarnings.get(batchId) ?? [] };
    });
  }, [draft, draftWarnings, model]);

  const publish = useCallback(async () => {
    if (draftMoves.length === 0) {
      setDraft(null);
      return;
    }
    if (await send(draftMoves)) {
      setDraft(null);
      setDraftWarnings(new Map());
      setUndo((s) => [...s, { moves: draftMoves }]);
      setRedo([]);
      void message.success(t('planning.draft.publishedDone', { count: draftMoves.length }));
    }
  }, [draftMoves, message, send, t]);

  return {
    commit,
    undo,
    redo,
    canUndo: undoStack.length > 0 && !draft,
    canRedo: redoStack.length > 0 && !draft,
    draft,
    draftMoves,
    startDraft: useCallback(() => setDraft(new Map()), []),
    discardDraft: useCallback(() => {
      setDraft(null);
      setDraftWarnings(new Map());
    }, []),
    publish,
    announcement,
  };
}
