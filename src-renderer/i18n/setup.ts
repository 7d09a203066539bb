import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { dayjsLocaleOf, intlLocaleOf, isLanguage, type Language } from './language';
import { zhCN } from './zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

/**
 * Initialises the one i18next instance synchronously (resources are bundled, nothing to
 * fetch), so the first paint is already in the right language.
 */
export function setupI18n(language: Language): I18n {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['zh-CN', 'en'],
    // React escapes what it renders; escaping here would show &amp; in the UI.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyLanguageSideEffects(language);
  i18next.on('languageChanged', (lng) => {
    if (isLanguage(lng)) applyLanguageSideEffects(lng);
  });
  return i18next;
}

/** Things outside React that follow the language: dayjs (antd pickers) and <html lang>. */
function applyLanguageSideEffects(language: Language): void {
  dayjs.locale(dayjsLocaleOf(language));
  if (typeof document !== 'undefined') document.documentElement.lang = intlLocaleOf(language);
}
