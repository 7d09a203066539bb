import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSyncHandle, useSyncStatus } from './use-sync';

/** The sync problems a person must act on: update the app, or sign in again. */
export function SyncBanner() {
  const { t } = useTranslation();
  const handle = useSyncHandle();
  const status = useSyncStatus();
  let text: string | null = null;
  if (handle?.state === 'local-too-new') text = t('sync.alerts.localTooNew');
  else if (status?.outdated) text = t('sync.alerts.outdated');
  else if (status?.error === 'session-expired' || status?.error === 'unauthenticated')
    text = t('sync.alerts.sessionExpired');
  else if (status?.error === 'server-error') text = t('sync.alerts.serverError');
  if (!text) return null;
  return (
    <Alert banner type="warning" showIcon role="alert" data-testid="sync-banner" title={text} />
  );
}
