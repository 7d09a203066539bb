import { Card, Empty, Select, Space, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { canDo } from '../../../src-shared/permissions';
import { useSession } from '../../auth/use-session';
import { DepartmentPage } from '../../components/department-page';
import { useDraft } from '../../components/use-draft';
import { FeasibilityQueue, OrdersWorkspace } from '../orders';
import { CarrierEditor } from './carrier-editor';
import { MailOutbox } from './mail-outbox';
import { PackForm } from './pack-form';
import { PackingSpecEditor } from './packing-spec-editor';
import { PalletForm } from './pallet-form';
import { ScanStation } from './scan-station';
import { ShipmentForm } from './shipment-form';
import { useWarehouseData } from './use-warehouse-data';

/**
 * Warehouse and logistics: pack released batches into labelled cartons, open shipments for
 * orders, verify each by scanning (scanner first, offline), confirm with carrier and tracking
 * number; and the logistics sign-off of confirmed orders.
 */
export function WarehousePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const data = useWarehouseData();
  const selected = useDraft<string | null>('warehouse/shipment', null);
  const tab = useDraft<string>('warehouse/tab', 'scan');
  const shipment = data.shipments.find((s) => s.id === selected.value);
  // The one just confirmed stays selectable, so its documents can still be printed.
  const open = data.shipments.filter((s) => s.state === 'open' || s.id === shipment?.id);
  const mayShip = canDo(user.role, 'shipment.create');

  const scan = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {mayShip ? <ShipmentForm orders={data.orders} onCreated={(id) => selected.set(id)} /> : null}
      <Card size="small" title={t('warehouse.shipment.open')}>
        <Select
          style={{ minWidth: 320 }}
          data-testid="shipment-select"
          placeholder={t('warehouse.shipment.select')}
          value={shipment?.id ?? null}
          onChange={(id: string) => selected.set(id)}
          notFoundContent={t('warehouse.shipment.none')}
          options={open.map((s) => ({
            value: s.id,
            label: `${s.number}${s.numberProvisional ? ` (${t('warehouse.provisional')})` : ''} · ${s.orderNumber ?? ''} · ${t(`warehouse.modes.${s.mode}`)}`,
          }))}
        />
        {shipment ? (
          <Tag
            style={{ marginLeft: 8 }}
            data-testid="shipment-state"
            color={shipment.state === 'open' ? 'blue' : 'green'}
          >
            {t(`warehouse.states.${shipment.state}`)}
          </Tag>
        ) : null}
      </Card>
      {shipment ? (
        <ScanStation shipment={shipment} />
      ) : (
        <Empty description={t('warehouse.shipment.none')} />
      )}
    </Space>
  );

  return (
    <DepartmentPage id="warehouse">
      <Tabs
        activeKey={tab.value}
        onChange={(k) => tab.set(k)}
        items={[
          { key: 'scan', label: t('warehouse.tabs.scan'), children: scan },
          {
            key: 'pack',
            label: t('warehouse.tabs.pack'),
            children: (
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <PackForm
                  batches={data.releasedBatches}
                  cartons={data.cartons}
                  suggestions={data.suggestions}
                />
                {mayShip ? <PalletForm /> : null}
              </Space>
            ),
          },
          ...(canDo(user.role, 'packing.edit')
            ? [{ key: 'specs', label: t('warehouse.specs.tab'), children: <PackingSpecEditor /> }]
            : []),
          ...(mayShip
            ? [
                {
                  key: 'deliver',
                  label: t('orders.actions.toDeliver'),
                  // Shipped orders, where logistics records the delivery (order.deliver).
                  children: <OrdersWorkspace fixed={{ states: ['shipped'] }} />,
                },
              ]
            : []),
          {
            key: 'carriers',
            label: t('warehouse.carriers.tab'),
            children: <CarrierEditor editable={canDo(user.role, 'carrier.edit')} />,
          },
          ...(canDo(user.role, 'mail.manage')
            ? [
                {
                  key: 'mail',
                  label: t('warehouse.mail.tab'),
                  // Mounted only while shown: it asks the server every few seconds, which a
                  // scanning PC (often offline) should not do in the background.
                  children: tab.value === 'mail' ? <MailOutbox /> : null,
                },
              ]
            : []),
        ]}
      />
      <FeasibilityQueue />
    </DepartmentPage>
  );
}
