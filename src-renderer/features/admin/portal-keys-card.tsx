import { Alert, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalKeyInfo } from '../../../src-shared/api/portal';
import { BindPortalKeyDialog } from './bind-portal-key-dialog';
import { CardActions } from './card-actions';
import { CreatePortalKeyDialog } from './create-portal-key-dialog';
import { PortalKeysTable } from './portal-keys-table';
import { useCreatePortalKey } from './use-create-portal-key';
import { usePortalKeys } from './use-portal-keys';

export function PortalKeysCard() {
  const { t } = useTranslation();
  const keys = usePortalKeys();
  const create = useCreatePortalKey(() => void keys.reload());
  const [binding, setBinding] = useState<PortalKeyInfo | null>(null);
  return (
    <Card
      title={t('admin.portalKeys.title')}
      className="admin__card"
      data-testid="portal-keys-card"
      extra={
        <CardActions
          loading={keys.loading}
          onReload={() => void keys.reload()}
          onCreate={create.show}
          createLabel={t('admin.portalKeys.create')}
          createTestId="create-portal-key"
        />
      }
    >
      <Typography.Paragraph type="secondary">
        {t('admin.portalKeys.description')}
      </Typography.Paragraph>
      {keys.loadError ? (
        <Alert
          type="error"
          showIcon
          title={t('admin.portalKeys.loadFailed')}
          description={keys.loadError}
          className="admin__alert"
        />
      ) : null}
      <PortalKeysTable
        keys={keys.keys}
        loading={keys.loading}
        onRevoke={keys.revoke}
        onBind={setBinding}
      />
      <CreatePortalKeyDialog state={create} />
      <BindPortalKeyDialog
        portalKey={binding}
        onBind={keys.bind}
        onClose={() => setBinding(null)}
      />
    </Card>
  );
}
