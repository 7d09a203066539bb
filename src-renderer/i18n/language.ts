/** The languages the UI speaks. zh-CN first: the factory works in Chinese. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to start in: the user's saved choice wins; otherwise Chinese when the operating
 * system (or, failing that, the browser) speaks any Chinese — zh-TW, zh-Hans-CN, 'zh' — and
 * English for everything else, since English is the only other language we ship.
 */
export function chooseInitialLanguage(input: {
  saved?: unknown;
  systemLocale?: string | undefined;
  browserLanguage?: string | undefined;
}): Language {
  if (isLanguage(input.saved)) return input.saved;
  const locale = input.systemLocale?.trim() || input.browserLanguage?.trim() || '';
  return /^zh\b/i.test(locale) ? 'zh-CN' : 'en';
}

/** dayjs names its locales in lower case without region for English. */
export function dayjsLocaleOf(language: Language): 'zh-cn' | 'en' {
  return language === 'zh-CN' ? 'zh-cn' : 'en';
}

/** The BCP 47 tag Intl and the `lang` attribute get. */
export function intlLocaleOf(language: Language): 'zh-CN' | 'en-US' {
  return language === 'zh-CN' ? 'zh-CN' : 'en-US';
}
