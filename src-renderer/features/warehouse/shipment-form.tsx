import { Alert, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../src-shared/ids';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import { carriersFor } from '../../../src-shared/warehouse/carrier';
import { TRANSPORT_MODES, type TransportMode } from '../../../src-shared/warehouse/dangerous-goods';
import { openQuantities } from '../../../src-shared/warehouse/open-quantities';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';
import { carrierRefusalField } from './carrier-refusal';
import { useCarriers } from './use-carriers';

/**
 * Opens a shipment for an order with everything the order still has open (a partial one is
 * edited later by scanning less). The carrier is picked from the list; a name is typed only
 * through the plant's "other carrier" entry, when it is active (the server refuses it else).
 */
export function ShipmentForm({
  orders,
  onCreated,
}: {
  orders: OrderRecord[];
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const mutate = useMutate();
  const [form] = Form.useForm();
  const mode = (Form.useWatch('mode', form) as TransportMode | undefined) ?? 'road';
  const offered = carriersFor(useCarriers(), mode);
  const carrierId = Form.useWatch('carrierId', form) as string | undefined;
  const typed = offered.find((c) => c.id === carrierId)?.freeText === true;
  const [error, setError] = useState<{
    key: string;
    values: Record<string, string | number>;
  } | null>(null);
  return (
    <Card size="small" title={t('warehouse.shipment.title')}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ mode: 'road' }}
        onValuesChange={(changed: { mode?: TransportMode }) => {
          // A carrier that does not serve the new mode is no longer a choice.
          if (changed.mode) form.setFieldValue('carrierId', undefined);
        }}
        onFinish={async (v: {
          orderId: string;
          mode: TransportMode;
          carrierId?: string;
          carrier?: string;
          plannedDate?: { format(f: string): string };
        }) => {
          const order = orders.find((o) => o.id === v.orderId);
          if (!order) return;
          const id = uuidv7();
          const outcome = await mutate('shipment.create', {
            id,
            orderId: order.id,
            lines: openQuantities(order),
            mode: v.mode,
            ...(v.carrierId ? { carrierId: v.carrierId } : {}),
            ...(typed && v.carrier ? { carrier: v.carrier } : {}),
            ...(v.plannedDate ? { plannedDate: v.plannedDate.format('YYYY-MM-DD') } : {}),
          });
          if (outcome.ok) {
            setError(null);
            onCreated(id);
            return;
          }
          const phrase = describeRefusal(outcome.error, outcome.params, (s) => s);
          const field = carrierRefusalField(outcome.error, outcome.params, typed);
          if (field) {
            setError(null);
            form.setFields([
              { name: field, errors: [t(phrase.key as 'warehouse.pack.none', phrase.values)] },
            ]);
          } else setError(phrase);
        }}
      >
        <Form.Item
          name="orderId"
          label={t('warehouse.shipment.order')}
          rules={[{ required: true }]}
        >
          <Select
            style={{ minWidth: 240 }}
            data-testid="shipment-order"
            showSearch
            optionFilterProp="label"
            options={orders.map((o) => ({
              value: o.id,
              label: `${o.number} · ${o.customerName?.en ?? o.customerCode ?? ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="mode" label={t('warehouse.shipment.mode')}>
          <Select
            style={{ width: 120 }}
            options={TRANSPORT_MODES.map((m) => ({ value: m, label: t(`warehouse.modes.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="carrierId" label={t('warehouse.shipment.carrier')}>
          <Select
            style={{ width: 200 }}
            allowClear
            data-testid="shipment-carrier"
            placeholder={t('warehouse.carriers.later')}
            notFoundContent={t('warehouse.carriers.noneForMode')}
            options={offered.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        {typed ? (
          <Form.Item
            name="carrier"
            label={t('warehouse.shipment.carrierName')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input style={{ width: 200 }} maxLength={100} data-testid="shipment-carrier-name" />
          </Form.Item>
        ) : null}
        <Form.Item name="plannedDate" label={t('warehouse.shipment.plannedDate')}>
          <DatePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="shipment-create">
          {t('warehouse.shipment.create')}
        </Button>
      </Form>
      {error ? (
        <Alert
          type="error"
          style={{ marginTop: 8 }}
          message={t(error.key as 'warehouse.pack.none', error.values)}
        />
      ) : null}
    </Card>
  );
}
