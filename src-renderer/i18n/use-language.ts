import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { metaDb } from '../db/meta-db';
import { isLanguage, type Language } from './language';

/** The current UI language and a setter that also remembers the choice on this PC. */
export function useLanguage(): { language: Language; setLanguage: (l: Language) => Promise<void> } {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  const setLanguage = useCallback(
    async (next: Language) => {
      await i18n.changeLanguage(next);
      try {
        await metaDb().setSetting('language', next);
      } catch (e) {
        // The UI has switched already; not remembering it is a nuisance, not a failure.
        console.warn('could not save the language choice', e);
      }
    },
    [i18n],
  );
  return { language, setLanguage };
}
