import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DepartmentPage } from '../../components/department-page';
import { OrdersWorkspace } from '../orders';
import { IntakeForm } from './intake-form';

/**
 * The order desk: take orders from every channel, and review them (checks, clarifications
 * with the customer) until they can go to sales. Online orders arrive by themselves and
 * alert every order-desk PC until someone takes them.
 */
export function OrderDeskPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('intake');
  return (
    <DepartmentPage id="order-desk">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'intake', label: t('orders.intake.tab'), children: <IntakeForm /> },
          { key: 'orders', label: t('orders.list.tab'), children: <OrdersWorkspace /> },
        ]}
      />
    </DepartmentPage>
  );
}
