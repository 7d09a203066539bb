import {
  useCallback,
  useLayoutEffect,
  useRef,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import type { PlanWarning } from '../../../src-shared/planning/schedule-rules';
import { HOUR } from '../../../src-shared/planning/line-calendar';
import { PX_PER_HOUR, ROW_HEIGHT, snapTime, timeToX, type Zoom } from './board-layout';
import type { FeedbackStore } from './drag-feedback';
import { endOn, warningsAt, type Position, type ScheduleModel } from './schedule-model';

export interface PlannedMove {
  batchId: string;
  from: Position;
  to: Position;
  warnings: PlanWarning[];
}

interface DragState {
  kind: 'move' | 'resize';
  pointerId: number;
  x0: number;
  y0: number;
  primary: string;
  ids: string[];
  elements: Map<string, HTMLElement>;
  origins: Map<string, Position>;
  rows: Map<string, number>;
  moved: boolean;
  /** Last snapped offset, so warnings are computed only when the landing place changes. */
  key: string;
  moves: PlannedMove[];
}

/** Direct DOM writes during a drag: the point is that React does not render per pointer move. */
function placeBar(el: HTMLElement, tx: number, ty: number, width: number, warn: boolean): void {
  el.style.transform = `translate3d(${tx}px, ${ty}px, 0)`;
  el.style.width = `${width}px`;
  el.classList.toggle('board-bar--warn-drag', warn);
}

function resetBar(el: HTMLElement): void {
  el.style.transform = '';
  el.style.width = '';
}

/**
 * Pointer drags on the board at 60 fps: during the drag the bars are moved with a CSS
 * transform on their own elements (no React render), the landing place is snapped to the
 * target line's shifts, and the warnings are recomputed only when that place changes. On
 * release the moves are handed over once, as one change.
 */
export function useBoardDrag(opts: {
  model: ScheduleModel | null;
  zoom: Zoom;
  origin: number;
  lineIds: string[];
  selection: ReadonlySet<string>;
  feedback: FeedbackStore;
  lineLabel: (lineId: string) => string;
  onSelect: (id: string, additive: boolean) => void;
  onDrop: (moves: PlannedMove[], kind: 'move' | 'resize') => void;
}) {
  const drag = useRef<DragState | null>(null);
  const frame = useRef(0);
  const latest = useRef(opts);
  const dropped = useRef(new Set<HTMLElement>());
  useLayoutEffect(() => {
    latest.current = opts;
  });

  const update = useCallback((clientX: number, clientY: number) => {
    const d = drag.current;
    const { model, zoom, origin, lineIds, feedback, lineLabel } = latest.current;
    if (!d || !model) return;
    const dx = clientX - d.x0;
    const dy = clientY - d.y0;
    if (!d.moved && Math.abs(dx) < 4 && Math.abs(dy) < 4) return;
    d.moved = true;
    const primaryFrom = d.origins.get(d.primary) as Position;
    const primaryRow = d.rows.get(d.primary) ?? 0;
    const rowDelta = d.kind === 'move' ? Math.round(dy / ROW_HEIGHT) : 0;
    const targetRow = Math.max(0, Math.min(lineIds.length - 1, primaryRow + rowDelta));
    const targetLine = lineIds[targetRow] as string;
    const cal = model.lines.find((l) => l.id === targetLine)?.calendar;
    const raw =
      (d.kind === 'move' ? primaryFrom.start : primaryFrom.end) + (dx / PX_PER_HOUR[zoom]) * HOUR;
    const snapped = snapTime(raw, zoom, cal);
    const delta = snapped - (d.kind === 'move' ? primaryFrom.start : primaryFrom.end);
    const key = `${delta}/${targetRow}`;
    if (key !== d.key) {
      d.key = key;
      const moving = new Set(d.ids);
      d.moves = d.ids.map((id) => {
        const from = d.origins.get(id) as Position;
        const batch = model.batches.get(id);
        let to: Position;
        if (d.kind === 'resize') {
          // Longer than the work needs is a reservation the server keeps; shorter it does not
          // take (the batch cannot be done sooner), so the bar stops at what the work needs.
          const needed = batch ? endOn(model, batch, from.lineId, from.start, 0) : from.start;
          to = { ...from, end: Math.max(from.start + HOUR, needed, from.end + delta) };
        } else {
          const row = Math.max(
            0,
            Math.min(lineIds.length - 1, (d.rows.get(id) ?? 0) + (targetRow - primaryRow)),
          );
          const lineId = lineIds[row] as string;
          const start = from.start + delta;
          // On another line the rate differs: the end follows that line's rate and calendar.
          const end = batch
            ? endOn(model, batch, lineId, start, from.end - from.start)
            : start + from.end - from.start;
          to = { lineId, start, end };
        }
        return {
          batchId: id,
          from,
          to,
          warnings: batch ? warningsAt(model, batch, to, moving) : [],
        };
      });
      const primary = d.moves.find((m) => m.batchId === d.primary) as PlannedMove;
      feedback.set({
        number: model.batches.get(d.primary)?.number ?? '',
        lineLabel: lineLabel(primary.to.lineId),
        start: primary.to.start,
        end: primary.to.end,
        count: d.ids.length,
        warnings: d.moves.flatMap((m) => m.warnings),
        x: clientX,
        y: clientY,
      });
      for (const m of d.moves) {
        const el = d.elements.get(m.batchId);
        if (!el) continue;
        const tx = timeToX(m.to.start, origin, zoom) - timeToX(m.from.start, origin, zoom);
        const ty = (lineIds.indexOf(m.to.lineId) - (d.rows.get(m.batchId) ?? 0)) * ROW_HEIGHT;
        placeBar(
          el,
          tx,
          ty,
          Math.max(6, timeToX(m.to.end, origin, zoom) - timeToX(m.to.start, origin, zoom)),
          m.warnings.length > 0,
        );
      }
    } else {
      const current = feedback.get();
      if (current) feedback.set({ ...current, x: clientX, y: clientY });
    }
  }, []);

  const onPointerDown = useCallback((event: ReactPointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    const target = event.target as HTMLElement;
    const bar = target.closest<HTMLElement>('[data-bar-id]');
    const { model, selection, lineIds } = latest.current;
    if (!bar || !model) return;
    const id = bar.dataset.barId as string;
    const layer = event.currentTarget;
    const ids = selection.has(id) && !event.ctrlKey && !event.metaKey ? [...selection] : [id];
    const elements = new Map<string, HTMLElement>();
    const origins = new Map<string, Position>();
    const rows = new Map<string, number>();
    for (const i of ids) {
      const pos = model.positions.get(i);
      if (!pos) continue;
      origins.set(i, pos);
      rows.set(i, lineIds.indexOf(pos.lineId));
      const el = layer.querySelector<HTMLElement>(`[data-bar-id="${CSS.escape(i)}"]`);
      if (el) elements.set(i, el);
    }
    layer.setPointerCapture(event.pointerId);
    drag.current = {
      kind: target.closest('[data-resize]') ? 'resize' : 'move',
      pointerId: event.pointerId,
      x0: event.clientX,
      y0: event.clientY,
      primary: id,
      ids: [...origins.keys()],
      elements,
      origins,
      rows,
      moved: false,
      key: '',
      moves: [],
    };
    for (const el of elements.values()) el.classList.add('board-bar--dragging');
  }, []);

  const onPointerMove = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      if (!drag.current || event.pointerId !== drag.current.pointerId) return;
      const { clientX, clientY } = event;
      // One layout write per frame, however many pointer events the browser sends.
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => update(clientX, clientY));
    },
    [update],
  );

  const finish = useCallback(
    (event: ReactPointerEvent<HTMLElement>, cancelled: boolean) => {
      const d = drag.current;
      if (!d || event.pointerId !== d.pointerId) return;
      cancelAnimationFrame(frame.current);
      if (!cancelled) update(event.clientX, event.clientY);
      drag.current = null;
      latest.current.feedback.set(null);
      for (const [id, el] of d.elements) {
        el.classList.remove('board-bar--dragging', 'board-bar--warn-drag');
        const move = d.moves.find((m) => m.batchId === id);
        // A dropped bar keeps its transform until the store answers (the board clears it when
        // its model changes), so it does not jump back for a frame.
        if (!move || !d.moved || cancelled) {
          resetBar(el);
        } else {
          dropped.current.add(el);
        }
      }
      if (!d.moved) {
        latest.current.onSelect(d.primary, event.ctrlKey || event.metaKey || event.shiftKey);
        return;
      }
      if (cancelled) return;
      const changed = d.moves.filter(
        (m) =>
          m.from.lineId !== m.to.lineId || m.from.start !== m.to.start || m.from.end !== m.to.end,
      );
      if (changed.length > 0) latest.current.onDrop(changed, d.kind);
    },
    [update],
  );

  /** Called by the board when its model changed: dropped bars now sit where they belong. */
  const settle = useCallback(() => {
    for (const el of dropped.current) resetBar(el);
    dropped.current.clear();
  }, []);

  return {
    settle,
    onPointerDown,
    onPointerMove,
    onPointerUp: useCallback((e: ReactPointerEvent<HTMLElement>) => finish(e, false), [finish]),
    onPointerCancel: useCallback((e: ReactPointerEvent<HTMLElement>) => finish(e, true), [finish]),
  };
}
