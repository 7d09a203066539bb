import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Quality · OrderLine" in the window title and task bar, so PCs with several windows tell them apart. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}
