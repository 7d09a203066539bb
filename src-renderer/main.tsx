import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getAppInfo } from './api/app-info';
import { App } from './app';
import { sessionStore } from './auth/session';
import { metaDb } from './db/meta-db';
import { chooseInitialLanguage } from './i18n/language';
import { setupI18n } from './i18n/setup';
import { syncController } from './sync/sync';
import { SyncControllerContext } from './sync/use-sync';
import './styles.css';

/**
 * Decide the language before the first paint, so nobody sees a flash of the wrong one: the
 * saved choice, else the system's, else the browser's.
 */
async function boot(): Promise<void> {
  const [info, saved] = await Promise.all([
    getAppInfo(),
    metaDb()
      .getSetting('language')
      .catch(() => undefined),
  ]);
  setupI18n(
    chooseInitialLanguage({
      saved,
      systemLocale: info.systemLocale,
      browserLanguage: navigator.language,
    }),
  );
  // Before the first render: a sign-in must find the sync engine listening.
  syncController.attach();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(
    <StrictMode>
      <SyncControllerContext.Provider value={syncController}>
        <App sessionStore={sessionStore} />
      </SyncControllerContext.Provider>
    </StrictMode>,
  );
}

void boot();
