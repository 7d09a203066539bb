import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Finds the Electron executable that `npm install` should have downloaded, without loading
 * the `electron` package: its index.js starts a download when the binary is missing, which on
 * a machine without access to the binary host hangs or fails instead of answering "no".
 * Mirrors the package's own lookup (path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH).
 */

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export interface FindElectronBinaryOptions {
  /** Folder of the electron npm package; resolved from this repository when omitted. */
  electronDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
  platform?: NodeJS.Platform;
}

export function findElectronBinary(options: FindElectronBinaryOptions = {}): ElectronBinary {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const electronDir = options.electronDir ?? locateElectronPackage();
  if (electronDir === null || !existsSync(join(electronDir, 'package.json'))) {
    return { found: false, reason: 'the electron npm package is not installed (run npm install)' };
  }

  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const candidate = join(override, relative ?? defaultExecutable(platform));
    return isFile(candidate)
      ? { found: true, path: candidate }
      : {
          found: false,
          reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${candidate} does not exist`,
        };
  }
  if (relative === null || relative === '') {
    return {
      found: false,
      reason:
        'node_modules/electron/path.txt is missing, so npm install never downloaded the binary',
    };
  }
  const candidate = join(electronDir, 'dist', relative);
  return isFile(candidate)
    ? { found: true, path: candidate }
    : { found: false, reason: `${candidate} does not exist: the Electron download is incomplete` };
}

function locateElectronPackage(): string | null {
  try {
    // Resolving package.json reads no code of the package, so nothing gets downloaded.
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function defaultExecutable(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
