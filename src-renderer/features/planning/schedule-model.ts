import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import {
  buckets,
  capacityLoad,
  checkPlacement,
  promisedDeadline,
  scheduleEnd,
  type LineResource,
  type PlanWarning,
} from '../../../src-shared/planning/schedule-rules';
import { indexBars, type LineIndex } from './board-layout';

/**
 * The board's model, built once per change of the local data (not per frame): batches with
 * their times parsed, the line index, the orders' promised dates, and the placement check the
 * drag calls on every snapped position.
 */

export interface OrderInfo {
  id: string;
  number: string;
  promisedDate?: string;
  state: string;
}

export interface Position {
  lineId: string;
  start: number;
  end: number;
}

export interface ScheduleModel {
  lines: LineResource[];
  lineLabels: Map<string, string>;
  batches: Map<string, BatchRecord>;
  positions: Map<string, Position>;
  index: Map<string, LineIndex>;
  orders: Map<string, OrderInfo>;
  familyOf: Map<string, string>;
  /** Model code → when material arrives (ISO), from open purchase orders, when procurement has them. */
  materialReadyAt: Map<string, string>;
}

export function buildModel(input: {
  lines: LineResource[];
  lineLabels: Map<string, string>;
  batches: BatchRecord[];
  orders: Map<string, OrderInfo>;
  familyOf: Map<string, string>;
  materialReadyAt: Map<string, string>;
  /** Draft moves laid over the stored plan (what-if). */
  draft?: ReadonlyMap<string, Position>;
}): ScheduleModel {
  const positions = new Map<string, Position>();
  const batches = new Map<string, BatchRecord>();
  const bars: { id: string; lineId: string; start: number; end: number }[] = [];
  for (const b of input.batches) {
    batches.set(b.id, b);
    const p = input.draft?.get(b.id) ?? {
      lineId: b.lineId,
      start: Date.parse(b.start),
      end: Date.parse(b.end),
    };
    positions.set(b.id, p);
    bars.push({ id: b.id, lineId: p.lineId, start: p.start, end: p.end });
  }
  const index = indexBars(bars);
  return { ...input, batches, positions, index };
}

export function familyOfBatch(model: ScheduleModel, batch: BatchRecord): string | undefined {
  return batch.family ?? model.familyOf.get(batch.model);
}

export function promisedDateOf(model: ScheduleModel, batch: BatchRecord): string | undefined {
  const ids = new Set([batch.orderId, ...(batch.orderLines ?? []).map((l) => l.orderId)]);
  const dates = [...ids]
    .map((id) => (id ? model.orders.get(id)?.promisedDate : undefined))
    .filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d))
    .map((d) => d.slice(0, 10))
    .sort();
  return dates[0];
}

/**
 * Where a batch would end on a line if it started at `start`: the line's rate and calendar
 * decide; when the line cannot make it, the batch keeps its current length.
 */
export function endOn(
  model: ScheduleModel,
  batch: BatchRecord,
  lineId: string,
  start: number,
  span: number,
): number {
  const line = model.lines.find((l) => l.id === lineId);
  const end = line ? scheduleEnd(line, familyOfBatch(model, batch), batch.quantity, start) : null;
  return end ?? start + span;
}

/** What placing `batch` at `target` would break; `moving` are the batches moved along with it. */
export function warningsAt(
  model: ScheduleModel,
  batch: BatchRecord,
  target: Position,
  moving: ReadonlySet<string> = new Set(),
): PlanWarning[] {
  const line = model.lines.find((l) => l.id === target.lineId);
  if (!line) return [];
  const others = (model.index.get(target.lineId)?.bars ?? [])
    .filter((b) => !moving.has(b.id) && b.start < target.end && target.start < b.end)
    .map((b) => ({
      id: b.id,
      number: model.batches.get(b.id)?.number ?? '',
      start: b.start,
      end: b.end,
    }));
  return checkPlacement(
    { id: batch.id, family: familyOfBatch(model, batch), quantity: batch.quantity, ...target },
    {
      line,
      others,
      promisedDate: promisedDateOf(model, batch),
      materialReadyAt: model.materialReadyAt.get(batch.model),
    },
  );
}

/** At risk: placed against a warning, or (now) ending after its order's promised date. */
export function riskOf(model: ScheduleModel, batch: BatchRecord): 'late' | 'warned' | null {
  const promised = promisedDateOf(model, batch);
  const pos = model.positions.get(batch.id);
  const line = model.lines.find((l) => l.id === pos?.lineId);
  if (
    promised &&
    pos &&
    pos.end > promisedDeadline(promised, line?.calendar.utcOffsetMinutes ?? 480)
  ) {
    return 'late';
  }
  return batch.warnings?.length ? 'warned' : null;
}

/** The same model with draft moves laid over it (what-if), for the board and the comparison. */
export function withDraft(
  model: ScheduleModel,
  draft: ReadonlyMap<string, Position>,
): ScheduleModel {
  if (draft.size === 0) return model;
  return buildModel({ ...model, batches: [...model.batches.values()], draft });
}

export interface PlanSummary {
  late: number;
  warned: number;
  /** Line-days loaded over their open hours in the next `days` days. */
  overloadedDays: number;
}

/** The figures a draft is compared on before it is published. */
export function planSummary(model: ScheduleModel, from: number, days = 56): PlanSummary {
  let late = 0;
  let warned = 0;
  for (const batch of model.batches.values()) {
    if (batch.state === 'done') continue;
    const risk = riskOf(model, batch);
    if (risk === 'late') late += 1;
    const pos = model.positions.get(batch.id);
    if (pos && warningsAt(model, batch, pos).length > 0) warned += 1;
  }
  const offset = model.lines[0]?.calendar.utcOffsetMinutes ?? 480;
  const load = capacityLoad(
    model.lines,
    [...model.positions].map(([id, p]) => ({ id, ...p })),
    buckets(from, days, 'day', offset),
  );
  const overloadedDays = load.flat().filter((c) => c.overloaded).length;
  return { late, warned, overloadedDays };
}
