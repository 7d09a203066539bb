import { Alert, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../../src-shared/orders/review-checks';

const COLOR = { pass: 'green', warn: 'orange', fail: 'red' } as const;

/** The review checks, each with what failed and why, in the reader's language. */
export function ReviewChecksPanel({ checks }: { checks: CheckResult[] }) {
  const { t } = useTranslation();
  return (
    <section className="order-section" data-testid="review-checks">
      <Typography.Title level={5}>{t('orders.detail.checks')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('orders.checks.run')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={checks}
        renderItem={(check) => (
          <List.Item data-check={check.check} data-status={check.status}>
            <div style={{ width: '100%' }}>
              <Tag color={COLOR[check.status]}>{t(`orders.checks.status.${check.status}`)}</Tag>
              <strong>{t(`orders.checks.names.${check.check}`)}</strong>
              {check.findings.map((f, i) => (
                <Alert
                  key={i}
                  style={{ marginTop: 6 }}
                  type={f.severity === 'fail' ? 'error' : 'warning'}
                  showIcon
                  data-finding={f.code}
                  title={t(`orders.checks.findings.${f.code}`, f.params)}
                />
              ))}
            </div>
          </List.Item>
        )}
      />
    </section>
  );
}
