import type { MutationArgs } from '../../../src-shared/domains';
import { z } from 'zod';
import type { OrderChannel } from '../../../src-shared/orders/order-record';
import type { MessageRef } from '../../components/zod-rules';

/** The intake form as typed so far: everything optional, since a draft is saved as it grows. */
export interface IntakeValues {
  customerId?: string;
  channel: OrderChannel;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  lines: { model?: string; spec?: string; quantity?: number | null }[];
  /** YYYY-MM-DD */
  requestedDate?: string;
  deliveryPlace?: string;
  customerRef?: string;
  notes?: string;
}

export const EMPTY_INTAKE: IntakeValues = { channel: 'phone', lines: [{}] };

/** Field paths as antd names them: 'lines.0.quantity'. */
export type IntakeErrors = Record<string, MessageRef>;

const email = z.email();

/**
 * What must be right before an order can be taken: a customer, lines with a model and a
 * whole quantity, a date not in the past, a well-formed e-mail. The rest (contact, place,
 * specs) the review checks, because a phone call often starts without them.
 */
export function validateIntake(values: IntakeValues, today: string): IntakeErrors {
  const errors: IntakeErrors = {};
  if (!values.customerId) errors.customerId = { key: 'validation.required' };
  if (values.contactName && values.contactName.length > 100) {
    errors.contactName = { key: 'validation.tooLong', vars: { max: 100 } };
  }
  if (values.contactEmail && !email.safeParse(values.contactEmail.trim()).success) {
    errors.contactEmail = { key: 'orders.validation.email' };
  }
  const lines = values.lines.filter((l) => l.model || l.quantity || l.spec);
  if (lines.length === 0) errors.lines = { key: 'orders.validation.lines' };
  values.lines.forEach((line, i) => {
    const used = line.model || line.quantity || line.spec;
    if (!used) return;
    if (!line.model) errors[`lines.${i}.model`] = { key: 'validation.required' };
    const q = line.quantity;
    if (q === undefined || q === null || !Number.isInteger(q) || q < 1 || q > 100_000_000) {
      errors[`lines.${i}.quantity`] = { key: 'orders.validation.quantity' };
    }
  });
  if (values.requestedDate && values.requestedDate < today) {
    errors.requestedDate = { key: 'orders.validation.pastDate' };
  }
  if (values.deliveryPlace && values.deliveryPlace.length > 500) {
    errors.deliveryPlace = { key: 'validation.tooLong', vars: { max: 500 } };
  }
  if (values.customerRef && values.customerRef.length > 100) {
    errors.customerRef = { key: 'validation.tooLong', vars: { max: 100 } };
  }
  return errors;
}

/** The order.create arguments of a valid intake. */
export function intakeToArgs(values: IntakeValues, id: string): MutationArgs<'order.create'> {
  const text = (v?: string) => v?.trim() || undefined;
  const contactName = text(values.contactName);
  return {
    id,
    // Empty when none was picked: the mutation's schema refuses it at the field.
    customerId: values.customerId ?? '',
    channel: values.channel,
    ...(contactName
      ? {
          contact: {
            name: contactName,
            ...(text(values.contactPhone) ? { phone: text(values.contactPhone) } : {}),
            ...(text(values.contactEmail) ? { email: text(values.contactEmail) } : {}),
          },
        }
      : {}),
    lines: values.lines
      .filter((l): l is { model: string; spec?: string; quantity: number } =>
        Boolean(l.model && l.quantity),
      )
      .map((l) => ({ model: l.model, ...(l.spec ? { spec: l.spec } : {}), quantity: l.quantity })),
    ...(values.requestedDate ? { requestedDate: values.requestedDate } : {}),
    ...(text(values.deliveryPlace) ? { deliveryPlace: text(values.deliveryPlace) } : {}),
    ...(text(values.customerRef) ? { customerRef: text(values.customerRef) } : {}),
    ...(text(values.notes) ? { notes: text(values.notes) } : {}),
  };
}
