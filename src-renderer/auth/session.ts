import { apiFetch } from '../api/http';
import { getAppInfo } from '../api/app-info';
import { metaDb } from '../db/meta-db';
import { SessionStore } from './session-store';

/** How this PC introduces itself in the server's device list; a setting overrides it. */
export async function deviceName(): Promise<string> {
  const saved = await metaDb()
    .getSetting('deviceName')
    .catch(() => undefined);
  if (saved) return saved;
  const info = await getAppInfo();
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  const platform = nav.userAgentData?.platform || navigator.platform || info.platform;
  return `${info.mode === 'desktop' ? 'OrderLine desktop' : 'Browser'} (${platform})`;
}

/** The app's one session; the sync engine attaches with `sessionStore.onSignedIn(...)`. */
export const sessionStore = new SessionStore({
  api: apiFetch,
  db: metaDb(),
  deviceName,
  warn: (message, error) => console.warn(message, error),
});
