import { App, Form, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordSchema, type User } from '../../../src-shared/api/auth';
import type { PasswordContext } from '../../../src-shared/password-policy';
import { useSession } from '../../auth/use-session';
import { focusField } from '../../components/focus-field';
import { zodRule, type MessageRef } from '../../components/zod-rules';
import { resetPassword } from './admin-api';
import { passwordPolicyRule, preloadPasswordPolicy, weakPasswordMessage } from './password-rule';

export interface ResetPasswordState {
  form: FormInstance<{ password: string }>;
  target: User | undefined;
  start: (user: User) => void;
  cancel: () => void;
  submitting: boolean;
  rules: ReturnType<typeof zodRule>[];
  formError: string | undefined;
  onFinish: (values: { password: string }) => Promise<void>;
  focusField: () => void;
}

function contextOf(user: User): PasswordContext {
  return { username: user.username, displayName: user.displayName };
}

export function useResetPassword(): ResetPasswordState {
  const { token } = useSession();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [target, setTarget] = useState<User | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<MessageRef | undefined>();
  const tr = useCallback((m: MessageRef) => t(m.key as never, m.vars ?? {}), [t]);

  const cancel = useCallback(() => {
    setTarget(undefined);
    setFormError(undefined);
    form.resetFields();
  }, [form]);

  const onFinish = useCallback(
    async ({ password }: { password: string }) => {
      if (!target) return;
      setSubmitting(true);
      const r = await resetPassword(token, target.id, password);
      setSubmitting(false);
      if (r.ok) {
        void message.success(t('admin.resetForm.done', { username: target.username }));
        cancel();
      } else if (r.error === 'weak-password') {
        const problem = await weakPasswordMessage(password, contextOf(target));
        form.setFields([{ name: 'password', errors: [tr(problem)] }]);
      } else {
        setFormError({ key: `errors.${r.error}` });
      }
    },
    [target, token, message, t, cancel, form, tr],
  );

  return {
    form,
    target,
    start: (user) => {
      preloadPasswordPolicy();
      setTarget(user);
    },
    cancel,
    submitting,
    rules: [
      zodRule(passwordSchema, tr),
      passwordPolicyRule(tr, () => (target ? contextOf(target) : {})),
    ],
    formError: formError ? tr(formError) : undefined,
    onFinish,
    focusField: () => focusField(form, 'password'),
  };
}
