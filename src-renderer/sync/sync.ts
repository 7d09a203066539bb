import { apiFetch } from '../api/http';
import { deviceName, sessionStore } from '../auth/session';
import { registerDevice } from '../auth/sign-in';
import { metaDb } from '../db/meta-db';
import { SyncController } from './sync-controller';

/** The app's one sync controller, bound to the app's one session. */
export const syncController = new SyncController({
  sessions: sessionStore,
  registerDevice: (session) =>
    registerDevice(
      { api: apiFetch, db: metaDb(), deviceName, warn: (m, e) => console.warn(m, e) },
      session,
    ),
});
