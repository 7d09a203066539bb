import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { DepartmentPage } from '../../components/department-page';
import { AuditCard } from './audit-card';
import { CardActions } from './card-actions';
import { CreateUserDialog } from './create-user-dialog';
import { PortalKeysCard } from './portal-keys-card';
import { ResetPasswordDialog } from './reset-password-dialog';
import { useAdminUsers } from './use-admin-users';
import { useCreateUserForm } from './use-create-user-form';
import { useResetPassword } from './use-reset-password';
import { UsersTable } from './users-table';

export function AdminPage() {
  const { t } = useTranslation();
  const users = useAdminUsers();
  const create = useCreateUserForm(users.upsert);
  const reset = useResetPassword();

  return (
    <DepartmentPage id="admin">
      <Card
        title={t('admin.users.title')}
        className="admin__card"
        extra={
          <CardActions
            loading={users.loading}
            onReload={() => void users.reload()}
            onCreate={create.show}
            createLabel={t('admin.users.create')}
            createTestId="create-user"
          />
        }
      >
        {users.loadError ? (
          <Alert
            type="error"
            showIcon
            title={t('admin.users.loadFailed')}
            description={users.loadError}
            className="admin__alert"
          />
        ) : null}
        <UsersTable
          users={users.users}
          loading={users.loading}
          selfId={users.selfId}
          onToggleDisabled={users.toggleDisabled}
          onResetPassword={reset.start}
        />
      </Card>
      <PortalKeysCard />
      <AuditCard />
      <CreateUserDialog state={create} />
      <ResetPasswordDialog state={reset} />
    </DepartmentPage>
  );
}
