import type { StoredRecord } from '../../src-shared/sync/mutation';
import { trackingLink, type CarrierRecord } from '../../src-shared/warehouse/carrier';
import type { ShipmentRecord } from '../../src-shared/warehouse/shipment-record';

/**
 * The customer's shipment notice, in Chinese and English in one mail: the server does not
 * know which language the customer reads, and a customer abroad forwards it as it is.
 */
export function shipmentNotice(
  shipment: ShipmentRecord,
  order: StoredRecord | null,
  customer: StoredRecord | null,
  carrier: CarrierRecord | null = null,
): { subject: string; text: string } {
  const link = shipment.trackingNumber
    ? trackingLink(carrier ?? undefined, shipment.trackingNumber)
    : undefined;
  const orderNumber = shipment.orderNumber ?? (order?.number as string | undefined) ?? '';
  const customerRef = order?.customerRef as string | undefined;
  const name = customer?.name as { zh?: string; en?: string } | undefined;
  const lines = shipment.lines.map(
    (l) => `  ${l.model}${l.spec ? ` (${l.spec})` : ''}: ${l.quantity}`,
  );
  const subject = `发货通知 Shipment notice ${shipment.number} — ${orderNumber} — ${shipment.trackingNumber ?? ''}`;
  const text = [
    `${name?.zh ?? ''} 您好，`,
    `您的订单 ${orderNumber}${customerRef ? `（贵方编号 ${customerRef}）` : ''} 已发货。`,
    `发货单：${shipment.number}`,
    `承运商：${shipment.carrier ?? ''}`,
    `运单号：${shipment.trackingNumber ?? ''}`,
    ...(link ? [`跟踪：${link}`] : []),
    '',
    `Dear ${name?.en ?? 'customer'},`,
    `your order ${orderNumber}${customerRef ? ` (your reference ${customerRef})` : ''} has shipped.`,
    `Shipment: ${shipment.number}`,
    `Carrier: ${shipment.carrier ?? ''}`,
    `Tracking number: ${shipment.trackingNumber ?? ''}`,
    ...(link ? [`Track it: ${link}`] : []),
    '',
    'Contents / 货物:',
    ...lines,
  ].join('\n');
  return { subject, text };
}
