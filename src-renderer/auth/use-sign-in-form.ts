import { Form, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeSignInError, type SignInErrorView, type SignInField } from './sign-in-errors';
import { useSessionStore } from './use-session';

export interface SignInValues {
  username: string;
  password: string;
}

export interface SignInFormState {
  form: FormInstance<SignInValues>;
  submitting: boolean;
  /** Translated error for a field, shown under it; undefined when the field is fine. */
  fieldError: (field: SignInField) => string | undefined;
  /** Translated form-level error (network, server), or undefined. */
  formError: string | undefined;
  onFinish: (values: SignInValues) => Promise<void>;
  /** Editing a field clears the server's verdict about it. */
  onValuesChange: () => void;
}

export function useSignInForm(): SignInFormState {
  const store = useSessionStore();
  const { t } = useTranslation();
  const [form] = Form.useForm<SignInValues>();
  const [submitting, setSubmitting] = useState(false);
  // The view, not the text: switching language while an error shows re-translates it.
  const [error, setError] = useState<SignInErrorView | null>(null);

  const onFinish = useCallback(
    async (values: SignInValues) => {
      setSubmitting(true);
      setError(null);
      try {
        const result = await store.signIn(values.username, values.password);
        if (!result.ok) {
          setError(describeSignInError(result.error, values.username.trim(), result.issues));
          form.setFieldValue('password', '');
        }
      } finally {
        setSubmitting(false);
      }
    },
    [store, form],
  );

  const text = error ? t(error.key as never, error.vars ?? {}) : undefined;
  return {
    form,
    submitting,
    fieldError: (field) => (error?.field === field ? text : undefined),
    formError: error && !error.field ? text : undefined,
    onFinish,
    onValuesChange: () => setError(null),
  };
}
