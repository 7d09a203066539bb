import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../src-shared/password-policy';
import { DialogFooter } from './dialog-footer';
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
          extra={t('passwords.help', { min: MIN_PASSWORD_LENGTH })}
          rules={state.rules}
          validateTrigger="onBlur"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <DialogFooter
          formError={state.formError}
          submitting={state.submitting}
          submitLabel={t('admin.resetForm.submit')}
          submitTestId="reset-password-submit"
          onCancel={state.cancel}
        />
      </Form>
    </Modal>
  );
}
