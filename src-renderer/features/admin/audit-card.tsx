import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuditVerify } from './use-audit-verify';

export function AuditCard() {
  const { t } = useTranslation();
  const { verify, running, outcome } = useAuditVerify();
  return (
    <Card title={t('admin.audit.title')} className="admin__card">
      <Typography.Paragraph type="secondary">{t('admin.audit.description')}</Typography.Paragraph>
      <Button
        icon={<SafetyOutlined />}
        onClick={() => void verify()}
        loading={running}
        data-testid="verify-audit"
      >
        {t('admin.audit.verify')}
      </Button>
      {outcome ? (
        <Alert
          className="admin__audit-result"
          role="status"
          showIcon
          type={outcome.kind === 'ok' ? 'success' : 'error'}
          title={outcome.text}
          data-testid="audit-result"
          data-outcome={outcome.kind}
        />
      ) : null}
    </Card>
  );
}
