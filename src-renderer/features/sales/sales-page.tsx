import { Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canDo } from '../../../src-shared/permissions';
import { useSession } from '../../auth/use-session';
import { DepartmentPage } from '../../components/department-page';
import { OrdersWorkspace } from '../orders';
import { CustomerEditor } from './customer-editor';
import { ProductEditor } from './product-editor';

/**
 * Sales: re-check reviewed orders and confirm them into the system of record (which gives
 * the sales-order number and asks production, procurement and logistics to sign off), see
 * every order, and keep the catalog and the customer list.
 */
export function SalesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [tab, setTab] = useState('confirm');
  return (
    <DepartmentPage id="sales">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'confirm',
            label: t('orders.sales.toConfirm'),
            children: (
              <>
                <Typography.Paragraph type="secondary">
                  {t('orders.sales.toConfirmHelp')}
                </Typography.Paragraph>
                <OrdersWorkspace fixed={{ states: ['reviewed'] }} />
              </>
            ),
          },
          { key: 'orders', label: t('orders.list.tab'), children: <OrdersWorkspace /> },
          ...(canDo(user.role, 'catalog.edit')
            ? [{ key: 'catalog', label: t('orders.catalog.products'), children: <ProductEditor /> }]
            : []),
          ...(canDo(user.role, 'customer.edit')
            ? [
                {
                  key: 'customers',
                  label: t('orders.catalog.customers'),
                  children: <CustomerEditor />,
                },
              ]
            : []),
        ]}
      />
    </DepartmentPage>
  );
}
