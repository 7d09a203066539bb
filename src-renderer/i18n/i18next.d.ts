import type { en } from './en';

// Typed keys: a misspelt t('...') key is a compile error, not an English fallback at run time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
