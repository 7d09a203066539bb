import { App, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  FeasibilityDecision,
  FeasibilityDepartment,
  RefusalReason,
} from '../../../src-shared/orders/feasibility';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import { refusedField, useRefusalText } from '../../components/use-refusal-text';
import { useOrderMutate } from './use-order-mutate';

export interface SignValues {
  decision: FeasibilityDecision;
  proposedDate?: Dayjs;
  reasons?: RefusalReason[];
  comment?: string;
}

type Field = keyof SignValues;
const FIELDS: Field[] = ['decision', 'proposedDate', 'reasons', 'comment'];

/** One department's sign-off on a confirmed order; a refusal lands next to its field. */
export function useFeasibilityForm(order: OrderRecord, department: FeasibilityDepartment) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SignValues>();
  const mutate = useOrderMutate();
  const refusalText = useRefusalText();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: SignValues) => {
    setSubmitting(true);
    setErrors({});
    try {
      const result = await mutate('feasibility.sign', {
        orderId: order.id,
        department,
        decision: values.decision,
        ...(values.decision === 'approve-later' && values.proposedDate
          ? { proposedDate: values.proposedDate.format('YYYY-MM-DD') }
          : {}),
        ...(values.decision === 'refuse' ? { reasons: values.reasons ?? [] } : {}),
        ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
      });
      if (result.ok) {
        void message.success(
          t('orders.feasibility.signed', {
            department: t(`orders.feasibility.departments.${department}`),
          }),
        );
        // The form keeps what was signed: it is the department's standing answer.
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
  return {
    form,
    submit,
    submitting,
    fieldError,
    clearError: (field: Field) => setErrors((e) => ({ ...e, [field]: undefined })),
  };
}
