import { CloudOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../components/use-online';

/**
 * Placeholder until the sync engine reports its own state (pending changes, last sync,
 * rejections): for now only whether the browser has a network.
 */
export function SyncStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <Tag
      role="status"
      data-testid="sync-status"
      color={online ? 'success' : 'warning'}
      icon={online ? <CloudOutlined /> : <DisconnectOutlined />}
      className="sync-status"
    >
      {online ? t('syncStatus.online') : t('syncStatus.offline')}
    </Tag>
  );
}
