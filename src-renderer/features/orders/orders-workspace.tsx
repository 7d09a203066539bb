import { useState } from 'react';
import type { OrderFilter } from './order-query';
import { OrderDetailDrawer } from './order-detail';
import { OrderList } from './order-list';
import { useOrderList } from './use-order-list';

/** The order list with the order drawer, as every order screen shows it. */
export function OrdersWorkspace({ fixed }: { fixed?: Partial<OrderFilter> }) {
  const list = useOrderList(fixed);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      <OrderList
        state={list}
        onOpen={(o) => setOpenId(o.id)}
        fixedStates={fixed?.states !== undefined}
      />
      <OrderDetailDrawer orderId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
