import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import type { OrderState } from '../../../src-shared/orders/order-state';

const COLORS: Partial<Record<OrderState, string>> = {
  received: 'gold',
  under_review: 'blue',
  needs_clarification: 'orange',
  reviewed: 'cyan',
  sales_confirmed: 'geekblue',
  in_feasibility: 'purple',
  accepted: 'green',
  rejected: 'red',
  cancelled: 'default',
};

export function OrderStateTag({ state }: { state: OrderState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[state] ?? 'default'} data-state={state}>
      {t(`orderStates.${state}`)}
    </Tag>
  );
}

/** The order's number, marked while it is provisional or has a change waiting to sync. */
export function OrderNumber({ order, pending }: { order: OrderRecord; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="order-number" data-testid="order-number">
      <span>{order.number}</span>
      {order.numberProvisional ? (
        <Tooltip title={t('orders.list.provisionalHelp')}>
          <Tag color="orange">{t('orders.list.provisional')}</Tag>
        </Tooltip>
      ) : null}
      {pending ? <Tag color="blue">{t('orders.list.unsynced')}</Tag> : null}
    </span>
  );
}
