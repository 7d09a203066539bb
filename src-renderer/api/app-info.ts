import type { AppInfo } from '../../src-shared/ipc-api';
import { getDesktopApi } from '../platform/desktop-api';

/**
 * App facts from the desktop shell (or its browser fallback), asked once: they do not change
 * while the renderer runs. If the shell cannot answer, the page's own origin and the
 * browser's language stand in, which is exactly right in web mode.
 */
let cached: Promise<AppInfo> | undefined;

function browserFallback(): AppInfo {
  return {
    name: 'OrderLine',
    version: 'unknown',
    mode: 'web',
    serverUrl: globalThis.location?.origin ?? '',
    systemLocale: globalThis.navigator?.language ?? 'en',
    platform: globalThis.navigator?.platform ?? 'unknown',
  };
}

export function getAppInfo(): Promise<AppInfo> {
  cached ??= getDesktopApi()
    .getAppInfo()
    .then((r) => (r.ok ? r.value : browserFallback()))
    .catch(() => browserFallback());
  return cached;
}

export async function serverUrl(): Promise<string> {
  const info = await getAppInfo();
  return (info.serverUrl || browserFallback().serverUrl).replace(/\/+$/, '');
}
