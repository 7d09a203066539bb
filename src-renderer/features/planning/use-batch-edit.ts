import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../src-shared/ids';
import { nextOpen } from '../../../src-shared/planning/line-calendar';
import { mergeProblem, splitProblem } from '../../../src-shared/planning/schedule-rules';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';
import { endOn, type ScheduleModel } from './schedule-model';

/**
 * Split by hand, merge and release from the board's selection. Split parts are laid one after
 * another on the batch's line from its start, each as long as the line's rate and calendar
 * make it; a merged batch starts where the earliest did and lasts as long as the total needs.
 */
export function useBatchEdit(model: ScheduleModel | null) {
  const mutate = useMutate();
  const { t } = useTranslation();
  const { message } = App.useApp();

  const report = useCallback(
    (result: Awaited<ReturnType<typeof mutate>>, done: string): boolean => {
      if (result.ok) {
        void message.success(done);
        return true;
      }
      const phrase = describeRefusal(result.error, result.params, (s) => s);
      void message.error(t(phrase.key as never, phrase.values));
      return false;
    },
    [message, t],
  );

  /** Null when done, else the problem to show next to the quantities field. */
  const split = useCallback(
    async (batchId: string, quantities: number[]): Promise<string | null> => {
      const batch = model?.batches.get(batchId);
      const pos = model?.positions.get(batchId);
      if (!model || !batch || !pos) return null;
      const problem = splitProblem(batch.quantity, quantities);
      if (problem)
        return t(`planning.split.problems.${problem}` as never, { quantity: batch.quantity });
      const cal = model.lines.find((l) => l.id === pos.lineId)?.calendar;
      const span = (pos.end - pos.start) / batch.quantity;
      let start = pos.start;
      const parts = quantities.map((quantity, i) => {
        const end = endOn(model, { ...batch, quantity }, pos.lineId, start, span * quantity);
        const part = {
          id: i === 0 ? batch.id : uuidv7(),
          quantity,
          start: new Date(start).toISOString(),
          end: new Date(end).toISOString(),
        };
        start = (cal ? nextOpen(cal, end) : null) ?? end;
        return part;
      });
      report(
        await mutate('batch.split', { batchId, parts }),
        t('planning.split.done', { count: parts.length }),
      );
      return null;
    },
    [model, mutate, report, t],
  );

  const merge = useCallback(
    async (ids: string[]) => {
      if (!model) return;
      const batches = ids
        .map((id) => model.batches.get(id))
        .filter((b) => b !== undefined)
        .sort(
          (a, b) =>
            (model.positions.get(a.id)?.start ?? 0) - (model.positions.get(b.id)?.start ?? 0),
        );
      const problem = mergeProblem(batches);
      const [target, ...sources] = batches;
      if (problem || !target) {
        void message.error(
          t('sync.refusals.not-mergeable', {
            reason: t(`planning.merge.problems.${problem ?? 'too-few'}` as never),
          }),
        );
        return;
      }
      const pos = model.positions.get(target.id);
      if (!pos) return;
      const total = batches.reduce((s, b) => s + b.quantity, 0);
      const end = endOn(
        model,
        { ...target, quantity: total },
        pos.lineId,
        pos.start,
        ((pos.end - pos.start) * total) / target.quantity,
      );
      report(
        await mutate('batch.merge', {
          targetId: target.id,
          sourceIds: sources.map((b) => b.id),
          end: new Date(end).toISOString(),
        }),
        t('planning.merge.done', { number: target.number }),
      );
    },
    [message, model, mutate, report, t],
  );

  const release = useCallback(
    async (ids: string[]) => {
      for (const id of ids) {
        const batch = model?.batches.get(id);
        if (batch?.state !== 'planned') continue;
        if (
          !report(
            await mutate('batch.release', { batchId: id }),
            t('planning.release.done', { number: batch.number }),
          )
        )
          return;
      }
    },
    [model, mutate, report, t],
  );

  return { split, merge, release };
}
