import { Alert, Button, Card, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { serialProblems, splitSerials } from '../../../src-shared/warehouse/serials';
import type { CartonRecord } from '../../../src-shared/warehouse/shipment-record';
import { useLanguage } from '../../i18n/use-language';
import { usePackCartons } from './use-pack-cartons';
import { usePrintLabel } from './use-print-label';
import type { PackSuggestion } from './use-warehouse-data';

interface PackValues {
  batchId: string;
  perCarton: number;
  cartons: number;
  /** Scanned serial numbers, one per line. */
  serials?: string;
}

/** Packs a released batch into numbered cartons; each carton's label can be printed or saved. */
export function PackForm({
  batches,
  cartons,
  suggestions,
}: {
  batches: BatchRecord[];
  cartons: CartonRecord[];
  suggestions: Record<string, PackSuggestion>;
}) {
  const [form] = Form.useForm<PackValues>();
  const { t } = useTranslation();
  const { language } = useLanguage();
  const batchId = Form.useWatch('batchId', form);
  const perCarton = Form.useWatch('perCarton', form) ?? 0;
  const cartonCount = Form.useWatch('cartons', form) ?? 0;
  const serialText = Form.useWatch('serials', form);
  const packing = batchId ? suggestions[batchId] : undefined;
  const needed = perCarton * cartonCount;
  const scanned = splitSerials(serialText);
  const suggestedPer = packing?.perCarton;
  const suggestedCartons = packing?.cartons;
  // Prefilled when a batch is chosen, and again when the spec that applies to it changes
  // (saved on the specs tab meanwhile); a count typed by hand stays until then.
  useEffect(() => {
    if (suggestedPer) form.setFieldsValue({ perCarton: suggestedPer, cartons: suggestedCartons });
  }, [batchId, form, suggestedPer, suggestedCartons, packing?.spec?.id]);
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
        onFinish={async (v: PackValues) => {
          const batch = batches.find((b) => b.id === v.batchId);
          if (!batch) return;
          const info = suggestions[batch.id];
          const serials = info?.serialized ? splitSerials(v.serials) : undefined;
          const outcome = await pack(batch, v.perCarton, v.cartons, {
            ...(info?.productId ? { productId: info.productId } : {}),
            ...(info?.spec ? { packingSpecId: info.spec.id } : {}),
            ...(serials ? { serials } : {}),
          });
          setResult(outcome);
          if (serials) {
            const rest = serials.slice(outcome.packed * v.perCarton);
            form.setFieldValue('serials', rest.length ? `${rest.join('\n')}\n` : undefined);
          }
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
        <Form.Item
          name="cartons"
          label={t('warehouse.pack.cartons')}
          dependencies={['perCarton', 'batchId']}
          rules={[
            { required: true },
            {
              // What this PC knows was made and packed; the server counts again.
              validator: async (_rule, value?: number) => {
                const left = packing?.packable;
                const want = (form.getFieldValue('perCarton') ?? 0) * (value ?? 0);
                if (left && want > left.left) {
                  throw new Error(t('warehouse.pack.overOutput', { ...left }));
                }
              },
            },
          ]}
        >
          <InputNumber min={1} max={500} data-testid="pack-cartons" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="pack-submit">
          {t('warehouse.pack.submit')}
        </Button>
        {packing?.serialized ? (
          <Form.Item
            name="serials"
            label={t('warehouse.specs.serials')}
            style={{ width: '100%', marginTop: 8 }}
            extra={
              <span data-testid="pack-serial-count" data-count={scanned.length}>
                {t('warehouse.specs.serialCount', { count: scanned.length, needed })}
                {' · '}
                {t('warehouse.specs.serialsHelp', { needed, cartons: cartonCount, perCarton })}
              </span>
            }
            rules={[
              {
                // Flagged while scanning: a label read twice is the usual slip.
                validator: async (_rule, value?: string) => {
                  const twice = serialProblems(splitSerials(value), 0).duplicates;
                  if (twice.length) {
                    throw new Error(
                      t('warehouse.specs.serialDuplicates', { serials: twice.join(', ') }),
                    );
                  }
                },
              },
              {
                // Only on submit: while scanning, fewer than needed is expected.
                validateTrigger: [],
                validator: async (_rule, value?: string) => {
                  const count = splitSerials(value).length;
                  const v = form.getFieldsValue(['perCarton', 'cartons']);
                  const want = (v.perCarton ?? 0) * (v.cartons ?? 0);
                  if (count !== want) {
                    throw new Error(t('warehouse.specs.serialCount', { count, needed: want }));
                  }
                },
              },
            ]}
          >
            <Input.TextArea
              rows={4}
              spellCheck={false}
              style={{ fontFamily: 'monospace', maxWidth: 420 }}
              data-testid="pack-serials"
            />
          </Form.Item>
        ) : null}
      </Form>
      {packing ? (
        <div
          style={{ marginTop: 8 }}
          data-testid="pack-left"
          data-left={packing.packable.left}
          data-done={packing.done ? 'yes' : 'no'}
        >
          {packing.done
            ? t('warehouse.pack.left', { ...packing.packable })
            : t('warehouse.pack.notDone')}
          {packing.done && packing.nextOrderNumber && packing.packable.left > 0 ? (
            <>
              {' · '}
              {t('warehouse.pack.leftForOrder', {
                order: packing.nextOrderNumber,
                count: packing.packable.leftForOrder,
              })}
            </>
          ) : null}
        </div>
      ) : null}
      {packing ? (
        <div style={{ marginTop: 8 }} data-testid="pack-spec" data-spec-id={packing.spec?.id ?? ''}>
          {t('warehouse.specs.applies')}:{' '}
          {packing.spec
            ? packing.stored
              ? t('warehouse.specs.stored', { id: packing.spec.id })
              : t('warehouse.specs.factoryDefault', { format: packing.spec.format ?? '' })
            : t('warehouse.specs.noSpec')}
          {packing.spec ? (
            <>
              {' · '}
              {t('warehouse.specs.unitsPerCarton')} {packing.spec.unitsPerCarton}
              {' · '}
              {t('warehouse.specs.cartonsPerPallet')} {packing.spec.cartonsPerPallet}{' '}
              {packing.spec.materials.map((m, i) => (
                <Tag key={i} color={m.recyclable ? 'green' : undefined}>
                  {`${m.recyclable ? '♻ ' : ''}${language === 'zh-CN' ? m.name.zh : m.name.en}`}
                </Tag>
              ))}
            </>
          ) : null}
        </div>
      ) : null}
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
