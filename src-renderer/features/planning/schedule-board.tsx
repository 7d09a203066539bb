import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { DAY, localDayStart } from '../../../src-shared/planning/line-calendar';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import {
  barRect,
  HEADER_HEIGHT,
  LABEL_WIDTH,
  ROW_HEIGHT,
  stepTime,
  ticks,
  timeToX,
  viewWindow,
  visibleBars,
  type BoardBar,
  type Viewport,
  type Zoom,
} from './board-layout';
import { useFeedback, type FeedbackStore } from './drag-feedback';
import { riskOf, endOn, warningsAt, type ScheduleModel } from './schedule-model';
import { useBoardDrag, type PlannedMove } from './use-board-drag';
import { useNow } from './use-now';
import { useWarningText } from './use-warning-text';

/*
 * A custom board rather than a Gantt library: the free ones render every bar (frappe-gantt
 * needs 5–6 s for 5,000), the fast ones are paid or canvas-only (no focusable bars for the
 * keyboard and screen readers). Here the DOM holds only the bars in view, one scroller carries
 * the time header and the line column as sticky edges (they cannot scroll out of step), and a
 * drag moves elements by transform without rendering React.
 */

/** The bar's full description as its tooltip, set when the pointer first comes over it. */
function showTooltip(event: { target: EventTarget }): void {
  const bar = (event.target as HTMLElement).closest<HTMLElement>('[data-bar-id]');
  if (bar && bar.title !== bar.getAttribute('aria-label')) {
    bar.title = bar.getAttribute('aria-label') ?? '';
  }
}

const Bar = memo(function Bar({
  bar,
  row,
  batch,
  origin,
  zoom,
  selected,
  risk,
  pending,
  draft,
  orderNumber,
  label,
}: {
  bar: BoardBar;
  row: number;
  batch: BatchRecord;
  origin: number;
  zoom: Zoom;
  selected: boolean;
  risk: 'late' | 'warned' | null;
  pending: boolean;
  draft: boolean;
  orderNumber: string | undefined;
  label: string;
}) {
  const rect = barRect(bar, row, origin, zoom);
  const className = [
    'board-bar',
    `board-bar--${batch.state}`,
    risk ? `board-bar--risk board-bar--${risk}` : '',
    selected ? 'board-bar--selected' : '',
    pending ? 'board-bar--pending' : '',
    draft ? 'board-bar--draft' : '',
  ].join(' ');
  return (
    <div
      role="button"
      tabIndex={0}
      className={className}
      style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height }}
      data-bar-id={bar.id}
      data-batch-number={batch.number}
      data-line-id={bar.lineId}
      data-start={new Date(bar.start).toISOString()}
      data-testid="board-bar"
      aria-pressed={selected}
      aria-label={label}
    >
      <span className="board-bar__text">
        {risk ? (
          <span className="board-bar__risk" aria-hidden>
            ⚠
          </span>
        ) : null}
        <strong>{batch.number}</strong>
        {orderNumber ? <span> · {orderNumber}</span> : null}
        <span className="board-bar__meta">
          {' '}
          · {batch.model} × {batch.quantity}
        </span>
      </span>
      {/* A bar too narrow for a handle is resized from the keyboard or at a closer zoom. */}
      {rect.width >= 24 ? <span className="board-bar__handle" data-resize aria-hidden /> : null}
    </div>
  );
});

