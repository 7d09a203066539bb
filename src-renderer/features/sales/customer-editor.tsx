import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorDrawer } from '../../components/editor-drawer';
import { uuidv7 } from '../../../src-shared/ids';
import {
  customerSchema,
  type Customer,
  type CustomerRecord,
} from '../../../src-shared/orders/catalog';
import { CUSTOMER_PAGES, customerColumns } from '../../components/customer-columns';
import { useCatalog } from '../../components/use-catalog';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { useRecordForm } from '../../components/use-record-form';

interface CustomerFormValues {
  code?: string;
  nameZh?: string;
  nameEn?: string;
  country?: string;
  currency?: string;
  address?: { line1?: string; city?: string; region?: string; postcode?: string; country?: string };
  contacts?: { name?: string; title?: string; phone?: string; email?: string }[];
  paymentTerms?: { code?: string; days?: number; textZh?: string; textEn?: string };
}

const blank = (s?: string) => (s?.trim() ? s.trim() : undefined);

function toForm(c: CustomerRecord): CustomerFormValues {
  return {
    ...c,
    nameZh: c.name.zh,
    nameEn: c.name.en,
    paymentTerms: {
      ...c.paymentTerms,
      textZh: c.paymentTerms.text.zh,
      textEn: c.paymentTerms.text.en,
    },
  };
}

function fieldOf(path: string): string {
  return path
    .replace(/^name\.zh$/, 'nameZh')
    .replace(/^name\.en$/, 'nameEn')
    .replace(/^paymentTerms\.text\.zh$/, 'paymentTerms.textZh')
    .replace(/^paymentTerms\.text\.en$/, 'paymentTerms.textEn');
}

/**
 * The customer list: contacts, address, payment terms. The credit limit and hold are
 * finance's: shown here, never sent from here.
 */
