import { describe, expect, it } from 'vitest';
import { chooseInitialLanguage, dayjsLocaleOf, isLanguage } from './language';

describe('chooseInitialLanguage', () => {
  it('keeps a saved choice over the system locale', () => {
    expect(chooseInitialLanguage({ saved: 'en', systemLocale: 'zh-CN' })).toBe('en');
    expect(chooseInitialLanguage({ saved: 'zh-CN', systemLocale: 'en-US' })).toBe('zh-CN');
  });

  it('ignores a saved value that is not a language we ship', () => {
    expect(chooseInitialLanguage({ saved: 'de', systemLocale: 'zh-CN' })).toBe('zh-CN');
    expect(chooseInitialLanguage({ saved: 42, systemLocale: 'en-GB' })).toBe('en');
  });

  it('picks Chinese for any Chinese system locale', () => {
    for (const locale of ['zh-CN', 'zh', 'zh-TW', 'zh-Hans-CN', 'ZH-cn']) {
      expect(chooseInitialLanguage({ systemLocale: locale }), locale).toBe('zh-CN');
    }
  });

  it('picks English for every other locale', () => {
    for (const locale of ['en-US', 'de-DE', 'ja-JP', 'zu', 'zhx']) {
      expect(chooseInitialLanguage({ systemLocale: locale }), locale).toBe('en');
    }
  });

  it('falls back to the browser language when the system locale is unknown', () => {
    expect(chooseInitialLanguage({ systemLocale: '', browserLanguage: 'zh-CN' })).toBe('zh-CN');
    expect(chooseInitialLanguage({ browserLanguage: 'fr-FR' })).toBe('en');
    expect(chooseInitialLanguage({})).toBe('en');
  });

  it('maps to dayjs locale names', () => {
    expect(dayjsLocaleOf('zh-CN')).toBe('zh-cn');
    expect(dayjsLocaleOf('en')).toBe('en');
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('en-US')).toBe(false);
  });
});
