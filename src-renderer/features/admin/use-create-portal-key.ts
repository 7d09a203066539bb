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

const NAME_FORMAT_KEY = 'validation.portalNameFormat';

/**
 * Where a refusal of the create call belongs: a taken or malformed name next to the name
 * field, anything else (no network, signed out) under the form.
 */
export function placeCreateFailure(
  failure: Pick<ApiFailure, 'error' | 'issues'>,
  name: string,
): { name?: MessageRef; form?: MessageRef } {
  if (failure.error === 'portal-name-taken') return { name: { key: 'errors.portal-name-taken' } };
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
  /** Translated server verdict on the name, or undefined. */
  nameError: string | undefined;
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
    setFormError(undefined);
  }, [form, created]);

  const onFinish = useCallback(
    async (values: CreatePortalKeyRequest) => {
      setSubmitting(true);
      setFormError(undefined);
      const name = values.name.trim();
      const r = await createPortalKey(token, { name });
      setSubmitting(false);
      if (r.ok) {
        form.resetFields();
        setCreated(r.value);
        onCreated();
        return;
      }
      const placed = placeCreateFailure(r, name);
      setNameError(placed.name);
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
    nameError: nameError ? tr(nameError) : undefined,
    formError: formError ? tr(formError) : undefined,
    created,
    onFinish,
    onValuesChange: () => {
      setNameError(undefined);
      setFormError(undefined);
    },
    focusFirstField: () => focusField(form, 'name'),
  };
}
