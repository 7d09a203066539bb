import type { z } from 'zod';
import type { TransportMode } from '../../../src-shared/warehouse/dangerous-goods';
import type { MessageRef } from '../../components/zod-rules';

export interface CarrierFormValues {
  name?: string;
  modes?: TransportMode[];
  trackingPattern?: string;
  trackingUrl?: string;
  active?: boolean;
  freeText?: boolean;
}

const blank = (s?: string) => (s?.trim() ? s.trim() : undefined);

/** The form's values as the carrier the mutation takes. */
export function carrierFromForm(values: CarrierFormValues, id: string): Record<string, unknown> {
  return {
    id,
    name: values.name?.trim() ?? '',
    modes: values.modes ?? [],
    ...(blank(values.trackingPattern) ? { trackingPattern: blank(values.trackingPattern) } : {}),
    ...(blank(values.trackingUrl) ? { trackingUrl: blank(values.trackingUrl) } : {}),
    active: values.active ?? true,
    ...(values.freeText ? { freeText: true } : {}),
  };
}

/** zod's problems with a carrier, by form field, as translation keys of the warehouse screen. */
export function carrierProblems(error: z.ZodError): Record<string, MessageRef> {
  const out: Record<string, MessageRef> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'name');
    if (out[field]) continue;
    if (field === 'name') out[field] = { key: 'validation.required' };
    else if (field === 'modes') out[field] = { key: 'warehouse.carriers.errors.modes' };
    else if (field === 'trackingPattern') {
      out[field] = {
        key:
          issue.message === 'unsupported-regex'
            ? 'warehouse.carriers.errors.unsupportedPattern'
            : issue.code === 'too_big'
              ? 'validation.tooLong'
              : 'warehouse.carriers.errors.pattern',
        vars: { max: 200 },
      };
    } else if (field === 'trackingUrl') out[field] = { key: 'warehouse.carriers.errors.url' };
    else out[field] = { key: 'validation.invalid' };
  }
  return out;
}
