import { App, Form, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createUserRequest, type CreateUserRequest, type User } from '../../../src-shared/api/auth';
import type { ApiIssue } from '../../api/http';
import { useSession } from '../../auth/use-session';
import { focusField } from '../../components/focus-field';
import { fieldProblem, zodRule, type MessageRef } from '../../components/zod-rules';
import { createUser } from './admin-api';
import { passwordPolicyRule, preloadPasswordPolicy, weakPasswordMessage } from './password-rule';

export type CreateUserField = keyof CreateUserRequest;
const FIELDS: CreateUserField[] = ['username', 'displayName', 'role', 'password'];
const FORMAT_KEYS: Partial<Record<CreateUserField, string>> = {
  username: 'validation.usernameFormat',
};

function isField(path: string): path is CreateUserField {
  return (FIELDS as string[]).includes(path);
}

/**
 * The server's field issues, placed next to their fields. Its messages are English, so a
 * field whose problem our own check recognises shows our translated text instead.
 */
export function serverFieldErrors(
  issues: ApiIssue[],
  values: Partial<CreateUserRequest>,
): Partial<Record<CreateUserField, MessageRef>> {
  const out: Partial<Record<CreateUserField, MessageRef>> = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (!isField(field) || out[field]) continue;
    out[field] = fieldProblem(
      createUserRequest.shape[field],
      values[field],
      FORMAT_KEYS[field],
    ) ?? { key: 'validation.serverRefused', vars: { message: issue.message } };
  }
  return out;
}

export interface CreateUserFormState {
  form: FormInstance<CreateUserRequest>;
  open: boolean;
  show: () => void;
  hide: () => void;
  submitting: boolean;
  rules: Record<CreateUserField, ReturnType<typeof zodRule>[]>;
  /** Translated server verdict on a field, or undefined. */
  fieldError: (field: CreateUserField) => string | undefined;
  formError: string | undefined;
  onFinish: (values: CreateUserRequest) => Promise<void>;
  onValuesChange: (changed: Partial<CreateUserRequest>) => void;
  /** Where typing starts when the dialog opens. */
  focusFirstField: () => void;
}

export function useCreateUserForm(onCreated: (user: User) => void): CreateUserFormState {
  const { token } = useSession();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserRequest>();
  const [open, setOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<CreateUserField, MessageRef>>>(
    {},
  );
  const [formError, setFormError] = useState<MessageRef | undefined>();

  const tr = useCallback((m: MessageRef) => t(m.key as never, m.vars ?? {}), [t]);

  const rules = Object.fromEntries(
    FIELDS.map((f) => [f, [zodRule(createUserRequest.shape[f], tr, FORMAT_KEYS[f])]]),
  ) as Record<CreateUserField, ReturnType<typeof zodRule>[]>;
  rules.password.push(
    passwordPolicyRule(tr, () => ({
      username: form.getFieldValue('username'),
      displayName: form.getFieldValue('displayName'),
    })),
  );

  const reset = useCallback(() => {
    form.resetFields();
    setServerErrors({});
    setFormError(undefined);
  }, [form]);

  const onFinish = useCallback(
    async (values: CreateUserRequest) => {
      setSubmitting(true);
      setFormError(undefined);
      const body = { ...values, username: values.username.trim() };
      const r = await createUser(token, body);
      setSubmitting(false);
      if (r.ok) {
        onCreated(r.value);
        void message.success(t('admin.createForm.created', { username: r.value.username }));
        setOpen(false);
        reset();
        return;
      }
      if (r.error === 'username-taken') {
        setServerErrors({ username: { key: 'errors.username-taken' } });
      } else if (r.error === 'weak-password') {
        setServerErrors({ password: await weakPasswordMessage(body.password, body) });
      } else if (r.error === 'invalid-input' && r.issues?.length) {
        const placed = serverFieldErrors(r.issues, body);
        setServerErrors(placed);
        if (Object.keys(placed).length === 0) setFormError({ key: 'errors.invalid-input' });
      } else {
        setFormError({ key: `errors.${r.error}` });
      }
    },
    [token, onCreated, message, t, reset],
  );

  return {
    form,
    open,
    show: () => {
      preloadPasswordPolicy();
      setOpen(true);
    },
    hide: () => {
      setOpen(false);
      reset();
    },
    submitting,
    rules,
    fieldError: (field) => {
      const e = serverErrors[field];
      return e ? tr(e) : undefined;
    },
    formError: formError ? tr(formError) : undefined,
    onFinish,
    focusFirstField: () => focusField(form, 'username'),
    onValuesChange: (changed) => {
      const keys = Object.keys(changed);
      setServerErrors((errors) =>
        Object.fromEntries(Object.entries(errors).filter(([k]) => !keys.includes(k))),
      );
      setFormError(undefined);
    },
  };
}
