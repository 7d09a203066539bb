import { App } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../src-shared/ids';
import { HOUR, nextOpen } from '../../../src-shared/planning/line-calendar';
import {
  coverage,
  orderLinesOf,
  type OrderLike,
} from '../../../src-shared/planning/order-progress';
import { rateFor, scheduleEnd, splitByCapacity } from '../../../src-shared/planning/schedule-rules';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate, useUserDb } from '../../sync/use-sync';
import { warningsAt, type ScheduleModel } from './schedule-model';

export interface BacklogLine {
  orderId: string;
  orderNumber: string;
  lineKey: string;
  model: string;
  spec?: string;
  ordered: number;
  open: number;
  promisedDate?: string;
  /** The first line that can make the model. */
  lineId?: string;
}

/**
 * Order lines still to plan, and planning one: split by what the line makes in a shift, placed
 * one after another from the line's last batch (or its next open time), each batch carrying
 * the warnings it was placed against.
 */
export function useOrderBacklog(model: ScheduleModel) {
  const db = useUserDb();
  const mutate = useMutate();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const orders = useLiveQuery(
    async () =>
      db
        ? ((await db
            .domain('order')
            .where('state')
            .anyOf('accepted', 'planned')
            .toArray()) as OrderLike[])
        : [],
    [db],
  );
  const rows = useMemo(() => {
    const out: BacklogLine[] = [];
    for (const order of orders ?? []) {
      const lines = orderLinesOf(order);
      for (const c of coverage(order)) {
        if (c.planned >= c.ordered) continue;
        const line = lines.find((l) => l.key === c.key);
        const raw = Array.isArray(order.lines)
          ? (order.lines as { spec?: string }[])[Number(c.key)]
          : undefined;
        const family = model.familyOf.get(line?.model ?? '');
        const target = model.lines.find((l) => rateFor(l, family) !== undefined);
        out.push({
          orderId: order.id,
          orderNumber: String(order.number ?? ''),
          lineKey: c.key,
          model: line?.model ?? '',
          ...(typeof raw?.spec === 'string' ? { spec: raw.spec } : {}),
          ordered: c.ordered,
          open: c.ordered - c.planned,
          ...(typeof order.promisedDate === 'string' ? { promisedDate: order.promisedDate } : {}),
          ...(target ? { lineId: target.id } : {}),
        });
      }
    }
    return out;
  }, [orders, model]);

  const planLine = async (row: BacklogLine) => {
    const line = model.lines.find((l) => l.id === row.lineId);
    if (!line) return;
    setBusy(`${row.orderId}:${row.lineKey}`);
    try {
      const family = model.familyOf.get(row.model);
      const hoursPerShift = line.calendar.shifts[0]?.hours ?? 8;
      const last = Math.max(
        Date.now(),
        ...(model.index.get(line.id)?.bars ?? []).map((b) => b.end),
      );
      let start = nextOpen(line.calendar, Math.ceil(last / HOUR) * HOUR) ?? last;
      for (const quantity of splitByCapacity(row.open, line, family, hoursPerShift)) {
        const end = scheduleEnd(line, family, quantity, start) ?? start + hoursPerShift * HOUR;
        const id = uuidv7();
        const warnings = warningsAt(
          model,
          {
            id,
            number: '',
            numberProvisional: true,
            model: row.model,
            quantity,
            lineId: line.id,
            start: '',
            end: '',
            sequence: 0,
            state: 'planned',
            orderId: row.orderId,
          },
          { lineId: line.id, start, end },
        );
        const result = await mutate('batch.plan', {
          id,
          orderId: row.orderId,
          orderLines: [{ orderId: row.orderId, lineKey: row.lineKey, quantity }],
          model: row.model,
          ...(row.spec ? { spec: row.spec } : {}),
          ...(family ? { family } : {}),
          quantity,
          lineId: line.id,
          start: new Date(start).toISOString(),
          end: new Date(end).toISOString(),
          warnings: warnings.map((w) => ({ code: w.code, params: w.params })),
        });
        if (!result.ok) {
          const phrase = describeRefusal(result.error, result.params, (s) => s);
          void message.error(t(phrase.key as never, phrase.values));
          return;
        }
        start = nextOpen(line.calendar, end) ?? end;
      }
      void message.success(t('planning.backlog.planned', { order: row.orderNumber }));
    } finally {
      setBusy(null);
    }
  };
  return { rows, planLine, busy };
}
