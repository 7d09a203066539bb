import { Alert, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatePortalKeyRequest } from '../../../src-shared/api/portal';
import { DialogFooter } from './dialog-footer';
import type { CreatePortalKeyState } from './use-create-portal-key';

export function CreatePortalKeyDialog({ state }: { state: CreatePortalKeyState }) {
  const { t } = useTranslation();
  const created = state.created;
  return (
    <Modal
      open={state.open}
      title={
        created
          ? t('admin.portalKeyForm.createdTitle', { name: created.name })
          : t('admin.portalKeyForm.title')
      }
      onCancel={state.hide}
      footer={null}
      // While the key is shown, only the explicit button closes: a stray click or Escape
      // would lose a key that cannot be shown again.
      closable={!created}
      mask={{ closable: !created }}
      keyboard={!created}
      // A hidden antd dialog keeps its last content in the page: the key must not stay there.
      destroyOnHidden
      afterOpenChange={(open) => open && state.focusFirstField()}
    >
      {created ? (
        <div data-testid="portal-key-created">
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('admin.portalKeyForm.onceWarning')}
            description={t('admin.portalKeyForm.onceDetail')}
            className="admin__alert"
          />
          <Typography.Paragraph
            code
            className="admin__portal-key"
            data-testid="portal-key-value"
            copyable={{
              text: created.key,
              tooltips: [t('admin.portalKeyForm.copy'), t('admin.portalKeyForm.copied')],
            }}
          >
            {created.key}
          </Typography.Paragraph>
          <Space className="dialog-actions">
            <Button type="primary" onClick={state.hide} data-testid="portal-key-done">
              {t('admin.portalKeyForm.done')}
            </Button>
          </Space>
        </div>
      ) : (
        <Form<CreatePortalKeyRequest>
          form={state.form}
          name="create-portal-key"
          layout="vertical"
          className="dialog-form"
          onFinish={state.onFinish}
          onValuesChange={state.onValuesChange}
          disabled={state.submitting}
        >
          <Form.Item
            name="name"
            label={t('admin.portalKeyForm.name')}
            extra={t('admin.portalKeyForm.nameHelp')}
            rules={state.rules}
            validateTrigger="onBlur"
            {...(state.nameError
              ? { validateStatus: 'error' as const, help: state.nameError }
              : {})}
          >
            <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="customers"
            label={t('admin.portalKeyForm.customers')}
            extra={t('admin.portalKeyForm.customersHelp')}
            rules={state.customerRules}
            {...(state.customersError
              ? { validateStatus: 'error' as const, help: state.customersError }
              : {})}
          >
            <Select
              mode="multiple"
              options={state.customerOptions}
              optionFilterProp="label"
              data-testid="portal-key-customers"
            />
          </Form.Item>
          <DialogFooter
            formError={state.formError}
            submitting={state.submitting}
            submitLabel={t('admin.portalKeyForm.submit')}
            submitTestId="create-portal-key-submit"
            onCancel={state.hide}
          />
        </Form>
      )}
    </Modal>
  );
}
