import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResetPasswordState } from './use-reset-password';

export function ResetPasswordDialog({ state }: { state: ResetPasswordState }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={state.target !== undefined}
      title={t('admin.resetForm.title', { username: state.target?.username ?? '' })}
      onCancel={state.cancel}
      footer={null}
      afterOpenChange={(open) => open && state.focusField()}
    >
      <Form
        form={state.form}
        name="reset-password"
        layout="vertical"
        className="dialog-form"
        onFinish={state.onFinish}
        disabled={state.submitting}
      >
        <Form.Item
          name="password"
          label={t('admin.resetForm.password')}
          extra={t('admin.createForm.passwordHelp')}
          rules={state.rules}
          validateTrigger="onBlur"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {state.formError ? (
          <Alert
            type="error"
            showIcon
            title={state.formError}
            role="alert"
            className="admin__alert"
          />
        ) : null}
        <Space className="dialog-actions">
          <Button onClick={state.cancel}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={state.submitting}
            data-testid="reset-password-submit"
          >
            {t('admin.resetForm.submit')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
