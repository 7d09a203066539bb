import { Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalKeyInfo } from '../../../src-shared/api/portal';
import { DialogFooter } from './dialog-footer';
import { useCustomerOptions } from './use-customer-options';

type BindFn = (key: PortalKeyInfo, customers: string[]) => Promise<string | undefined>;

/**
 * The customers a key orders for, replaced as a whole: how a key made before keys were bound
 * is put to work, or a dealer portal given another customer.
 */
export function BindPortalKeyDialog({
  portalKey,
  onBind,
  onClose,
}: {
  portalKey: PortalKeyInfo | null;
  /** Answers the translated refusal, or undefined when it took. */
  onBind: BindFn;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={portalKey !== null}
      title={portalKey ? t('admin.portalKeys.bindTitle', { name: portalKey.name }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {/* A form of its own per key, so it opens with that key's customers and no leftovers. */}
      {portalKey ? (
        <BindForm key={portalKey.id} portalKey={portalKey} onBind={onBind} onClose={onClose} />
      ) : null}
    </Modal>
  );
}

function BindForm({
  portalKey,
  onBind,
  onClose,
}: {
  portalKey: PortalKeyInfo;
  onBind: BindFn;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ customers: string[] }>();
  const options = useCustomerOptions();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  return (
    <Form<{ customers: string[] }>
      form={form}
      name="bind-portal-key"
      layout="vertical"
      className="dialog-form"
      initialValues={{ customers: portalKey.customers }}
      disabled={submitting}
      onValuesChange={() => setError(undefined)}
      onFinish={async ({ customers }) => {
        setSubmitting(true);
        const refused = await onBind(portalKey, customers);
        setSubmitting(false);
        if (refused) setError(refused);
        else onClose();
      }}
    >
      <Form.Item
        name="customers"
        label={t('admin.portalKeyForm.customers')}
        extra={t('admin.portalKeyForm.customersHelp')}
        rules={[{ required: true, type: 'array', message: t('validation.required') }]}
      >
        <Select
          mode="multiple"
          options={options}
          optionFilterProp="label"
          data-testid="bind-portal-key-customers"
        />
      </Form.Item>
      <DialogFooter
        formError={error}
        submitting={submitting}
        submitLabel={t('admin.portalKeys.bindSubmit')}
        submitTestId="bind-portal-key-submit"
        onCancel={onClose}
      />
    </Form>
  );
}
