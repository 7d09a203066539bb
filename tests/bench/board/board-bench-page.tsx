// A .tsx file: tsconfig.node.json (tests/**/*.ts) cannot type the renderer it mounts; vite builds it, eslint checks it.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { DAY, HOUR } from '../../../src-shared/planning/line-calendar';
import { lineResourceOf } from '../../../src-shared/planning/schedule-rules';
import { FeedbackStore } from '../../../src-renderer/features/planning/drag-feedback';
import { ScheduleBoard } from '../../../src-renderer/features/planning/schedule-board';
import { buildModel } from '../../../src-renderer/features/planning/schedule-model';
import { setupI18n } from '../../../src-renderer/i18n/setup';
import '../../../src-renderer/features/planning/planning.css';

/**
 * The browser half of the board benchmark (tests/bench/board-bench.ts): the real ScheduleBoard
 * with its real model code on seeded plans, driven through `window.boardBench` by Playwright.
 */

export const ORIGIN = Date.parse('2026-07-01T00:00:00+08:00');
const FAMILIES = ['18650', '21700', '26650', 'prismatic', 'pack'];

setupI18n('en');

function plan(batches: number, lines: number, days: number) {
  const rawLines = Array.from({ length: lines }, (_, i) => ({
    id: `line-${String(i).padStart(2, '0')}`,
    code: `L${String(i + 1).padStart(2, '0')}`,
    name: { zh: `${i + 1} 号线`, en: `Line ${i + 1}` },
    rates: [{ family: FAMILIES[i % FAMILIES.length], unitsPerHour: 1000 }],
    plannedOee: 0.8,
    shiftsPerDay: 3,
    hoursPerShift: 8,
  }));
  const perLine = Math.ceil(batches / lines);
  // Spread each line's batches over `days` (six months: 8 to 16 hours each, some overlapping).
  const step = (days * DAY) / perLine;
  const records: BatchRecord[] = [];
  for (let i = 0; i < batches; i++) {
    const line = i % lines;
    const k = Math.floor(i / lines);
    const start = ORIGIN + Math.round((k * step) / HOUR) * HOUR + ((i * 7) % 5) * HOUR;
    const end = start + (8 + (i % 9)) * HOUR;
    records.push({
      id: `b-${i}`,
      number: `BT-2026-${String(i + 1).padStart(6, '0')}`,
      numberProvisional: false,
      orderId: `o-${i % 800}`,
      model: `M-${FAMILIES[line % FAMILIES.length]}`,
      quantity: 6000 + (i % 13) * 500,
      lineId: rawLines[line]!.id,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      sequence: 0,
      state: (['planned', 'released', 'running', 'done'] as const)[i % 4]!,
      ...(i % 17 === 0
        ? {
            warnings: [
              { code: 'over-capacity', params: { line: 'L1', with: 'BT-1' }, by: 'u', at: '' },
            ],
          }
        : {}),
    } as BatchRecord);
  }
  const orders = new Map(
    Array.from({ length: 800 }, (_, i) => [
      `o-${i}`,
      {
        id: `o-${i}`,
        number: `SO-2026-${String(i + 1).padStart(6, '0')}`,
        state: 'planned',
        promisedDate: '2026-12-31',
      },
    ]),
  );
  return { rawLines, records, orders };
}

let root: Root | null = null;
const frames: { start: number; work: number }[] = [];
let recording = false;

function frameLoop(): void {
  requestAnimationFrame((start) => {
    if (!recording) return;
    // A message posted from inside the frame runs once the frame's style, layout and paint
    // are done: the time until then is what this frame cost the main thread.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => frames.push({ start, work: performance.now() - start });
    channel.port2.postMessage(null);
    frameLoop();
  });
}

const api = {
  /**
   * Mounts the board on a plan of `batches` batches and resolves when it is interactive: the
   * model built, React committed, and two frames painted.
   */
  async open(
    batches: number,
    lines = 20,
    days = 182,
  ): Promise<{ ms: number; modelMs: number; barsInDom: number }> {
    const { rawLines, records, orders } = plan(batches, lines, days);
    root?.unmount();
    const container = document.getElementById('root')!;
    container.innerHTML = '';
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t0 = performance.now();
    const model = buildModel({
      lines: rawLines.map((l) => lineResourceOf(l)),
      lineLabels: new Map(rawLines.map((l) => [l.id, `${l.code} · ${l.name.en}`])),
      batches: records,
      orders,
      familyOf: new Map(FAMILIES.map((f) => [`M-${f}`, f])),
      materialReadyAt: new Map(),
    });
    const modelMs = performance.now() - t0;
    root = createRoot(container);
    flushSync(() =>
      root!.render(
        createElement(ScheduleBoard, {
          model,
          zoom: 'shift',
          origin: ORIGIN - 7 * DAY,
          horizon: ORIGIN + 190 * DAY,
          selection: new Set<string>(),
          pendingIds: new Set<string>(),
          draftIds: new Set<string>(),
          feedback: new FeedbackStore(),
          onSelect: () => undefined,
          onCommit: () => undefined,
          onUndo: () => undefined,
          onRedo: () => undefined,
          scrollTo: ORIGIN - DAY,
        }),
      ),
    );
    // The first paint, then the render after the board measured its viewport.
    await new Promise((r) =>
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))),
    );
    const ms = performance.now() - t0;
    return {
      ms,
      modelMs,
      barsInDom: document.querySelectorAll('[data-testid="board-bar"]').length,
    };
  },
  startFrames(): void {
    frames.length = 0;
    recording = true;
    frameLoop();
  },
  stopFrames(): { start: number; work: number }[] {
    recording = false;
    return [...frames];
  },
};

(globalThis as unknown as { boardBench: typeof api }).boardBench = api;
