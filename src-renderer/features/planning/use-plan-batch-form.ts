import { App, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../src-shared/ids';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';

export interface PlanBatchValues {
  model: string;
  quantity: number;
  lineId: string;
  start: Dayjs;
  hours: number;
}

type Field = 'model' | 'quantity' | 'lineId' | 'start' | 'end';

/** Plans a batch through the sync engine; a refusal lands next to the field it is about. */
export function usePlanBatchForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanBatchValues>();
  const mutate = useMutate();
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = async (values: PlanBatchValues) => {
    setSubmitting(true);
    setErrors({});
    try {
      const start = values.start.second(0).millisecond(0);
      const result = await mutate('batch.plan', {
        id: uuidv7(),
        model: values.model,
        quantity: values.quantity,
        lineId: values.lineId,
        start: start.toISOString(),
        end: start.add(values.hours, 'hour').toISOString(),
      });
      if (result.ok) {
        form.resetFields(['model']);
        void message.success(t('planning.added'));
        return;
      }
      const field = String(result.params.path ?? '').split('.')[0] as Field;
      const phrase = describeRefusal(result.error, result.params, (s) => s);
      const text = t(phrase.key as never, phrase.values);
      if (['model', 'quantity', 'lineId', 'start', 'end'].includes(field)) {
        setErrors({ [field]: text });
      } else {
        void message.error(text);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const fieldError = (field: Field) =>
    errors[field] ? { validateStatus: 'error' as const, help: errors[field] } : {};

  return { form, submit, fieldError, submitting };
}
