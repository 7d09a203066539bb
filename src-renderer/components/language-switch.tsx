import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n/language';
import { useLanguage } from '../i18n/use-language';

/** 中文 / English, each written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={language}
      onChange={(value) => void setLanguage(value)}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
    />
  );
}
