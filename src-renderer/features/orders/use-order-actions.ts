import type { MutationArgs, MutationName } from '../../../src-shared/domains';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import { summarize, type CheckResult } from '../../../src-shared/orders/review-checks';
import { useRefusalText } from '../../components/use-refusal-text';
import { useOrderMutate } from './use-order-mutate';

/** The order's own buttons: take, review, send back, confirm, cancel. */
export function useOrderActions(order: OrderRecord | undefined, checks: CheckResult[]) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mutate = useOrderMutate();
  const refusalText = useRefusalText();

  const run = useCallback(
    async <N extends MutationName>(name: N, args: MutationArgs<N>, done: string) => {
      const result = await mutate(name, args);
      if (result.ok) void message.success(done);
      else void message.error(refusalText(result));
      return result.ok;
    },
    [mutate, message, refusalText],
  );

  if (!order) return null;
  const number = { number: order.number };
  return {
    take: () => run('order.take', { orderId: order.id }, t('orders.actions.taken', number)),
    markReviewed: (note?: string) =>
      run(
        'order.review',
        {
          orderId: order.id,
          checks: summarize(checks),
          ...(note?.trim() ? { note: note.trim() } : {}),
        },
        t('orders.actions.reviewed', number),
      ),
    sendBack: () =>
      run('order.transition', { orderId: order.id, to: 'under_review' }, t('orders.actions.done')),
    confirm: () =>
      run('order.confirm', { orderId: order.id }, t('orders.actions.confirmed', number)),
    deliver: (delivery: { deliveredOn: string; receivedBy?: string; note?: string }) =>
      run(
        'order.deliver',
        {
          orderId: order.id,
          deliveredOn: delivery.deliveredOn,
          ...(delivery.receivedBy?.trim() ? { receivedBy: delivery.receivedBy.trim() } : {}),
          ...(delivery.note?.trim() ? { note: delivery.note.trim() } : {}),
        },
        t('orders.actions.delivered', number),
      ),
    close: () => run('order.close', { orderId: order.id }, t('orders.actions.closed', number)),
    cancel: (reason: string) =>
      run(
        'order.transition',
        { orderId: order.id, to: 'cancelled', reason },
        t('orders.actions.cancelled', number),
      ),
  };
}
