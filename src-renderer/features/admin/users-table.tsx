import { KeyOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../src-shared/api/auth';

export function UsersTable({
  users,
  loading,
  selfId,
  onToggleDisabled,
  onResetPassword,
}: {
  users: User[];
  loading: boolean;
  selfId: string;
  onToggleDisabled: (user: User) => Promise<void>;
  onResetPassword: (user: User) => void;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<User> = [
    { title: t('admin.users.username'), dataIndex: 'username', key: 'username' },
    { title: t('admin.users.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('admin.users.role'),
      dataIndex: 'role',
      key: 'role',
      render: (_v, user) => t(`roles.${user.role}`),
    },
    {
      title: t('admin.users.status'),
      key: 'status',
      render: (_v, user) =>
        user.disabled ? (
          <Tag color="default">{t('admin.users.disabled')}</Tag>
        ) : (
          <Tag color="success">{t('admin.users.active')}</Tag>
        ),
    },
    {
      title: t('admin.users.actions'),
      key: 'actions',
      width: 280,
      render: (_v, user) => {
        const self = user.id === selfId;
        const toggle = (
          <Popconfirm
            title={t(user.disabled ? 'admin.users.enableConfirm' : 'admin.users.disableConfirm', {
              username: user.username,
            })}
            okText={t('common.yes')}
            cancelText={t('common.no')}
            onConfirm={() => onToggleDisabled(user)}
            disabled={self}
          >
            <Button
              size="small"
              icon={user.disabled ? <UnlockOutlined /> : <LockOutlined />}
              disabled={self}
              data-testid={`toggle-disabled-${user.username}`}
            >
              {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
            </Button>
          </Popconfirm>
        );
        return (
          <Space size="small">
            {self ? <Tooltip title={t('errors.cannot-disable-self')}>{toggle}</Tooltip> : toggle}
            <Button
              size="small"
              icon={<KeyOutlined />}
              onClick={() => onResetPassword(user)}
              data-testid={`reset-password-${user.username}`}
            >
              {t('admin.users.resetPassword')}
            </Button>
          </Space>
        );
      },
    },
  ];
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={users.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      data-testid="users-table"
    />
  );
}
