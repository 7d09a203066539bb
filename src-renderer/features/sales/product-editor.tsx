import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorDrawer } from '../../components/editor-drawer';
import { uuidv7 } from '../../../src-shared/ids';
import {
  CHEMISTRIES,
  dangerousGoodsOf,
  defaultUnNumber,
  FORMATS,
  productSchema,
  UN_NUMBERS,
  watthours,
  type Chemistry,
  type Product,
  type ProductRecord,
} from '../../../src-shared/orders/catalog';
import { useCatalog } from '../../components/use-catalog';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { useRecordForm } from '../../components/use-record-form';

interface ProductFormValues {
  code?: string;
  nameZh?: string;
  nameEn?: string;
  chemistry?: Chemistry;
  format?: Product['format'];
  configuration?: string;
  nominalVoltageV?: number;
  ratedCapacityAh?: number;
  typicalCapacityAh?: number;
  chargeVoltageV?: number;
  moq?: number;
  leadTimeDays?: number;
  unNumber?: Product['unNumber'];
  hsCode?: string;
  specs?: { code?: string; nameZh?: string; nameEn?: string }[];
  discontinued?: boolean;
  serialized?: boolean;
  /** Not a value: the field that shows problems of the spec list as a whole. */
  specsError?: never;
}

function toForm(p: ProductRecord): ProductFormValues {
  return {
    ...p,
    nameZh: p.name.zh,
    nameEn: p.name.en,
    specs: p.specs.map((s) => ({ code: s.code, nameZh: s.name.zh, nameEn: s.name.en })),
  };
}

/** The form's 'name.zh' is the record's; every other path is the same. */
function fieldOf(path: string): string {
  if (path === 'energyWh') return 'ratedCapacityAh';
  if (path === 'specs') return 'specsError';
  return path.replace(/name\.zh$/, 'nameZh').replace(/name\.en$/, 'nameEn');
}

