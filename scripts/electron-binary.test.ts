import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

/** A fake node_modules/electron folder in a temp dir: the real package is never loaded. */
function fakeElectronPackage(options: { pathTxt?: string; binary?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'orderline-electron-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  if (options.pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), options.pathTxt);
  if (options.binary !== undefined) {
    const file = join(dir, 'dist', options.binary);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o755);
  }
  return dir;
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('findElectronBinary', () => {
  it('finds the binary named by path.txt under dist/', () => {
    const dir = fakeElectronPackage({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary({ electronDir: dir, env: {} })).toEqual({
      found: true,
      path: join(dir, 'dist', 'electron'),
    });
  });

  it('finds the macOS app bundle executable', () => {
    const inner = 'Electron.app/Contents/MacOS/Electron';
    const dir = fakeElectronPackage({ pathTxt: inner, binary: inner });
    expect(findElectronBinary({ electronDir: dir, env: {}, platform: 'darwin' })).toMatchObject({
      found: true,
      path: join(dir, 'dist', inner),
    });
  });

  it('explains a never-downloaded binary (no path.txt)', () => {
    const result = findElectronBinary({ electronDir: fakeElectronPackage(), env: {} });
    expect(result).toMatchObject({ found: false, reason: expect.stringContaining('path.txt') });
  });

  it('explains an incomplete download (path.txt but no file)', () => {
    const dir = fakeElectronPackage({ pathTxt: 'electron' });
    const result = findElectronBinary({ electronDir: dir, env: {} });
    expect(result).toMatchObject({
      found: false,
      reason: expect.stringContaining('does not exist'),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const custom = mkdtempSync(join(tmpdir(), 'orderline-electron-dist-'));
    dirs.push(custom);
    writeFileSync(join(custom, 'electron'), '');
    const dir = fakeElectronPackage();
    const env = { ELECTRON_OVERRIDE_DIST_PATH: custom };
    expect(findElectronBinary({ electronDir: dir, env, platform: 'linux' })).toEqual({
      found: true,
      path: join(custom, 'electron'),
    });
    expect(findElectronBinary({ electronDir: dir, env, platform: 'win32' })).toMatchObject({
      found: false,
      reason: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH'),
    });
  });

  it('says when the npm package itself is missing', () => {
    expect(findElectronBinary({ electronDir: join(tmpdir(), 'no-such-dir-xyz'), env: {} })).toEqual(
      {
        found: false,
        reason: expect.stringContaining('npm package is not installed'),
      },
    );
  });

  it('answers for this repository without loading the electron package', () => {
    // Whatever the machine has, it must answer (not download, not throw).
    const result = findElectronBinary();
    expect(typeof result.found).toBe('boolean');
  });
});
