import { Alert, Button, Card, Form, InputNumber, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import type { CartonRecord } from '../../../src-shared/warehouse/shipment-record';
import { usePackCartons } from './use-pack-cartons';
import { usePrintLabel } from './use-print-label';

/** Packs a released batch into numbered cartons; each carton's label can be printed or saved. */
export function PackForm({
  batches,
  cartons,
  suggestions,
}: {
  batches: BatchRecord[];
  cartons: CartonRecord[];
  suggestions: Record<string, { perCarton: number; cartons: number }>;
}) {
  const [form] = Form.useForm();
  const { t } = useTranslation();
  const pack = usePackCartons();
  const print = usePrintLabel();
  const [result, setResult] = useState<{
    ok: boolean;
    key: string;
    values: Record<string, string | number>;
  } | null>(null);
  return (
    <Card size="small" title={t('warehouse.pack.title')}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ cartons: 1 }}
        onValuesChange={(changed: { batchId?: string }) => {
          const suggested = changed.batchId ? suggestions[changed.batchId] : undefined;
          if (suggested) form.setFieldsValue(suggested);
        }}
        onFinish={async (v: { batchId: string; perCarton: number; cartons: number }) => {
          const batch = batches.find((b) => b.id === v.batchId);
          if (batch) setResult(await pack(batch, v.perCarton, v.cartons));
        }}
      >
        <Form.Item name="batchId" label={t('warehouse.pack.batch')} rules={[{ required: true }]}>
          <Select
            style={{ minWidth: 260 }}
            data-testid="pack-batch"
            notFoundContent={t('warehouse.pack.none')}
            options={batches.map((b) => ({
              value: b.id,
              label: `${b.number} · ${b.model} · ${b.quantity}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="perCarton"
          label={t('warehouse.pack.perCarton')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} data-testid="pack-per-carton" />
        </Form.Item>
        <Form.Item name="cartons" label={t('warehouse.pack.cartons')} rules={[{ required: true }]}>
          <InputNumber min={1} max={500} data-testid="pack-cartons" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="pack-submit">
          {t('warehouse.pack.submit')}
        </Button>
      </Form>
      {result ? (
        <Alert
          style={{ marginTop: 8 }}
          type={result.ok ? 'success' : 'error'}
          data-testid="pack-result"
          message={t(result.key as 'warehouse.pack.packed', result.values)}
        />
      ) : null}
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        data-testid="carton-list"
        title={() => t('warehouse.pack.cartonList')}
        dataSource={cartons}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('warehouse.label.carton'), dataIndex: 'code' },
          { title: t('warehouse.label.model'), dataIndex: 'model' },
          { title: t('warehouse.label.quantity'), dataIndex: 'quantity' },
          { title: t('warehouse.label.batch'), dataIndex: 'batchNumber' },
          {
            title: '',
            key: 'label',
            render: (_: unknown, carton: CartonRecord) => (
              <Button size="small" onClick={() => void print(carton)} data-testid="carton-label">
                {t('warehouse.pack.label')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