/** The product catalog: models, their figures, the specs the factory makes, MOQ and lead time. */
export function ProductEditor() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { products } = useCatalog();
  const [editing, setEditing] = useState<ProductRecord | 'new' | null>(null);
  const existing = editing === 'new' ? undefined : (editing ?? undefined);

  const toRecord = useCallback(
    (v: ProductFormValues) => {
      const { nameZh, nameEn, specs, specsError: _e, ...rest } = v;
      const { _v, _fields, ...kept } = (existing ?? {}) as ProductRecord & { _fields?: unknown };
      return {
        ...kept,
        ...rest,
        id: existing?.id ?? uuidv7(),
        code: v.code?.trim().toUpperCase(),
        name: { zh: nameZh?.trim() ?? '', en: nameEn?.trim() ?? '' },
        energyWh:
          v.nominalVoltageV && v.ratedCapacityAh
            ? watthours(v.nominalVoltageV, v.ratedCapacityAh)
            : undefined,
        dangerousGoodsClass: '9',
        unit: 'pcs',
        hsCode: v.hsCode?.trim() ?? '',
        specs: (specs ?? []).map((s) => ({
          code: s.code?.trim().toUpperCase(),
          name: { zh: s.nameZh?.trim() ?? '', en: s.nameEn?.trim() ?? '' },
        })),
        ...(v.discontinued ? { discontinued: true } : { discontinued: undefined }),
        ...(v.serialized ? { serialized: true } : { serialized: undefined }),
      };
    },
    [existing],
  );
  const state = useRecordForm<ProductFormValues, Product>({
    schema: productSchema,
    toRecord,
    mutation: 'product.save',
    toArgs: (product) => ({ product, ...(existing ? { baseVersion: existing._v ?? 0 } : {}) }),
    fieldOf,
    onSaved: () => setEditing(null),
  });
  const v = Form.useWatch([], state.form) as ProductFormValues | undefined;
  const energy =
    v?.nominalVoltageV && v.ratedCapacityAh
      ? watthours(v.nominalVoltageV, v.ratedCapacityAh)
      : undefined;

  const open = (p: ProductRecord | 'new') => {
    state.reset();
    state.form.resetFields();
    state.form.setFieldsValue(
      p === 'new'
        ? { chemistry: 'LFP', unNumber: 'UN3480', hsCode: '8507.60', specs: [{ code: 'STD' }] }
        : toForm(p),
    );
    setEditing(p);
  };
  const name = (l: { zh: string; en: string }) => (language === 'zh-CN' ? l.zh : l.en);

  return (
    <section data-testid="product-editor">
      <Button
        icon={<PlusOutlined />}
        onClick={() => open('new')}
        style={{ marginBottom: 8 }}
        data-testid="product-new"
      >
        {t('orders.catalog.newProduct')}
      </Button>
      <Table<ProductRecord>
        size="small"
        rowKey="id"
        dataSource={products}
        pagination={false}
        onRow={(p) => ({ 'data-product-code': p.code }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('orders.catalog.code'), dataIndex: 'code' },
          { title: t('orders.catalog.nameEn'), render: (_: unknown, p) => name(p.name) },
          { title: t('orders.catalog.format'), dataIndex: 'format' },
          {
            title: t('orders.catalog.energy'),
            render: (_: unknown, p) => formatNumber(p.energyWh, language),
          },
          {
            title: t('orders.catalog.moq'),
            render: (_: unknown, p) => formatNumber(p.moq, language),
          },
          { title: t('orders.catalog.leadTime'), dataIndex: 'leadTimeDays' },
          {
            title: t('orders.catalog.dangerousGoods'),
            render: (_: unknown, p) => (
              <Tag>{`${p.unNumber} · ${t(`orders.catalog.dg.${dangerousGoodsOf(p.unNumber)}`)}`}</Tag>
            ),
          },
          {
            title: t('orders.catalog.specs'),
            render: (_: unknown, p) => p.specs.map((s) => s.code).join(', '),
          },
          {
            title: '',
            render: (_: unknown, p) => (
              <Button size="small" onClick={() => open(p)}>
                {t('orders.catalog.edit')}
              </Button>
            ),
          },
        ]}
      />
      <EditorDrawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={existing ? existing.code : t('orders.catalog.newProduct')}
        saving={state.saving}
        onSave={() => void state.save()}
        saveLabel={t('orders.catalog.save')}
        saveTestId="product-save"
      >
        <Form<ProductFormValues>
          form={state.form}
          name="product"
          layout="vertical"
          onValuesChange={(changed: Partial<ProductFormValues>) => {
            state.onValuesChange(changed);
            if (changed.chemistry)
              state.form.setFieldValue('unNumber', defaultUnNumber(changed.chemistry));
          }}
        >
          <Space wrap align="start">
            <Form.Item name="code" label={t('orders.catalog.code')}>
              <Input style={{ width: 200 }} disabled={existing !== undefined} />
            </Form.Item>
            <Form.Item name="discontinued" valuePropName="checked" label=" ">
              <Checkbox>{t('orders.catalog.discontinued')}</Checkbox>
            </Form.Item>
            <Form.Item name="serialized" valuePropName="checked" label=" ">
              <Checkbox data-testid="product-serialized">{t('orders.catalog.serialized')}</Checkbox>
            </Form.Item>
          </Space>
          <Form.Item name="nameZh" label={t('orders.catalog.nameZh')}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('orders.catalog.nameEn')}>
            <Input />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="chemistry" label={t('orders.catalog.chemistry')}>
              <Select
                style={{ width: 140 }}
                options={CHEMISTRIES.map((c) => ({ value: c, label: c }))}
              />
            </Form.Item>
            <Form.Item name="format" label={t('orders.catalog.format')}>
              <Select
                style={{ width: 140 }}
                options={FORMATS.map((f) => ({ value: f, label: f }))}
              />
            </Form.Item>
            <Form.Item name="unNumber" label={t('orders.catalog.unNumber')}>
              <Select
                style={{ width: 120 }}
                options={UN_NUMBERS.map((u) => ({ value: u, label: u }))}
              />
            </Form.Item>
            <Form.Item name="hsCode" label="HS">
              <Input style={{ width: 100 }} />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="nominalVoltageV" label={t('orders.catalog.nominalVoltage')}>
              <InputNumber min={0} step={0.1} />
            </Form.Item>
            <Form.Item
              name="ratedCapacityAh"
              label={t('orders.catalog.ratedCapacity')}
              extra={
                energy
                  ? `${t('orders.catalog.energy')}: ${formatNumber(energy, language)}`
                  : undefined
              }
            >
              <InputNumber min={0} step={0.1} />
            </Form.Item>
            <Form.Item name="typicalCapacityAh" label={t('orders.catalog.typicalCapacity')}>
              <InputNumber min={0} step={0.1} />
            </Form.Item>
            <Form.Item name="chargeVoltageV" label={t('orders.catalog.chargeVoltage')}>
              <InputNumber min={0} step={0.05} />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="moq" label={t('orders.catalog.moq')}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="leadTimeDays" label={t('orders.catalog.leadTime')}>
              <InputNumber min={1} />
            </Form.Item>
          </Space>
          {/* Where a problem of the list as a whole (none, or a code twice) is shown. */}
          <Form.Item
            label={t('orders.catalog.specs')}
            name="specsError"
            style={{ marginBottom: 0 }}
          >
            <span />
          </Form.Item>
          <Form.List name="specs">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start">
                    <Form.Item name={[f.name, 'code']}>
                      <Input placeholder={t('orders.catalog.specCode')} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'nameZh']}>
                      <Input placeholder={t('orders.catalog.nameZh')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'nameEn']}>
                      <Input placeholder={t('orders.catalog.nameEn')} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('orders.catalog.specCode')}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('orders.catalog.addSpec')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </EditorDrawer>
    </section>
  );
}
