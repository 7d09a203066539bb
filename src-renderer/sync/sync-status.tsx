import { CloudOutlined, DisconnectOutlined, SyncOutlined } from '@ant-design/icons';
import { Badge, Button, Progress, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../components/use-online';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { NoticesDrawer, useUnreadNotices } from './notices-drawer';
import { RejectionsInbox } from './rejections-inbox';
import { useSyncActions, useSyncStatus } from './use-sync';

/**
 * Always in the top bar: online or offline, how many changes wait, when the last sync was,
 * progress while a large pull runs, and the way into refused changes and notices.
 */
export function SyncStatus() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const browserOnline = useOnline();
  const status = useSyncStatus();
  const { syncNow } = useSyncActions();
  const unread = useUnreadNotices();
  const [open, setOpen] = useState<'rejections' | 'notices' | null>(null);

  const online = browserOnline && status?.error !== 'network-error';
  const pending = status?.pending ?? 0;
  const detail = status?.lastSyncAt
    ? t('sync.lastSync', { time: formatDateTime(status.lastSyncAt, language) })
    : t('sync.never');

  return (
    <Space size={4} className="sync-status-bar">
      <Tooltip title={detail}>
        <Tag
          role="status"
          data-testid="sync-status"
          color={online ? 'success' : 'warning'}
          icon={online ? <CloudOutlined /> : <DisconnectOutlined />}
          className="sync-status"
        >
          {online ? t('syncStatus.online') : t('syncStatus.offline')}
        </Tag>
      </Tooltip>
      <Tooltip title={t('sync.syncNow')}>
        <Button
          type="text"
          size="small"
          data-testid="sync-pending"
          aria-label={`${t('sync.syncNow')}: ${pending > 0 ? t('sync.pending', { count: pending }) : t('sync.upToDate')}`}
          icon={<SyncOutlined spin={status?.syncing ?? false} />}
          onClick={syncNow}
        >
          {pending > 0 ? t('sync.pending', { count: pending }) : null}
        </Button>
      </Tooltip>
      {status?.progress ? (
        <Tooltip
          title={t('sync.receiving', {
            done: status.progress.done,
            remaining: status.progress.remaining,
          })}
        >
          <Progress
            data-testid="sync-progress"
            type="circle"
            size={22}
            percent={Math.floor(
              (100 * status.progress.done) / (status.progress.done + status.progress.remaining),
            )}
          />
        </Tooltip>
      ) : null}
      {status && status.rejections > 0 ? (
        <Badge count={status.rejections} size="small">
          <Button
            size="small"
            danger
            data-testid="open-rejections"
            onClick={() => setOpen('rejections')}
          >
            {t('sync.rejections.button')}
          </Button>
        </Badge>
      ) : null}
      {unread > 0 ? (
        <Badge count={unread} size="small">
          <Button size="small" data-testid="open-notices" onClick={() => setOpen('notices')}>
            {t('sync.notices.button')}
          </Button>
        </Badge>
      ) : null}
      <RejectionsInbox open={open === 'rejections'} onClose={() => setOpen(null)} />
      <NoticesDrawer open={open === 'notices'} onClose={() => setOpen(null)} />
    </Space>
  );
}
