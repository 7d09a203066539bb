import { Alert, Button, Form, Input, InputNumber, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from '../../../src-shared/orders/catalog';
import { CUSTOMER_PAGES, customerColumns } from '../../components/customer-columns';
import { useCatalog } from '../../components/use-catalog';
import { useRefusalText } from '../../components/use-refusal-text';
import { useLanguage } from '../../i18n/use-language';
import { useMutate } from '../../sync/use-sync';

interface CreditFormValues {
  /** Empty: no limit set. */
  amount?: number | null;
  currency?: string;
  hold?: boolean;
  note?: string;
}

/**
 * Finance's own fields of a customer (issue 12): the credit limit and the credit hold, set
 * with customer.credit. The customer form at the order desk and in sales shows them and
 * cannot change them.
 */
export function CustomerCredit() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const columns = customerColumns(t, language);
  const { customers } = useCatalog();
  const mutate = useMutate();
  const refusalText = useRefusalText();
  const [form] = Form.useForm<CreditFormValues>();
  const [editing, setEditing] = useState<CustomerRecord | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const open = (c: CustomerRecord) => {
    setError(undefined);
    form.setFieldsValue({
      amount: c.creditLimit?.amount ?? null,
      currency: c.creditLimit?.currency ?? c.currency,
      hold: c.creditHold === true,
      note: '',
    });
    setEditing(c);
  };

  const save = async () => {
    if (!editing) return;
    const v = form.getFieldsValue();
    const currency = (v.currency ?? editing.currency).trim().toUpperCase();
    setSaving(true);
    const result = await mutate('customer.credit', {
      customerId: editing.id,
      creditLimit: typeof v.amount === 'number' ? { amount: v.amount, currency } : null,
      creditHold: v.hold === true,
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    });
    setSaving(false);
    if (result.ok) setEditing(null);
    else setError(refusalText(result));
  };

  return (
    <section data-testid="customer-credit">
      <Table<CustomerRecord>
        size="small"
        rowKey="id"
        dataSource={customers}
        pagination={CUSTOMER_PAGES}
        columns={[
          columns.code,
          columns.name,
          columns.creditLimit,
          {
            title: t('orders.credit.hold'),
            render: (_: unknown, c) =>
              c.creditHold ? <Tag color="red">{t('orders.credit.onHold')}</Tag> : null,
          },
          {
            title: '',
            render: (_: unknown, c) => (
              <Button size="small" onClick={() => open(c)} data-testid={`credit-edit-${c.code}`}>
                {t('orders.credit.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing ? t('orders.credit.title', { code: editing.code }) : ''}
        okText={t('orders.catalog.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okButtonProps={{ 'data-testid': 'credit-save' } as Record<string, string>}
        destroyOnHidden
      >
        <Form<CreditFormValues> form={form} name="credit" layout="vertical">
          <Form.Item name="amount" label={t('orders.catalog.creditLimit')}>
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="currency" label={t('orders.catalog.currency')}>
            <Input style={{ width: 80 }} maxLength={3} />
          </Form.Item>
          <Form.Item name="hold" label={t('orders.credit.hold')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="note" label={t('orders.credit.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </Form>
      </Modal>
    </section>
  );
}