export function CustomerEditor() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const columns = customerColumns(t, language);
  const { customers } = useCatalog();
  const [editing, setEditing] = useState<CustomerRecord | 'new' | null>(null);
  const existing = editing === 'new' ? undefined : (editing ?? undefined);

  const toRecord = useCallback(
    (v: CustomerFormValues) => {
      // Credit is finance's (customer.credit on the finance screen): left out, the save keeps
      // what finance set, and a role without 'credit.hold' could not send it anyway.
      const {
        _v,
        creditLimit: _limit,
        creditHold: _hold,
        ...kept
      } = (existing ?? {}) as CustomerRecord;
      const country = v.country?.trim().toUpperCase();
      return {
        ...kept,
        id: existing?.id ?? uuidv7(),
        code: v.code?.trim().toUpperCase(),
        name: { zh: v.nameZh?.trim() ?? '', en: v.nameEn?.trim() ?? '' },
        country,
        currency: v.currency?.trim().toUpperCase(),
        address: {
          line1: v.address?.line1?.trim() ?? '',
          city: v.address?.city?.trim() ?? '',
          ...(blank(v.address?.region) ? { region: blank(v.address?.region) } : {}),
          postcode: v.address?.postcode?.trim() ?? '',
          country,
        },
        contacts: (v.contacts ?? []).map((c) => ({
          name: c.name?.trim() ?? '',
          ...(blank(c.title) ? { title: blank(c.title) } : {}),
          ...(blank(c.phone) ? { phone: blank(c.phone) } : {}),
          ...(blank(c.email) ? { email: blank(c.email) } : {}),
        })),
        paymentTerms: {
          code: v.paymentTerms?.code?.trim() ?? '',
          days: v.paymentTerms?.days,
          text: {
            zh: v.paymentTerms?.textZh?.trim() ?? '',
            en: v.paymentTerms?.textEn?.trim() ?? '',
          },
        },
      };
    },
    [existing],
  );
  const state = useRecordForm<CustomerFormValues, Customer>({
    schema: customerSchema,
    toRecord,
    mutation: 'customer.save',
    toArgs: (customer) => ({ customer, ...(existing ? { baseVersion: existing._v ?? 0 } : {}) }),
    fieldOf,
    onSaved: () => setEditing(null),
  });

  const open = (c: CustomerRecord | 'new') => {
    state.reset();
    state.form.resetFields();
    state.form.setFieldsValue(
      c === 'new'
        ? { country: 'CN', currency: 'CNY', contacts: [{}], paymentTerms: { days: 30 } }
        : toForm(c),
    );
    setEditing(c);
  };

  return (
    <section data-testid="customer-editor">
      <Button
        icon={<PlusOutlined />}
        onClick={() => open('new')}
        style={{ marginBottom: 8 }}
        data-testid="customer-new"
      >
        {t('orders.catalog.newCustomer')}
      </Button>
      <Table<CustomerRecord>
        size="small"
        rowKey="id"
        dataSource={customers}
        pagination={CUSTOMER_PAGES}
        columns={[
          columns.code,
          columns.name,
          { title: t('orders.catalog.country'), dataIndex: 'country' },
          {
            title: t('orders.catalog.contactName'),
            render: (_: unknown, c) => c.contacts[0]?.name,
          },
          columns.creditLimit,
          {
            title: '',
            render: (_: unknown, c) => (
              <Button size="small" onClick={() => open(c)}>
                {t('orders.catalog.edit')}
              </Button>
            ),
          },
        ]}
      />
      <EditorDrawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={existing ? existing.code : t('orders.catalog.newCustomer')}
        saving={state.saving}
        onSave={() => void state.save()}
        saveLabel={t('orders.catalog.save')}
        saveTestId="customer-save"
      >
        <Form<CustomerFormValues>
          form={state.form}
          name="customer"
          layout="vertical"
          onValuesChange={state.onValuesChange}
        >
          <Space wrap align="start">
            <Form.Item name="code" label={t('orders.catalog.code')}>
              <Input style={{ width: 140 }} disabled={existing !== undefined} />
            </Form.Item>
            <Form.Item name="country" label={t('orders.catalog.country')}>
              <Input style={{ width: 80 }} maxLength={2} />
            </Form.Item>
            <Form.Item name="currency" label={t('orders.catalog.currency')}>
              <Input style={{ width: 80 }} maxLength={3} />
            </Form.Item>
          </Space>
          <Form.Item name="nameZh" label={t('orders.catalog.nameZh')}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('orders.catalog.nameEn')}>
            <Input />
          </Form.Item>
          <Form.Item name={['address', 'line1']} label={t('orders.catalog.addressLine')}>
            <Input />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name={['address', 'city']} label={t('orders.catalog.city')}>
              <Input />
            </Form.Item>
            <Form.Item name={['address', 'region']} label={t('orders.catalog.region')}>
              <Input />
            </Form.Item>
            <Form.Item name={['address', 'postcode']} label={t('orders.catalog.postcode')}>
              <Input style={{ width: 120 }} />
            </Form.Item>
          </Space>
          <Form.List name="contacts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'name']} label={t('orders.catalog.contactName')}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} label={t('orders.catalog.contactTitle')}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'phone']} label={t('orders.fields.contactPhone')}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'email']} label={t('orders.fields.contactEmail')}>
                      <Input />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      style={{ marginTop: 30 }}
                      disabled={fields.length === 1}
                      onClick={() => remove(f.name)}
                      aria-label={t('orders.catalog.contactName')}
                    />
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  style={{ marginBottom: 16 }}
                >
                  {t('orders.catalog.addContact')}
                </Button>
              </>
            )}
          </Form.List>
          <Space wrap align="start">
            <Form.Item name={['paymentTerms', 'code']} label={t('orders.catalog.paymentCode')}>
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name={['paymentTerms', 'days']} label={t('orders.catalog.paymentDays')}>
              <InputNumber min={0} />
            </Form.Item>
          </Space>
          <Form.Item name={['paymentTerms', 'textZh']} label={t('orders.catalog.paymentTextZh')}>
            <Input />
          </Form.Item>
          <Form.Item name={['paymentTerms', 'textEn']} label={t('orders.catalog.paymentTextEn')}>
            <Input />
          </Form.Item>
          <Typography.Text type="secondary">
            {t('orders.catalog.creditLimit')}:{' '}
            {existing?.creditLimit
              ? formatNumber(existing.creditLimit.amount, language, {
                  style: 'currency',
                  currency: existing.creditLimit.currency,
                  maximumFractionDigits: 0,
                })
              : '—'}{' '}
            ({t('orders.catalog.creditByFinance')})
          </Typography.Text>
        </Form>
      </EditorDrawer>
    </section>
  );
}
