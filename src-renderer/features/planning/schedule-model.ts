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
import { indexLines, type BoardBar, type LineIndex } from './board-layout';

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
  const byLine = new Map<string, BoardBar[]>();
  // Once per batch on every change of the plan (60,000 on a big board): one bar object per
  // batch, which is its position too, and times read without Date.parse where it can.
  for (const b of input.batches) {
    batches.set(b.id, b);
    const d = input.draft?.get(b.id);
    const lineId = d ? d.lineId : b.lineId;
    const bar: BoardBar = {
      id: b.id,
      lineId,
      start: d ? d.start : instantOf(b.start),
      end: d ? d.end : instantOf(b.end),
      lane: 0,
      lanes: 1,
    };
    positions.set(b.id, bar);
    let list = byLine.get(lineId);
    if (!list) byLine.set(lineId, (list = []));
    list.push(bar);
  }
  const index = indexLines(byLine);
  return { ...input, batches, positions, index };
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * Epoch milliseconds of a stored instant. The server writes times as `toISOString()` gives
 * them (YYYY-MM-DDTHH:mm:ss.sssZ), which this reads by position, about four times faster
 * than Date.parse; anything else (an offset, rows from older clients) goes to Date.parse.
 */
export function instantOf(iso: string): number {
  if (
    iso.length !== 24 ||
    iso.charCodeAt(23) !== 90 ||
    iso.charCodeAt(10) !== 84 ||
    iso.charCodeAt(19) !== 46
  ) {
    return Date.parse(iso);
  }
  return Date.UTC(
    digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3),
    digit(iso, 5) * 10 + digit(iso, 6) - 1,
    digit(iso, 8) * 10 + digit(iso, 9),
    digit(iso, 11) * 10 + digit(iso, 12),
    digit(iso, 14) * 10 + digit(iso, 15),
    digit(iso, 17) * 10 + digit(iso, 18),
    digit(iso, 20) * 100 + digit(iso, 21) * 10 + digit(iso, 22),
  );
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
