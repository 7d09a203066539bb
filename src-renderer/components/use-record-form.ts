import type { MutationArgs, MutationName } from '../../src-shared/domains';
import { App, Form } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useMutate } from '../sync/use-sync';
import { issueRefs } from './issue-refs';
import { refusedField, useRefusalText } from './use-refusal-text';
import type { MessageRef } from './zod-rules';

function fieldName(path: string): (string | number)[] {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * A record editor (catalog, customer, packing spec, carrier): the form's values become the record, checked with the same
 * schema the mutation checks, and each problem (ours or the mutation's refusal) is shown next
 * to its field, re-worded when the language changes.
 */
export function useRecordForm<V extends object, R, N extends MutationName = MutationName>(options: {
  schema: z.ZodType<R>;
  toRecord: (values: V) => unknown;
  mutation: N;
  toArgs: (record: R) => MutationArgs<N>;
  /** Paths of the record that the form shows under another name. */
  fieldOf?: (path: string) => string;
  /** Words of its own for the schema's problems, by field; zod's generic ones otherwise. */
  problems?: (error: z.ZodError) => Record<string, MessageRef>;
  /** What to say once it is saved; "Saved." otherwise. */
  savedMessage?: (record: R) => MessageRef;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  // Not the order mutate: these records' arguments take no PC name, and a strict schema
  // refuses an argument it does not know.
  const mutate = useMutate();
  const refusalText = useRefusalText();
  const [errors, setErrors] = useState<Record<string, MessageRef>>({});
  const [saving, setSaving] = useState(false);
  const shown = useRef<string[]>([]);
  const { schema, toRecord, mutation, toArgs, fieldOf, problems, savedMessage, onSaved } = options;

  useEffect(() => {
    const paths = Object.keys(errors);
    form.setFields([
      ...shown.current
        .filter((p) => !paths.includes(p))
        .map((p) => ({ name: fieldName(p) as never, errors: [] })),
      ...paths.map((p) => ({
        name: fieldName(p) as never,
        errors: [t(errors[p]!.key as never, errors[p]!.vars ?? {})],
      })),
    ]);
    shown.current = paths;
  }, [errors, form, t]);

  const save = useCallback(async () => {
    const values = form.getFieldsValue(true) as V;
    const parsed = schema.safeParse(toRecord(values));
    if (!parsed.success) {
      const refs = problems?.(parsed.error) ?? issueRefs(parsed.error);
      setErrors(Object.fromEntries(Object.entries(refs).map(([p, m]) => [fieldOf?.(p) ?? p, m])));
      return false;
    }
    setSaving(true);
    try {
      const result = await mutate(mutation, toArgs(parsed.data));
      if (result.ok) {
        setErrors({});
        const saved = savedMessage?.(parsed.data) ?? { key: 'orders.catalog.saved' };
        void message.success(t(saved.key as never, saved.vars ?? {}));
        onSaved();
        return true;
      }
      const path = refusedField(result)?.replace(/^(product|customer|spec|carrier)\./, '');
      if (path) {
        setErrors({
          [fieldOf?.(path) ?? path]: {
            key: 'validation.serverRefused',
            vars: { message: refusalText(result) },
          },
        });
      } else void message.error(refusalText(result));
      return false;
    } finally {
      setSaving(false);
    }
  }, [
    fieldOf,
    form,
    message,
    mutate,
    mutation,
    onSaved,
    problems,
    refusalText,
    savedMessage,
    schema,
    t,
    toArgs,
    toRecord,
  ]);

  return {
    form,
    save,
    saving,
    reset: () => setErrors({}),
    onValuesChange: (changed: Partial<V>) => {
      const keys = Object.keys(changed);
      setErrors((e) =>
        Object.fromEntries(Object.entries(e).filter(([p]) => !keys.includes(p.split('.')[0]!))),
      );
    },
  };
}
