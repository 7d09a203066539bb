import { Form, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  portalNameSchema,
  type CreatedPortalKey,
  type CreatePortalKeyRequest,
} from '../../../src-shared/api/portal';
import type { ApiFailure } from '../../api/http';
import { useSession } from '../../auth/use-session';
import { focusField } from '../../components/focus-field';
import { fieldProblem, zodRule, type MessageRef } from '../../components/zod-rules';
import { createPortalKey } from './admin-api';
import { useCustomerOptions } from './use-customer-options';

const NAME_FORMAT_KEY = 'validation.portalNameFormat';

/**
 * Where a refusal of the create call belongs: a taken or malformed name next to the name
 * field, a customer code the server does not know next to the customers, anything else (no
 * network, signed out) under the form.
 */
export function placeCreateFailure(
  failure: Pick<ApiFailure, 'error' | 'issues'>,
  name: string,
): { name?: MessageRef; customers?: MessageRef; form?: MessageRef } {
  if (failure.error === 'portal-name-taken') return { name: { key: 'errors.portal-name-taken' } };
  const customerIssue = failure.issues?.find((i) => i.path.split('.')[0] === 'customers');
  if (
    failure.error === 'unknown-customer' ||
    (failure.error === 'invalid-input' && customerIssue)
  ) {
    return {
      customers: customerIssue
        ? { key: 'validation.serverRefused', vars: { message: customerIssue.message } }
        : { key: 'errors.unknown-customer' },
    };
  }
  const issue =
    failure.error === 'invalid-input'
      ? failure.issues?.find((i) => i.path.split('.')[0] === 'name')
      : undefined;
  if (issue) {
    // The server's messages are English; our own check says the same in the user's language.
    return {
      name: fieldProblem(portalNameSchema, name, NAME_FORMAT_KEY) ?? {
        key: 'validation.serverRefused',
        vars: { message: issue.message },
      },
    };
  }
  return { form: { key: `errors.${failure.error}` } };
}

export interface CreatePortalKeyState {
  form: FormInstance<CreatePortalKeyRequest>;
  open: boolean;
  show: () => void;
  /** Closes the dialog and forgets the key. */
  hide: () => void;
  submitting: boolean;
  rules: ReturnType<typeof zodRule>[];
  /** A key is made for at least one customer (the API still takes none, for old scripts). */
  customerRules: { required: true; type: 'array'; message: string }[];
  /** Translated server verdict on the name, or undefined. */
  nameError: string | undefined;
  customersError: string | undefined;
  /** The customer list to bind the key to. */
  customerOptions: { value: string; label: string }[];
  formError: string | undefined;
  /** The key just made, until the dialog closes. */
  created: CreatedPortalKey | undefined;
  onFinish: (values: CreatePortalKeyRequest) => Promise<void>;
  onValuesChange: () => void;
  focusFirstField: () => void;
}

export function useCreatePortalKey(onCreated: () => void): CreatePortalKeyState {
  const { token } = useSession();
  const { t } = useTranslation();
  const [form] = Form.useForm<CreatePortalKeyRequest>();
  const [open, setOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [nameError, setNameError] = useState<MessageRef | undefined>();
  const [customersError, setCustomersError] = useState<MessageRef | undefined>();
  const customerOptions = useCustomerOptions();
  const [formError, setFormError] = useState<MessageRef | undefined>();
  const [created, setCreated] = useState<CreatedPortalKey | undefined>();

  const tr = useCallback((m: MessageRef) => t(m.key as never, m.vars ?? {}), [t]);

  const hide = useCallback(() => {
    setOpen(false);
    // After a success the form is reset already and not mounted (the key shows instead).
    if (!created) form.resetFields();
    // Forgotten at once: it is shown once, only here (the dialog drops its DOM when hidden).
    setCreated(undefined);
    setNameError(undefined);
    setCustomersError(undefined);
    setFormError(undefined);
  }, [form, created]);

  const onFinish = useCallback(
    async (values: CreatePortalKeyRequest) => {
      setSubmitting(true);
      setFormError(undefined);
      const name = values.name.trim();
      const r = await createPortalKey(token, { name, customers: values.customers ?? [] });
      setSubmitting(false);
      if (r.ok) {
        form.resetFields();
        setCreated(r.value);
        onCreated();
        return;
      }
      const placed = placeCreateFailure(r, name);
      setNameError(placed.name);
      setCustomersError(placed.customers);
      setFormError(placed.form);
    },
    [token, onCreated, form],
  );

  return {
    form,
    open,
    show: () => setOpen(true),
    hide,
    submitting,
    rules: [zodRule(portalNameSchema, tr, NAME_FORMAT_KEY)],
    customerRules: [{ required: true, type: 'array', message: t('validation.required') }],
    nameError: nameError ? tr(nameError) : undefined,
    customersError: customersError ? tr(customersError) : undefined,
    customerOptions,
    formError: formError ? tr(formError) : undefined,
    created,
    onFinish,
    onValuesChange: () => {
      setNameError(undefined);
      setCustomersError(undefined);
      setFormError(undefined);
    },
    focusFirstField: () => focusField(form, 'name'),
  };
}
