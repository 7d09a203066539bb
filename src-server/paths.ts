import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root: relative paths in the config (data dir, client build) start here. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

let version: string | undefined;

/** The version of package.json, read once. */
export function packageVersion(): string {
  version ??= (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
  return version;
}
