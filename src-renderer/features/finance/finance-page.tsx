import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { canDo } from '../../../src-shared/permissions';
import { useSession } from '../../auth/use-session';
import { DepartmentPage } from '../../components/department-page';
import { CustomerCredit } from './customer-credit';

/**
 * The finance screen: for now the customers' credit limits and holds, the fields finance
 * owns; invoices and payments arrive with the department's own issues.
 */
export function FinancePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!canDo(user.role, 'credit.hold')) return <DepartmentPage id="finance" />;
  return (
    <DepartmentPage id="finance">
      <Typography.Title level={4}>{t('orders.credit.heading')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('orders.credit.help')}</Typography.Paragraph>
      <CustomerCredit />
    </DepartmentPage>
  );
}
