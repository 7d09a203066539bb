import { StopOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
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
  onBind,
}: {
  keys: PortalKeyInfo[];
  loading: boolean;
  onRevoke: (key: PortalKeyInfo) => Promise<void>;
  /** Opens the choice of the customers the key orders for. */
  onBind: (key: PortalKeyInfo) => void;
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
      title: t('admin.portalKeys.customers'),
      key: 'customers',
      render: (_v, key) =>
        key.customers.length > 0 ? (
          <span data-testid={`portal-key-customers-${key.name}`}>
            {key.customers.map((code) => (
              <Tag key={code}>{code}</Tag>
            ))}
          </span>
        ) : (
          // A key made before keys were bound: it takes no orders until it is.
          <Tooltip title={t('admin.portalKeys.notBoundHelp')}>
            <Tag color="warning" data-testid={`portal-key-customers-${key.name}`}>
              {t('admin.portalKeys.notBound')}
            </Tag>
          </Tooltip>
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
      width: 240,
      render: (_v, key) =>
        portalKeyState(key) === 'revoked' ? null : (
          <Space>
            <Button
              size="small"
              icon={<TeamOutlined />}
              onClick={() => onBind(key)}
              data-testid={`bind-portal-key-${key.name}`}
            >
              {t('admin.portalKeys.bind')}
            </Button>
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
          </Space>
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
