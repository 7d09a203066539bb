import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorDrawer } from '../../components/editor-drawer';
import { customerLabel, FORMATS, type ProductFormat } from '../../../src-shared/orders/catalog';
import {
  DEFAULT_PACKING_SPECS,
  preferRecyclable,
  type PackingMaterial,
} from '../../../src-shared/warehouse/packing-spec';
import {
  packingSpecSchema,
  type PackingSpecInput,
  type PackingSpecRecord,
} from '../../../src-shared/warehouse/packing-spec-mutations';
import { useCatalog } from '../../components/use-catalog';
import { useRecordForm } from '../../components/use-record-form';
import { useLanguage } from '../../i18n/use-language';
import { usePackingSpecs, useRemovePackingSpec } from './use-packing-specs';

interface MaterialRow {
  zh?: string;
  en?: string;
  recyclable?: boolean;
}

interface SpecFormValues {
  model?: string;
  format?: ProductFormat;
  customerId?: string;
  unitsPerCarton?: number | null;
  cartonsPerPallet?: number | null;
  materials?: MaterialRow[];
  note?: string;
  /** Not a value: where a problem of the material list as a whole is shown. */
  materialsError?: never;
}

const rowsOf = (materials: readonly PackingMaterial[]): MaterialRow[] =>
  preferRecyclable(materials).map((m) => ({ ...m.name, recyclable: m.recyclable }));

function toForm(s: PackingSpecRecord): SpecFormValues {
  return {
    ...(s.model ? { model: s.model } : {}),
    ...(s.format ? { format: s.format as ProductFormat } : {}),
    ...(s.customerId ? { customerId: s.customerId } : {}),
    unitsPerCarton: s.unitsPerCarton,
    cartonsPerPallet: s.cartonsPerPallet,
    materials: rowsOf(s.materials),
    ...(s.note ? { note: s.note } : {}),
  };
}

function toRecord(v: SpecFormValues): unknown {
  const note = v.note?.trim();
  return {
    ...(v.model ? { model: v.model } : {}),
    ...(v.format ? { format: v.format } : {}),
    ...(v.customerId ? { customerId: v.customerId } : {}),
    // An emptied number field answers null; absent reads as "required", not "invalid".
    unitsPerCarton: v.unitsPerCarton ?? undefined,
    cartonsPerPallet: v.cartonsPerPallet ?? undefined,
    materials: (v.materials ?? []).map((m) => ({
      name: { zh: m.zh?.trim() ?? '', en: m.en?.trim() ?? '' },
      recyclable: m.recyclable === true,
    })),
    ...(note ? { note } : {}),
  };
}

/** The spec's material names sit one level up in the form's rows. */
function fieldOf(path: string): string {
  if (path === 'materials') return 'materialsError';
  return path.replace(/^(materials\.\d+)\.name\.(zh|en)$/, '$1.$2');
}

/**
 * The warehouse's stored packing specs: per model (for one customer or all) or per format,
 * units per carton, cartons per pallet and materials, recyclable ones first.
 */
