import type { z } from 'zod';
import type { MessageRef } from './zod-rules';

/**
 * zod's issues of a whole record, as translation keys by field path ('specs.0.code'), so a
 * catalog or customer form shows each problem next to its field in the reader's language.
 */
export function issueRefs(error: z.ZodError): Record<string, MessageRef> {
  const out: Record<string, MessageRef> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (out[path]) continue;
    const origin = (issue as { origin?: string }).origin;
    if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) {
      out[path] = { key: 'validation.required' };
    } else if (issue.code === 'too_small' && origin === 'string') {
      out[path] =
        Number(issue.minimum) <= 1
          ? { key: 'validation.required' }
          : { key: 'validation.tooShort', vars: { min: Number(issue.minimum) } };
    } else if (issue.code === 'too_small' && origin === 'number') {
      out[path] = { key: 'validation.atLeast', vars: { min: Number(issue.minimum) } };
    } else if (issue.code === 'too_big' && origin === 'string') {
      out[path] = { key: 'validation.tooLong', vars: { max: Number(issue.maximum) } };
    } else {
      out[path] = { key: 'validation.invalid' };
    }
  }
  return out;
}
