import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { lineResourceOf, type LineResource } from '../../../src-shared/planning/schedule-rules';
import { useLanguage } from '../../i18n/use-language';
import { useUserDb } from '../../sync/use-sync';
import { buildModel, type OrderInfo, type ScheduleModel } from './schedule-model';

interface RawLine {
  id: string;
  code?: string;
  name?: { zh?: string; en?: string };
  [k: string]: unknown;
}

/** Everything the planning screen shows, live from the local store, as one model. */
export function useSchedule(): {
  model: ScheduleModel | null;
  rawLines: RawLine[];
  pendingIds: Set<string>;
} {
  const db = useUserDb();
  const { language } = useLanguage();
  const data = useLiveQuery(async () => {
    if (!db) return null;
    const [batches, lines, products, orders, purchaseOrders, shadows] = await Promise.all([
      db.domain('batch').toArray(),
      db.domain('production-line').toArray(),
      db.domain('product').toArray(),
      db
        .domain('order')
        .where('state')
        .anyOf('accepted', 'planned', 'in_production', 'ready_to_ship')
        .toArray(),
      db.domain('purchase-order').toArray(),
      db.shadow.where('[kind+id]').between(['batch', ''], ['batch', '\uffff']).toArray(),
    ]);
    return {
      batches: batches as BatchRecord[],
      lines: lines as RawLine[],
      products,
      orders,
      purchaseOrders,
      shadows,
    };
  }, [db]);

  const base = useMemo(() => {
    if (!data) return null;
    const rawLines = [...data.lines].sort((a, b) => String(a.code).localeCompare(String(b.code)));
    const lines: LineResource[] = rawLines.map((l) => lineResourceOf(l));
    const lineLabels = new Map(
      rawLines.map((l) => [
        l.id,
        `${l.code ?? l.id} · ${(language === 'zh-CN' ? l.name?.zh : l.name?.en) ?? ''}`,
      ]),
    );
    const familyOf = new Map<string, string>();
    for (const p of data.products) {
      if (typeof p.code === 'string' && typeof p.format === 'string')
        familyOf.set(p.code, p.format);
    }
    const orders = new Map<string, OrderInfo>();
    for (const o of data.orders) {
      orders.set(o.id, {
        id: o.id,
        number: String(o.number ?? ''),
        state: String(o.state),
        ...(typeof o.promisedDate === 'string' ? { promisedDate: o.promisedDate } : {}),
      });
    }
    // Procurement's purchase orders, read defensively: the latest expected date per model
    // among those not yet received.
    const materialReadyAt = new Map<string, string>();
    for (const po of data.purchaseOrders) {
      if (
        po.state === 'received' ||
        po.state === 'cancelled' ||
        typeof po.expectedDate !== 'string'
      )
        continue;
      const models = Array.isArray(po.lines)
        ? (po.lines as { forModel?: string; model?: string }[]).map((l) => l.forModel ?? l.model)
        : [po.forModel as string | undefined];
      for (const m of models) {
        if (typeof m !== 'string') continue;
        const had = materialReadyAt.get(m);
        if (!had || had < po.expectedDate) materialReadyAt.set(m, po.expectedDate);
      }
    }
    return {
      rawLines,
      lines,
      lineLabels,
      familyOf,
      orders,
      materialReadyAt,
      batches: data.batches,
    };
  }, [data, language]);

  const model = useMemo(() => (base ? buildModel(base) : null), [base]);
  const pendingIds = useMemo(() => new Set((data?.shadows ?? []).map((s) => s.id)), [data]);
  return { model, rawLines: base?.rawLines ?? [], pendingIds };
}
