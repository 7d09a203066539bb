import { UserOutlined } from '@ant-design/icons';
import { Avatar, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/use-session';

export function UserBadge() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <div
      className="user-badge"
      aria-label={t('shell.user')}
      role="group"
      data-testid="current-user"
    >
      <Avatar size="small" icon={<UserOutlined />} aria-hidden="true" />
      <div className="user-badge__text">
        <Typography.Text strong className="user-badge__name">
          {user.displayName}
        </Typography.Text>
        <Typography.Text type="secondary" className="user-badge__role">
          {t(`roles.${user.role}`)}
        </Typography.Text>
      </div>
    </div>
  );
}
