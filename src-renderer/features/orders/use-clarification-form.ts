import { App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../src-shared/ids';
import type {
  ClarificationRecord,
  OrderChannel,
  OrderRecord,
} from '../../../src-shared/orders/order-record';
import { refusedField, useRefusalText } from '../../components/use-refusal-text';
import { useOrderMutate } from './use-order-mutate';

export interface ClarificationValues {
  channel: OrderChannel;
  contact?: string;
  question?: string;
  answer?: string;
  hold?: boolean;
  resume?: boolean;
}

type Field = keyof ClarificationValues;
const FIELDS: Field[] = ['channel', 'contact', 'question', 'answer', 'hold', 'resume'];

/**
 * Logs an exchange with the customer: a new question (optionally parking the order until the
 * answer), or the answer to an earlier one (optionally taking the order back into review).
 */
export function useClarificationForm(order: OrderRecord) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClarificationValues>();
  const mutate = useOrderMutate();
  const refusalText = useRefusalText();
  const [open, setOpen] = useState(false);
  const [answerTo, setAnswerTo] = useState<ClarificationRecord | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [submitting, setSubmitting] = useState(false);

  const show = (question: ClarificationRecord | null) => {
    setAnswerTo(question);
    setErrors({});
    form.resetFields();
    form.setFieldsValue({
      channel: question?.channel ?? 'phone',
      contact: question?.contact ?? order.contact?.name,
      hold: !question && order.state === 'under_review',
      resume: !!question && order.state === 'needs_clarification',
    });
    setOpen(true);
  };

  const submit = async (values: ClarificationValues) => {
    setSubmitting(true);
    setErrors({});
    try {
      const result = await mutate('order.clarify', {
        id: uuidv7(),
        orderId: order.id,
        channel: values.channel,
        ...(values.contact?.trim() ? { contact: values.contact.trim() } : {}),
        ...(answerTo ? { answerTo: answerTo.id } : { question: values.question?.trim() }),
        ...(values.answer?.trim() ? { answer: values.answer.trim() } : {}),
        ...(values.hold ? { hold: true } : {}),
        ...(values.resume ? { resume: true } : {}),
      });
      if (result.ok) {
        void message.success(t('orders.clarify.logged'));
        setOpen(false);
        return;
      }
      const field = refusedField(result)?.split('.')[0] as Field | undefined;
      if (field && FIELDS.includes(field)) setErrors({ [field]: refusalText(result) });
      else void message.error(refusalText(result));
    } finally {
      setSubmitting(false);
    }
  };

  const fieldError = (field: Field) =>
    errors[field] ? { validateStatus: 'error' as const, help: errors[field] } : {};

  return { form, open, show, hide: () => setOpen(false), answerTo, submit, submitting, fieldError };
}
