import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
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
          extra={t('admin.createForm.passwordHelp')}
          rules={state.rules.password}
          validateTrigger="onBlur"
          {...serverError('password')}
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
          <Button onClick={state.hide}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={state.submitting}
            data-testid="create-user-submit"
          >
            {t('admin.createForm.submit')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