export function PackingSpecEditor() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { products, productsByCode, customers, customersById } = useCatalog();
  const specs = usePackingSpecs();
  const remove = useRemovePackingSpec();
  const [editing, setEditing] = useState<PackingSpecRecord | 'new' | null>(null);
  const existing = editing === 'new' ? undefined : (editing ?? undefined);

  const state = useRecordForm<SpecFormValues, PackingSpecInput>({
    schema: packingSpecSchema,
    toRecord,
    mutation: 'packingSpec.save',
    toArgs: useCallback(
      (spec: PackingSpecInput) => ({
        spec,
        ...(existing ? { baseVersion: existing._v ?? 0 } : {}),
      }),
      [existing],
    ),
    fieldOf,
    onSaved: () => setEditing(null),
  });

  const open = (s: PackingSpecRecord | 'new') => {
    state.reset();
    state.form.resetFields();
    state.form.setFieldsValue(
      s === 'new' ? { materials: [{ recyclable: true }] } : (toForm(s) as never),
    );
    setEditing(s);
  };

  /** A new spec for a model starts from its format's factory default. */
  const onValuesChange = (changed: Partial<SpecFormValues>) => {
    state.onValuesChange(changed);
    if (changed.model) {
      state.form.setFieldValue('format', undefined);
      const format = productsByCode.get(changed.model)?.format;
      const base = DEFAULT_PACKING_SPECS.find((d) => d.format === format);
      if (base && !existing) {
        state.form.setFieldsValue({
          unitsPerCarton: base.unitsPerCarton,
          cartonsPerPallet: base.cartonsPerPallet,
          materials: rowsOf(base.materials),
        });
      }
    }
    if (changed.format) state.form.setFieldValue('model', undefined);
  };

  const customerName = (id: string | undefined) => {
    if (!id) return t('warehouse.specs.anyCustomer');
    const c = customersById.get(id);
    return c ? customerLabel(c, language) : id;
  };
  const name = (m: PackingMaterial) => (language === 'zh-CN' ? m.name.zh : m.name.en);

  return (
    <Card size="small" title={t('warehouse.specs.title')} data-testid="packing-specs">
      <Button
        icon={<PlusOutlined />}
        onClick={() => open('new')}
        style={{ marginBottom: 8 }}
        data-testid="spec-new"
      >
        {t('warehouse.specs.new')}
      </Button>
      <Table<PackingSpecRecord>
        size="small"
        rowKey="id"
        dataSource={specs}
        pagination={false}
        locale={{ emptyText: t('warehouse.specs.none') }}
        onRow={(s) => ({ 'data-spec-id': s.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('warehouse.specs.model'),
            render: (_: unknown, s) => s.model ?? <Tag>{s.format}</Tag>,
          },
          {
            title: t('warehouse.specs.customer'),
            render: (_: unknown, s) => customerName(s.customerId),
          },
          { title: t('warehouse.specs.unitsPerCarton'), dataIndex: 'unitsPerCarton' },
          { title: t('warehouse.specs.cartonsPerPallet'), dataIndex: 'cartonsPerPallet' },
          {
            title: t('warehouse.specs.materials'),
            render: (_: unknown, s) =>
              preferRecyclable(s.materials).map((m, i) => (
                <Tag
                  key={i}
                  color={m.recyclable ? 'green' : undefined}
                  data-recyclable={m.recyclable ? 'yes' : 'no'}
                  title={m.recyclable ? t('warehouse.specs.recyclable') : undefined}
                >
                  {m.recyclable ? `♻ ${name(m)}` : name(m)}
                </Tag>
              )),
          },
          { title: t('warehouse.specs.note'), dataIndex: 'note' },
          {
            title: '',
            render: (_: unknown, s) => (
              <Space>
                <Button size="small" onClick={() => open(s)} data-testid="spec-edit">
                  {t('warehouse.specs.edit')}
                </Button>
                <Popconfirm
                  title={t('warehouse.specs.removeConfirm')}
                  onConfirm={() => void remove(s)}
                >
                  <Button size="small" danger data-testid="spec-remove">
                    {t('warehouse.specs.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <EditorDrawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={existing ? existing.id : t('warehouse.specs.new')}
        saving={state.saving}
        onSave={() => void state.save()}
        saveLabel={t('warehouse.specs.save')}
        saveTestId="spec-save"
      >
        <Form<SpecFormValues>
          form={state.form}
          name="packing-spec"
          layout="vertical"
          onValuesChange={onValuesChange}
        >
          <Space wrap align="start">
            <Form.Item
              name="model"
              label={t('warehouse.specs.model')}
              extra={t('warehouse.specs.forHelp')}
            >
              <Select
                allowClear
                showSearch
                style={{ width: 220 }}
                disabled={existing !== undefined}
                data-testid="spec-model"
                options={products.map((p) => ({ value: p.code, label: p.code }))}
              />
            </Form.Item>
            <Form.Item name="format" label={t('warehouse.specs.format')}>
              <Select
                allowClear
                style={{ width: 140 }}
                disabled={existing !== undefined}
                data-testid="spec-format"
                options={FORMATS.map((f) => ({ value: f, label: f }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="customerId" label={t('warehouse.specs.customer')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              disabled={existing !== undefined}
              placeholder={t('warehouse.specs.anyCustomer')}
              data-testid="spec-customer"
              options={customers.map((c) => ({ value: c.id, label: customerLabel(c, language) }))}
            />
          </Form.Item>
          <Space wrap align="start">
            {/* No min on the fields: a wrong count is said next to it, not silently corrected. */}
            <Form.Item name="unitsPerCarton" label={t('warehouse.specs.unitsPerCarton')}>
              <InputNumber data-testid="spec-units" />
            </Form.Item>
            <Form.Item name="cartonsPerPallet" label={t('warehouse.specs.cartonsPerPallet')}>
              <InputNumber data-testid="spec-cartons" />
            </Form.Item>
          </Space>
          <Form.Item
            label={t('warehouse.specs.materials')}
            name="materialsError"
            style={{ marginBottom: 0 }}
          >
            <span />
          </Form.Item>
          <Form.List name="materials">
            {(fields, { add, remove: drop }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" data-testid="spec-material">
                    <Form.Item name={[f.name, 'zh']}>
                      <Input
                        placeholder={t('warehouse.specs.materialZh')}
                        data-testid="material-zh"
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'en']}>
                      <Input
                        placeholder={t('warehouse.specs.materialEn')}
                        data-testid="material-en"
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'recyclable']} valuePropName="checked">
                      <Checkbox data-testid="material-recyclable">
                        {t('warehouse.specs.recyclable')}
                      </Checkbox>
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => drop(f.name)}
                      aria-label={t('warehouse.specs.remove')}
                    />
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ recyclable: true })}
                  data-testid="material-add"
                >
                  {t('warehouse.specs.addMaterial')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="note" label={t('warehouse.specs.note')} style={{ marginTop: 16 }}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </EditorDrawer>
    </Card>
  );
}
