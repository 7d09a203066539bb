import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isTokenExpired } from '../auth/sign-in';
import { useSession } from '../auth/use-session';

/** Tells a user who signed in offline that their work is kept and when it will reach the server. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.mode !== 'offline') return null;
  const expired = isTokenExpired(session);
  return (
    <Alert
      banner
      type={expired ? 'warning' : 'info'}
      showIcon
      role="status"
      data-testid="offline-banner"
      title={t('offline.title')}
      description={
        expired ? `${t('offline.banner')} ${t('offline.tokenExpired')}` : t('offline.banner')
      }
      className="offline-banner"
    />
  );
}
