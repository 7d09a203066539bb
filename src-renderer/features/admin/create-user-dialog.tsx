import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../src-shared/password-policy';
import { DialogFooter } from './dialog-footer';
import type { CreateUserRequest } from '../../../src-shared/api/auth';
import { ROLES } from '../../../src-shared/roles';
import type { CreateUserField, CreateUserFormState } from './use-create-user-form';

export function CreateUserDialog({ state }: { state: CreateUserFormState }) {
  const { t } = useTranslation();
  const serverError = (field: CreateUserField) => {
    const help = state.fieldError(field);
    return help ? { validateStatus: 'error' as const, help } : {};
  };
  return (
    <Modal
      open={state.open}
      title={t('admin.createForm.title')}
      onCancel={state.hide}
      footer={null}
      afterOpenChange={(open) => open && state.focusFirstField()}
    >
      <Form<CreateUserRequest>
        form={state.form}
        name="create-user"
        layout="vertical"
        className="dialog-form"
        onFinish={state.onFinish}
        onValuesChange={state.onValuesChange}
        disabled={state.submitting}
      >
        <Form.Item
          name="username"
          label={t('admin.createForm.username')}
          extra={t('admin.createForm.usernameHelp')}
          rules={state.rules.username}
          validateTrigger="onBlur"
          {...serverError('username')}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('admin.createForm.displayName')}
          rules={state.rules.displayName}
          validateTrigger="onBlur"
          {...serverError('displayName')}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('admin.createForm.role')}
          rules={state.rules.role}
          {...serverError('role')}
        >
          <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('admin.createForm.password')}
          extra={t('passwords.help', { min: MIN_PASSWORD_LENGTH })}
          rules={state.rules.password}
          validateTrigger="onBlur"
          {...serverError('password')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <DialogFooter
          formError={state.formError}
          submitting={state.submitting}
          submitLabel={t('admin.createForm.submit')}
          submitTestId="create-user-submit"
          onCancel={state.hide}
        />
      </Form>
    </Modal>
  );
}
