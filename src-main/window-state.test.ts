import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fitToDisplays,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  parseWindowState,
  saveWindowStateSync,
  type WindowState,
} from './window-state';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const secondary = { x: 1920, y: 0, width: 1280, height: 984 };
const saved: WindowState = { x: 100, y: 80, width: 1400, height: 900, isMaximized: false };

describe('parseWindowState', () => {
  it('reads a valid file', () => {
    expect(parseWindowState(JSON.stringify(saved))).toEqual(saved);
  });

  it.each([
    ['no file', null],
    ['empty file (power cut mid-write)', ''],
    ['truncated JSON', '{"x": 100, "y": 8'],
    ['not an object', '[1,2,3]'],
    ['missing field', JSON.stringify({ x: 1, y: 2, width: 1400 })],
    ['wrong type', JSON.stringify({ ...saved, width: '1400' })],
    ['fractional', JSON.stringify({ ...saved, x: 1.5 })],
    ['zero size', JSON.stringify({ ...saved, width: 0 })],
    ['absurd coordinate', JSON.stringify({ ...saved, x: 1e9 })],
    ['unknown field', JSON.stringify({ ...saved, evil: true })],
  ])('refuses %s', (_label, text) => {
    expect(parseWindowState(text)).toBeNull();
  });
});

describe('fitToDisplays', () => {
  it('keeps a window that is on a display', () => {
    expect(fitToDisplays(saved, [primary, secondary], primary)).toEqual(saved);
    const onSecond = { ...saved, x: 2000, y: 50, width: 1200, height: 900 };
    expect(fitToDisplays(onSecond, [primary, secondary], primary)).toEqual(onSecond);
  });

  it('centres a window whose monitor was unplugged on the primary display', () => {
    const onGoneMonitor = { ...saved, x: 2000, y: 50, width: 1200 };
    const fitted = fitToDisplays(onGoneMonitor, [primary], primary);
    expect(fitted).toEqual({
      x: (1920 - 1200) / 2,
      y: (1040 - 900) / 2,
      width: 1200,
      height: 900,
      isMaximized: false,
    });
  });

  it('corrects a title bar above the top of the screen, which could not be dragged back', () => {
    const fitted = fitToDisplays({ ...saved, y: -500 }, [primary], primary);
    expect(fitted.y).toBeGreaterThanOrEqual(0);
    expect(fitted.x).toBeGreaterThanOrEqual(0);
  });

  it('corrects a window with only a sliver showing at the edge', () => {
    const fitted = fitToDisplays({ ...saved, x: 1900 }, [primary], primary);
    expect(fitted.x + fitted.width).toBeLessThanOrEqual(1920);
  });

  it('shrinks a window larger than its display but not below the minimum size', () => {
    const huge = { ...saved, x: 0, y: 0, width: 5000, height: 3000 };
    expect(fitToDisplays(huge, [primary], primary)).toMatchObject({ width: 1920, height: 1040 });
    const tiny = { ...saved, width: 200, height: 100 };
    expect(fitToDisplays(tiny, [primary], primary)).toMatchObject({
      width: MIN_WIDTH,
      height: MIN_HEIGHT,
    });
  });

  it('opens centred at a default size when nothing was saved, keeping the maximised flag', () => {
    const fresh = fitToDisplays(null, [primary], primary);
    expect(fresh.isMaximized).toBe(false);
    expect(fresh.x).toBe((1920 - fresh.width) / 2);
    expect(
      fitToDisplays({ ...saved, x: 9000, isMaximized: true }, [primary], primary),
    ).toMatchObject({ isMaximized: true });
  });

  it('respects a primary display that does not start at 0,0', () => {
    const offset = { x: -1280, y: 200, width: 1280, height: 984 };
    const fitted = fitToDisplays(null, [offset], offset);
    expect(fitted.x).toBeGreaterThanOrEqual(-1280);
    expect(fitted.y).toBeGreaterThanOrEqual(200);
  });
});

describe('loadWindowState / saveWindowStateSync (real files in a temp folder)', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'orderline-window-state-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('round-trips and leaves no temporary file behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'window-state.json');
    saveWindowStateSync(file, saved);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(saved);
    expect(await loadWindowState(file)).toEqual(saved);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('treats a missing or corrupt file as no saved state', async () => {
    const dir = tempDir();
    expect(await loadWindowState(join(dir, 'missing.json'))).toBeNull();
    writeFileSync(join(dir, 'bad.json'), '\u0000\u0000');
    expect(await loadWindowState(join(dir, 'bad.json'))).toBeNull();
  });

  it('refuses to save an invalid state', () => {
    const file = join(tempDir(), 'window-state.json');
    expect(() => saveWindowStateSync(file, { ...saved, width: Number.NaN })).toThrow();
  });
});