function DragPanel({ store }: { store: FeedbackStore }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const feedback = useFeedback(store);
  const describe = useWarningText();
  if (!feedback) return null;
  return (
    <div
      className={`board-drag-panel ${feedback.warnings.length ? 'board-drag-panel--warn' : ''}`}
      style={{ left: feedback.x + 16, top: feedback.y + 16 }}
      data-testid="drag-panel"
    >
      <div>
        <strong>{feedback.number}</strong>
        {feedback.count > 1 ? ` (+${feedback.count - 1})` : ''} → {feedback.lineLabel}
      </div>
      <div>
        {formatDateTime(new Date(feedback.start), language)} –{' '}
        {formatDateTime(new Date(feedback.end), language)}
      </div>
      {feedback.warnings.length === 0 ? (
        <div className="board-drag-panel__ok">{t('planning.board.noWarnings')}</div>
      ) : (
        <ul data-testid="drag-warnings">
          {feedback.warnings.map((w, i) => (
            <li key={i} data-warning={w.code}>
              ⚠ {describe(w)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export interface BoardProps {
  model: ScheduleModel;
  zoom: Zoom;
  /** Start of the board's time axis. */
  origin: number;
  /** End of the board's time axis. */
  horizon: number;
  selection: ReadonlySet<string>;
  pendingIds: ReadonlySet<string>;
  draftIds: ReadonlySet<string>;
  feedback: FeedbackStore;
  onSelect: (id: string, additive: boolean) => void;
  onCommit: (moves: PlannedMove[], via: 'move' | 'resize' | 'keyboard') => void;
  onUndo: () => void;
  onRedo: () => void;
  /** Scrolls so this time is at the left edge once (e.g. today on open). */
  scrollTo?: number;
}

export function ScheduleBoard(props: BoardProps) {
  const { model, zoom, origin, horizon, selection, feedback } = props;
  const { t } = useTranslation();
  const { language } = useLanguage();
  const describe = useWarningText();
  const now = useNow();
  const scroller = useRef<HTMLDivElement>(null);
  const [vp, setVp] = useState<Viewport>({ scrollLeft: 0, scrollTop: 0, width: 1200, height: 600 });
  const lineIds = useMemo(() => model.lines.map((l) => l.id), [model.lines]);
  const offset = model.lines[0]?.calendar.utcOffsetMinutes ?? 480;
  const lineLabel = (id: string) => model.lineLabels.get(id) ?? id;

  const drag = useBoardDrag({
    model,
    zoom,
    origin,
    lineIds,
    selection,
    feedback,
    lineLabel,
    onSelect: props.onSelect,
    onDrop: (moves, kind) => props.onCommit(moves, kind),
  });
  const { settle } = drag;
  useLayoutEffect(() => settle(), [model, settle]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const read = () =>
      setVp({
        scrollLeft: el.scrollLeft,
        scrollTop: el.scrollTop,
        width: el.clientWidth,
        height: el.clientHeight,
      });
    // At most one board render per frame while scrolling.
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(onScroll);
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, []);

  const { scrollTo } = props;
  useEffect(() => {
    const el = scroller.current;
    if (el && scrollTo !== undefined) el.scrollLeft = Math.max(0, timeToX(scrollTo, origin, zoom));
  }, [scrollTo, origin, zoom]);

  const win = viewWindow(vp, origin, zoom, lineIds.length);
  const rowsInView = lineIds.slice(win.firstRow, win.lastRow + 1);
  const bars = visibleBars(model.index, rowsInView, win.t0, win.t1);
  const headerTicks = ticks(win.t0, win.t1, zoom, offset);
  const width = timeToX(horizon, origin, zoom);
  const height = lineIds.length * ROW_HEIGHT;

  const barLabel = (batch: BatchRecord, bar: BoardBar, risk: 'late' | 'warned' | null) => {
    const warned = batch.warnings?.map((w) => describe(w)).join('; ');
    const order = batch.orderId
      ? (model.orders.get(batch.orderId)?.number ?? batch.orderNumber)
      : undefined;
    return t('planning.board.barLabel', {
      number: batch.number,
      order: order ?? t('planning.board.noOrder'),
      model: batch.model,
      quantity: formatNumber(batch.quantity, language),
      line: lineLabel(bar.lineId),
      start: formatDateTime(new Date(bar.start), language),
      end: formatDateTime(new Date(bar.end), language),
      state: t(`planning.states.${batch.state}` as never),
      risk: risk
        ? `${t(`planning.risk.${risk}` as never)}${warned ? `: ${warned}` : ''}`
        : t('planning.risk.none'),
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      if (event.shiftKey) props.onRedo();
      else props.onUndo();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'y') {
      event.preventDefault();
      props.onRedo();
      return;
    }
    const el = (event.target as HTMLElement).closest<HTMLElement>('[data-bar-id]');
    if (!el) return;
    const id = el.dataset.barId as string;
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      props.onSelect(id, event.ctrlKey || event.metaKey || event.shiftKey);
      return;
    }
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) return;
    event.preventDefault();
    const ids = selection.has(id) ? [...selection] : [id];
    const moving = new Set(ids);
    const moves: PlannedMove[] = [];
    for (const i of ids) {
      const from = model.positions.get(i);
      const batch = model.batches.get(i);
      if (!from || !batch) continue;
      const cal = model.lines.find((l) => l.id === from.lineId)?.calendar;
      const dir = event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 1;
      let to = from;
      if (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
        // As with the mouse: no shorter than the work needs (the server would not take it).
        const needed = endOn(model, batch, from.lineId, from.start, 0);
        const end = Math.max(stepTime(from.end, dir, zoom, cal), needed);
        if (end > from.start && end !== from.end) to = { ...from, end };
      } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        const start = stepTime(from.start, dir, zoom, cal);
        // The end follows the calendar from the new start, as the server computes it.
        to = {
          ...from,
          start,
          end: endOn(model, batch, from.lineId, start, from.end - from.start),
        };
      } else {
        const row = lineIds.indexOf(from.lineId) + dir;
        const lineId = lineIds[row];
        if (lineId === undefined) continue;
        to = {
          lineId,
          start: from.start,
          end: endOn(model, batch, lineId, from.start, from.end - from.start),
        };
      }
      moves.push({ batchId: i, from, to, warnings: warningsAt(model, batch, to, moving) });
    }
    if (moves.length > 0) props.onCommit(moves, 'keyboard');
    // Keep focus on the moved bar once it re-renders in its new place.
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-bar-id="${CSS.escape(id)}"]`)?.focus(),
    );
  };

  // Closed time in view: maintenance windows and holidays, hatched, so a drop onto them is seen.
  const closed: {
    key: string;
    row: number;
    start: number;
    end: number;
    kind: string;
    note?: string;
  }[] = [];
  for (const lineId of rowsInView) {
    const line = model.lines.find((l) => l.id === lineId);
    if (!line) continue;
    const row = lineIds.indexOf(lineId);
    for (const m of line.calendar.maintenance) {
      const s = Date.parse(m.start);
      const e = Date.parse(m.end);
      if (e > win.t0 && s < win.t1)
        closed.push({
          key: `${lineId}:${m.id}`,
          row,
          start: s,
          end: e,
          kind: 'maintenance',
          ...(m.note ? { note: m.note } : {}),
        });
    }
    for (const h of line.calendar.holidays) {
      const s = localDayStart(Date.parse(`${h}T12:00:00Z`) - offset * 60_000, offset);
      if (s + DAY > win.t0 && s < win.t1)
        closed.push({ key: `${lineId}:${h}`, row, start: s, end: s + DAY, kind: 'holiday' });
    }
  }

  return (
    <div className="board" data-testid="schedule-board" data-zoom={zoom}>
      <div
        className="board__scroller"
        ref={scroller}
        onKeyDown={onKeyDown}
        data-testid="board-scroller"
      >
        <div
          className="board__canvas"
          style={{ width: width + LABEL_WIDTH, height: height + HEADER_HEIGHT }}
        >
          <div
            className="board__header"
            style={{ width: width + LABEL_WIDTH, height: HEADER_HEIGHT }}
          >
            <div className="board__corner" style={{ width: LABEL_WIDTH }}>
              {t('planning.line')}
            </div>
            {headerTicks.map((tick) => (
              <div
                key={tick.t}
                className={`board__tick ${tick.major ? 'board__tick--major' : ''}`}
                style={{ left: LABEL_WIDTH + timeToX(tick.t, origin, zoom) }}
              >
                {tick.label}
              </div>
            ))}
          </div>
          <div className="board__labels" style={{ width: LABEL_WIDTH, height }} role="rowgroup">
            {rowsInView.map((lineId) => (
              <div
                key={lineId}
                className="board__label"
                role="rowheader"
                style={{ top: lineIds.indexOf(lineId) * ROW_HEIGHT, height: ROW_HEIGHT }}
                data-testid="board-line"
                data-line-id={lineId}
              >
                {lineLabel(lineId)}
              </div>
            ))}
          </div>
          <div
            className="board__bars"
            style={{ left: LABEL_WIDTH, top: HEADER_HEIGHT, width, height }}
            onPointerDown={drag.onPointerDown}
            onPointerMove={drag.onPointerMove}
            onPointerUp={drag.onPointerUp}
            onPointerCancel={drag.onPointerCancel}
            onPointerOver={showTooltip}
            data-testid="board-bars"
          >
            {rowsInView.map((lineId) => (
              <div
                key={lineId}
                className="board__row"
                style={{ top: lineIds.indexOf(lineId) * ROW_HEIGHT, height: ROW_HEIGHT }}
                data-row-line={lineId}
              />
            ))}
            {closed.map((c) => (
              <div
                key={c.key}
                className={`board__closed board__closed--${c.kind}`}
                style={{
                  left: timeToX(c.start, origin, zoom),
                  width: timeToX(c.end, origin, zoom) - timeToX(c.start, origin, zoom),
                  top: c.row * ROW_HEIGHT,
                  height: ROW_HEIGHT,
                }}
                title={`${t(`planning.closed.${c.kind}` as never)}${c.note ? `: ${c.note}` : ''}`}
              >
                <span>{t(`planning.closed.${c.kind}` as never)}</span>
              </div>
            ))}
            {now > origin && now < horizon ? (
              <div
                className="board__now"
                style={{ left: timeToX(now, origin, zoom), height }}
                aria-hidden
              />
            ) : null}
            {bars.map((bar) => {
              const batch = model.batches.get(bar.id);
              if (!batch) return null;
              const risk = riskOf(model, batch);
              return (
                <Bar
                  key={bar.id}
                  bar={bar}
                  row={lineIds.indexOf(bar.lineId)}
                  batch={batch}
                  origin={origin}
                  zoom={zoom}
                  selected={selection.has(bar.id)}
                  risk={risk}
                  pending={props.pendingIds.has(bar.id)}
                  draft={props.draftIds.has(bar.id)}
                  orderNumber={
                    batch.orderId
                      ? (model.orders.get(batch.orderId)?.number ?? batch.orderNumber)
                      : undefined
                  }
                  label={barLabel(batch, bar, risk)}
                />
              );
            })}
          </div>
        </div>
      </div>
      <DragPanel store={feedback} />
    </div>
  );
}
