import { App, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../src-shared/ids';
import type { CustomerRecord } from '../../../src-shared/orders/catalog';
import { findDuplicates, type DuplicateMatch } from '../../../src-shared/orders/duplicates';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import { useSession } from '../../auth/use-session';
import { refusedField, useRefusalText } from '../../components/use-refusal-text';
import type { MessageRef } from '../../components/zod-rules';
import { useUserDb } from '../../sync/use-sync';
import { localToday, useOrderMutate } from '../orders';
import { draftDbOf, isBlank } from './intake-draft';
import { EMPTY_INTAKE, intakeToArgs, validateIntake, type IntakeValues } from './intake-values';

export type IntakeFormValues = Omit<IntakeValues, 'requestedDate'> & {
  requestedDate?: Dayjs | null;
};

const SAVE_DELAY_MS = 300;

function toValues(form: IntakeFormValues): IntakeValues {
  const { requestedDate, ...rest } = form;
  return {
    ...EMPTY_INTAKE,
    ...rest,
    lines: rest.lines?.length ? rest.lines : [{}],
    ...(requestedDate ? { requestedDate: requestedDate.format('YYYY-MM-DD') } : {}),
  };
}

function toForm(values: IntakeValues): IntakeFormValues {
  const { requestedDate, ...rest } = values;
  return { ...rest, requestedDate: requestedDate ? dayjs(requestedDate) : null };
}

function fieldName(path: string): (string | number)[] {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Order intake: the form, its draft kept on the PC as it is typed, keyboard entry (Enter in a
 * quantity adds the next line, Ctrl+Enter takes the order), the duplicate warning, and errors
 * placed next to their fields in the reader's language.
 */
export function useIntakeForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const db = useUserDb();
  const mutate = useOrderMutate();
  const refusalText = useRefusalText();
  const [form] = Form.useForm<IntakeFormValues>();
  const drafts = useMemo(() => draftDbOf(user.id), [user.id]);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, MessageRef>>({});
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const shownErrors = useRef<string[]>([]);

  useEffect(() => {
    let live = true;
    void drafts.load().then((draft) => {
      if (!live || !draft || isBlank(draft.values)) return;
      form.setFieldsValue(toForm(draft.values));
      setRestoredAt(draft.savedAt);
    });
    return () => {
      live = false;
    };
  }, [drafts, form]);

  // Errors are kept as keys and translated here, so a language switch re-words them.
  useEffect(() => {
    const paths = Object.keys(errors);
    form.setFields([
      ...shownErrors.current
        .filter((p) => !paths.includes(p))
        .map((p) => ({ name: fieldName(p) as never, errors: [] })),
      ...paths.map((p) => ({
        name: fieldName(p) as never,
        errors: [t(errors[p]!.key as never, errors[p]!.vars ?? {})],
      })),
    ]);
    shownErrors.current = paths;
  }, [errors, form, t]);

  const writeDraft = useCallback(() => {
    timer.current = null;
    const values = toValues(form.getFieldsValue(true) as IntakeFormValues);
    const now = new Date().toISOString();
    const write = isBlank(values) ? drafts.clear() : drafts.save(values, now);
    void write.then(() => setSavedAt(isBlank(values) ? null : now)).catch(() => undefined);
  }, [drafts, form]);

  const saveDraft = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(writeDraft, SAVE_DELAY_MS);
  }, [writeDraft]);

  // Leaving the screen mid-word still keeps the last keystrokes.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        writeDraft();
      }
    },
    [writeDraft],
  );

  const onValuesChange = useCallback(
    (changed: Partial<IntakeFormValues>) => {
      const keys = Object.keys(changed);
      if (keys.length > 0) {
        setErrors((e) =>
          Object.fromEntries(
            Object.entries(e).filter(
              ([path]) => !keys.includes(path.split('.')[0]!) || path === 'lines',
            ),
          ),
        );
      }
      saveDraft();
    },
    [saveDraft],
  );

  /** A chosen customer fills the contact and delivery place, where they are still empty. */
  const onCustomerChosen = useCallback(
    (customer: CustomerRecord | undefined) => {
      if (!customer) return;
      const current = form.getFieldsValue(true) as IntakeFormValues;
      const contact = customer.contacts[0];
      form.setFieldsValue({
        ...(current.contactName ? {} : { contactName: contact?.name }),
        ...(current.contactPhone ? {} : { contactPhone: contact?.phone }),
        ...(current.contactEmail ? {} : { contactEmail: contact?.email }),
        ...(current.deliveryPlace
          ? {}
          : {
              deliveryPlace: [customer.address.line1, customer.address.city]
                .filter(Boolean)
                .join(', '),
            }),
      });
      saveDraft();
    },
    [form, saveDraft],
  );

  const focus = useCallback(
    (path: string) => {
      const input: unknown = form.getFieldInstance(fieldName(path) as never);
      if (input && typeof (input as { focus?: unknown }).focus === 'function') {
        (input as { focus: () => void }).focus();
      }
    },
    [form],
  );

  const reset = useCallback(async () => {
    form.resetFields();
    form.setFieldsValue(toForm(EMPTY_INTAKE));
    setErrors({});
    setRestoredAt(null);
    setSavedAt(null);
    if (timer.current) clearTimeout(timer.current);
    await drafts.clear();
    focus('customerId');
  }, [drafts, focus, form]);

  const take = useCallback(
    async (values: IntakeValues) => {
      setSubmitting(true);
      try {
        const id = uuidv7();
        const result = await mutate('order.create', intakeToArgs(values, id));
        if (!result.ok) {
          const path = refusedField(result);
          if (path)
            setErrors({
              [path]: { key: 'validation.serverRefused', vars: { message: refusalText(result) } },
            });
          else void message.error(refusalText(result));
          return;
        }
        const order = (await db?.domain('order').get(id)) as OrderRecord | undefined;
        const number = order?.number ?? '';
        void message.success(
          order?.numberProvisional
            ? t('orders.intake.takenOffline', { number })
            : t('orders.intake.taken', { number }),
        );
        await reset();
      } finally {
        setSubmitting(false);
      }
    },
    [db, message, mutate, refusalText, reset, t],
  );

  const submit = useCallback(async () => {
    const values = toValues(form.getFieldsValue(true) as IntakeFormValues);
    const found = validateIntake(values, localToday());
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      focus(first === 'lines' ? 'lines.0.model' : first);
      return;
    }
    if (db && values.customerId) {
      const existing = (await db
        .domain('order')
        .where('customerId')
        .equals(values.customerId)
        .toArray()) as OrderRecord[];
      const matches = findDuplicates(
        {
          customerId: values.customerId,
          requestedDate: values.requestedDate,
          lines: values.lines.filter((l) => l.model) as { model: string }[],
        },
        existing,
      );
      if (matches.length > 0) {
        setDuplicates(matches);
        return;
      }
    }
    await take(values);
  }, [db, focus, form, take]);

  return {
    form,
    submit,
    submitting,
    onValuesChange,
    onCustomerChosen,
    focus,
    restoredAt,
    savedAt,
    discardDraft: reset,
    linesError: errors.lines ? t(errors.lines.key as never, errors.lines.vars ?? {}) : undefined,
    duplicates,
    takeAnyway: async () => {
      setDuplicates(null);
      await take(toValues(form.getFieldsValue(true) as IntakeFormValues));
    },
    keepEditing: () => setDuplicates(null),
  };
}
