import { Alert, Switch, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { departmentsFor } from '../../../src-shared/orders/feasibility';
import { useSession } from '../../auth/use-session';
import { OrdersWorkspace } from './orders-workspace';
import { usePendingSignOffs } from './use-order-alerts';

const OPEN = ['in_feasibility'] as const;
const WITH_DECIDED = ['in_feasibility', 'accepted', 'rejected'] as const;

/**
 * The feasibility reviewers' queue (production, procurement, logistics): the orders sales
 * confirmed, with how many wait for this department's sign-off; the sign-off form is in the
 * order drawer. Renders nothing for a role that signs for no department.
 */
export function FeasibilityQueue() {
  const { t } = useTranslation();
  const { user } = useSession();
  const pending = usePendingSignOffs(user.role);
  const [decided, setDecided] = useState(false);
  // Screens shared with roles that sign for no department (quality on production) skip it.
  if (departmentsFor(user.role).length === 0) return null;
  return (
    <section data-testid="feasibility-queue">
      <Typography.Title level={4}>{t('orders.feasibility.queue')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('orders.feasibility.queueHelp')}
      </Typography.Paragraph>
      <Space style={{ marginBottom: 8 }}>
        <Alert
          type={pending.length > 0 ? 'info' : 'success'}
          showIcon
          data-testid="feasibility-waiting"
          title={
            pending.length > 0
              ? t('orders.feasibility.waiting', { count: pending.length })
              : t('orders.feasibility.nothing')
          }
        />
        <Switch
          checked={decided}
          onChange={setDecided}
          aria-label={t('orders.feasibility.showDecided')}
        />
        <span>{t('orders.feasibility.showDecided')}</span>
      </Space>
      <OrdersWorkspace
        key={String(decided)}
        fixed={{ states: decided ? [...WITH_DECIDED] : [...OPEN] }}
      />
    </section>
  );
}
