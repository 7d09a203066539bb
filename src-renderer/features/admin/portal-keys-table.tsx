import { StopOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { PortalKeyInfo } from '../../../src-shared/api/portal';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { portalKeyState } from './use-portal-keys';

export function PortalKeysTable({
  keys,
  loading,
  onRevoke,
}: {
  keys: PortalKeyInfo[];
  loading: boolean;
  onRevoke: (key: PortalKeyInfo) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const columns: ColumnsType<PortalKeyInfo> = [
    { title: t('admin.portalKeys.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('admin.portalKeys.status'),
      key: 'status',
      render: (_v, key) =>
        portalKeyState(key) === 'revoked' ? (
          <Tag color="default">{t('admin.portalKeys.revoked')}</Tag>
        ) : (
          <Tag color="success">{t('admin.portalKeys.active')}</Tag>
        ),
    },
    {
      title: t('admin.portalKeys.createdAt'),
      key: 'createdAt',
      render: (_v, key) => formatDateTime(key.createdAt, language),
    },
    {
      title: t('admin.portalKeys.lastUsedAt'),
      key: 'lastUsedAt',
      render: (_v, key) =>
        key.lastUsedAt ? formatDateTime(key.lastUsedAt, language) : t('admin.portalKeys.never'),
    },
    {
      title: t('admin.portalKeys.actions'),
      key: 'actions',
      width: 140,
      render: (_v, key) =>
        portalKeyState(key) === 'revoked' ? null : (
          <Popconfirm
            title={t('admin.portalKeys.revokeConfirm', { name: key.name })}
            okText={t('common.yes')}
            cancelText={t('common.no')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onRevoke(key)}
          >
            <Button
              size="small"
              danger
              icon={<StopOutlined />}
              data-testid={`revoke-portal-key-${key.name}`}
            >
              {t('admin.portalKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <Table<PortalKeyInfo>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={keys}
      loading={loading}
      locale={{ emptyText: t('admin.portalKeys.empty') }}
      pagination={keys.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      data-testid="portal-keys-table"
    />
  );
}
