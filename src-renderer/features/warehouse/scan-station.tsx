import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  List,
  Progress,
  Select,
  Space,
  Typography,
  type InputRef,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { carriersFor, checkTrackingNumber } from '../../../src-shared/warehouse/carrier';
import { checkComplete } from '../../../src-shared/warehouse/scan-check';
import type { ShipmentRecord } from '../../../src-shared/warehouse/shipment-record';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';
import { usePrintShipmentDocument } from './use-print-label';
import { carrierRefusalField } from './carrier-refusal';
import { useCarriers, useCreditHold } from './use-carriers';
import { useScanStation } from './use-scan-station';

/**
 * The scanner-first station: the scan field keeps the focus (a scanner types and presses
 * Enter), every scan is answered at once with a sound and a message, and the shipment can be
 * confirmed only when what was scanned is exactly what is to ship.
 */
export function ScanStation({ shipment }: { shipment: ShipmentRecord }) {
  const { t } = useTranslation();
  const input = useRef<InputRef>(null);
  const [value, setValue] = useState('');
  const { log, scan } = useScanStation(shipment.id);
  const complete = checkComplete(shipment.lines).ok;
  const printDocument = usePrintShipmentDocument();
  const hold = useCreditHold(shipment.state === 'open' ? shipment.customerId : undefined);

  useEffect(() => input.current?.focus(), [shipment.id]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {hold.held ? (
        <Alert
          type="error"
          showIcon
          data-testid="credit-hold-warning"
          message={t('warehouse.confirmChecks.creditHold', { customer: hold.customer ?? '' })}
          description={t('warehouse.confirmChecks.creditHoldHint')}
        />
      ) : null}
      <Card size="small" title={`${shipment.number} · ${shipment.orderNumber ?? ''}`}>
        <Typography.Text strong>{t('warehouse.scan.input')}</Typography.Text>
        <Input
          ref={input}
          size="large"
          autoFocus
          data-testid="scan-input"
          aria-label={t('warehouse.scan.input')}
          placeholder={t('warehouse.scan.placeholder')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onPressEnter={() => {
            const code = value;
            setValue('');
            void scan(code);
          }}
          onBlur={(e) => {
            // Keep the scanner's target unless the user went to another field on purpose.
            const to = e.relatedTarget as HTMLElement | null;
            if (!to || !['INPUT', 'TEXTAREA', 'SELECT'].includes(to.tagName)) {
              setTimeout(() => input.current?.focus(), 0);
            }
          }}
        />
        <List
          size="small"
          data-testid="scan-log"
          dataSource={log.slice(0, 8)}
          renderItem={(entry) => (
            <List.Item data-ok={entry.ok ? 'yes' : 'no'} data-code={entry.code}>
              <Alert
                style={{ width: '100%' }}
                type={entry.ok ? 'success' : 'error'}
                showIcon
                message={t(entry.message.key as 'warehouse.scan.ok', entry.message.values)}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('warehouse.scan.lines')}>
        <List
          size="small"
          data-testid="shipment-lines"
          dataSource={shipment.lines}
          renderItem={(line) => (
            <List.Item
              data-model={line.model}
              data-scanned={line.scanned}
              data-quantity={line.quantity}
            >
              <Space style={{ width: '100%' }}>
                <Typography.Text strong>{line.model}</Typography.Text>
                <Typography.Text>
                  {t('warehouse.scan.scanned', { scanned: line.scanned, quantity: line.quantity })}
                </Typography.Text>
                <Progress
                  style={{ width: 200 }}
                  percent={Math.round((100 * line.scanned) / line.quantity)}
                  status={line.scanned === line.quantity ? 'success' : 'active'}
                />
              </Space>
            </List.Item>
          )}
        />
        <Typography.Text type={complete ? 'success' : 'warning'} data-testid="scan-status">
          {complete ? t('warehouse.scan.complete') : t('warehouse.scan.incomplete')}
        </Typography.Text>
      </Card>
      <ConfirmForm
        shipment={shipment}
        blocked={hold.held ? 'credit-hold' : complete ? undefined : 'incomplete'}
      />
      <Space>
        <Button
          onClick={() => void printDocument(shipment, 'packing-list')}
          data-testid="print-packing-list"
        >
          {t('warehouse.documents.packingList')}
        </Button>
        <Button
          onClick={() => void printDocument(shipment, 'delivery-note')}
          data-testid="print-delivery-note"
        >
          {t('warehouse.documents.deliveryNote')}
        </Button>
      </Space>
    </Space>
  );
}

/**
 * Carrier and tracking number. The carrier is picked from the list (a name is typed only
 * through the plant's active "other carrier" entry); the number is checked against the
 * carrier's pattern as it is typed (the server checks it again); a refusal is shown next to
 * the field it is about; the button says why it cannot be pressed yet.
 */
function ConfirmForm({
  shipment,
  blocked,
}: {
  shipment: ShipmentRecord;
  blocked: 'incomplete' | 'credit-hold' | undefined;
}) {
  const { t } = useTranslation();
  const mutate = useMutate();
  const [form] = Form.useForm<{ carrierId?: string; carrier?: string; trackingNumber: string }>();
  const carriers = useCarriers();
  const chosen = carriers.find((c) => c.id === shipment.carrierId);
  const offered = carriersFor(carriers, shipment.mode);
  // The carrier picked when the shipment was opened stays a choice even if since deactivated.
  const options = chosen && !offered.includes(chosen) ? [chosen, ...offered] : offered;
  const carrierId = Form.useWatch('carrierId', form);
  const carrier = carriers.find((c) => c.id === carrierId);
  const typed = carrier?.freeText === true;
  // The name typed when the shipment was opened, if it went with one typed by hand.
  const typedAtOpening = shipment.carrierFreeText ? shipment.carrier : undefined;
  // The carrier list arrives from the local store after the form is drawn.
  useEffect(() => {
    if (chosen && !form.getFieldValue('carrierId')) {
      form.setFieldsValue({
        carrierId: chosen.id,
        ...(typedAtOpening ? { carrier: typedAtOpening } : {}),
      });
    }
  }, [chosen, form, typedAtOpening]);
  const [message, setMessage] = useState<{
    ok: boolean;
    key: string;
    values: Record<string, string | number>;
  } | null>(null);
  return (
    <Card size="small">
      <Form
        form={form}
        layout="inline"
        initialValues={
          chosen
            ? { carrierId: chosen.id, ...(typedAtOpening ? { carrier: typedAtOpening } : {}) }
            : {}
        }
        onFinish={async (values) => {
          if (!carrier) return;
          const outcome = await mutate('shipment.confirm', {
            shipmentId: shipment.id,
            carrier: typed ? (values.carrier ?? '').trim() : carrier.name,
            carrierId: carrier.id,
            trackingNumber: values.trackingNumber,
          });
          if (outcome.ok) {
            setMessage({
              ok: true,
              key: 'warehouse.confirm.done',
              values: { number: shipment.number },
            });
            return;
          }
          const phrase = describeRefusal(outcome.error, outcome.params, (s) =>
            t(`orderStates.${s}` as 'orderStates.shipped'),
          );
          const field = carrierRefusalField(outcome.error, outcome.params, typed);
          if (field) {
            setMessage(null);
            form.setFields([
              { name: field, errors: [t(phrase.key as 'warehouse.confirm.done', phrase.values)] },
            ]);
          } else setMessage({ ok: false, ...phrase });
        }}
      >
        {/* Picked from the list only: a carrier typed over it would escape its number check. */}
        <Form.Item
          name="carrierId"
          label={t('warehouse.confirm.carrier')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            style={{ minWidth: 200 }}
            data-testid="confirm-carrier"
            showSearch
            optionFilterProp="label"
            notFoundContent={t('warehouse.carriers.noneForMode')}
            options={options.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        {typed ? (
          <Form.Item
            name="carrier"
            label={t('warehouse.confirm.carrierName')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={100} data-testid="confirm-carrier-name" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="trackingNumber"
          label={t('warehouse.confirm.tracking')}
          dependencies={['carrierId']}
          rules={[
            { required: true, message: t('validation.required') },
            {
              validator: async (_rule, value: unknown) => {
                if (typeof value !== 'string' || !value.trim() || !carrier) return;
                if (!checkTrackingNumber(carrier, value).ok) {
                  throw new Error(
                    t('warehouse.confirmChecks.trackingMismatch', { carrier: carrier.name }),
                  );
                }
              },
            },
          ]}
        >
          <Input data-testid="confirm-tracking" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          disabled={blocked !== undefined}
          data-testid="confirm-submit"
          aria-describedby={blocked ? 'confirm-blocked' : undefined}
        >
          {t('warehouse.confirm.submit')}
        </Button>
      </Form>
      {blocked ? (
        <Typography.Text
          type={blocked === 'credit-hold' ? 'danger' : 'secondary'}
          id="confirm-blocked"
          data-testid="confirm-blocked"
          data-reason={blocked}
          style={{ display: 'block', marginTop: 8 }}
        >
          {t(`warehouse.confirmChecks.blocked.${blocked}`)}
        </Typography.Text>
      ) : null}
      {message ? (
        <Alert
          style={{ marginTop: 8 }}
          type={message.ok ? 'success' : 'error'}
          data-testid="confirm-result"
          message={t(message.key as 'warehouse.confirm.done', message.values)}
        />
      ) : null}
    </Card>
  );
}
