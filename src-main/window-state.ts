import { randomUUID } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * The main window's size, position and maximised flag, kept in `<userData>/window-state.json`
 * so the window reopens where the operator left it. The file is untrusted input: it may be
 * half-written after a power cut, hand-edited, or from a PC whose second monitor is gone.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  isMaximized: boolean;
}

export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 640;
const DEFAULT_WIDTH = 1366;
const DEFAULT_HEIGHT = 860;

const coordinate = z.number().int().min(-100_000).max(100_000);
const extent = z.number().int().min(1).max(100_000);

export const windowStateSchema = z
  .object({
    x: coordinate,
    y: coordinate,
    width: extent,
    height: extent,
    isMaximized: z.boolean(),
  })
  .strict();

/** The saved state, or null for a missing, malformed or out-of-range file. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = windowStateSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

// How much of the title-bar strip must lie on some display for the operator to grab it.
const TITLE_BAR_HEIGHT = 32;
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 24;

/**
 * Bounds to open the window with on the current displays. A saved window whose title bar is
 * not reachable on any display (monitor unplugged, resolution lowered, hand-edited file) is
 * centred on the primary display instead; sizes are clamped to fit the display they land on.
 *
 * @param workAreas work areas of all displays (screen minus task bars); must not be empty
 * @param primary work area of the primary display
 */
export function fitToDisplays(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  primary: Rect,
): WindowState {
  if (saved !== null) {
    const titleBar: Rect = { ...saved, height: TITLE_BAR_HEIGHT };
    const host = workAreas.find((area) => {
      const overlap = intersect(titleBar, area);
      return overlap.width >= MIN_VISIBLE_WIDTH && overlap.height >= MIN_VISIBLE_HEIGHT;
    });
    if (host !== undefined) {
      return { ...clampSize(saved, host), x: saved.x, y: saved.y, isMaximized: saved.isMaximized };
    }
  }
  const size = clampSize(
    { width: saved?.width ?? DEFAULT_WIDTH, height: saved?.height ?? DEFAULT_HEIGHT },
    primary,
  );
  return {
    ...size,
    x: primary.x + Math.round((primary.width - size.width) / 2),
    y: primary.y + Math.round((primary.height - size.height) / 2),
    isMaximized: saved?.isMaximized ?? false,
  };
}

function clampSize(
  size: { width: number; height: number },
  area: Rect,
): { width: number; height: number } {
  // Never below the app's minimum, never larger than the display (unless the display itself
  // is smaller than the minimum, where the minimum wins and the OS scrolls or clips).
  return {
    width: Math.max(MIN_WIDTH, Math.min(size.width, area.width)),
    height: Math.max(MIN_HEIGHT, Math.min(size.height, area.height)),
  };
}

function intersect(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** Reads the saved state; a missing or unreadable file is simply "no saved state". */
export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    return parseWindowState(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Writes through a temporary file and a rename, so a power cut during the write leaves the
 * previous state rather than a truncated file. Synchronous because it runs from the window's
 * 'close' event, after which the app quits without waiting for pending promises.
 */
export function saveWindowStateSync(file: string, state: WindowState): void {
  const checked = windowStateSchema.parse(state);
  const temp = `${file}.${randomUUID()}.tmp`;
  writeFileSync(temp, JSON.stringify(checked, null, 2), 'utf8');
  renameSync(temp, file);
}
