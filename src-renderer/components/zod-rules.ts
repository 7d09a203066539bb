import type { z } from 'zod';

/** A translation key with its values: translated at render time, so it follows the language. */
export interface MessageRef {
  key: string;
  vars?: Record<string, string | number>;
}

/**
 * The first problem zod finds with one field's value, as a translation key. zod's own
 * messages are English sentences meant for developers; people on the floor get ours.
 * `formatKey` names what a regex-shaped field expects (e.g. the username rule).
 */
export function fieldProblem(
  schema: z.ZodType,
  value: unknown,
  formatKey = 'validation.invalid',
): MessageRef | undefined {
  const empty = value === undefined || value === null || value === '';
  const result = schema.safeParse(value ?? '');
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  if (!issue) return { key: 'validation.invalid' };
  if (empty) return { key: 'validation.required' };
  switch (issue.code) {
    case 'too_small':
      return { key: 'validation.tooShort', vars: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'validation.tooLong', vars: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { key: formatKey };
    default:
      return { key: 'validation.invalid' };
  }
}

/** An antd Form rule that checks a field with the same zod schema the server validates with. */
export function zodRule(
  schema: z.ZodType,
  translate: (ref: MessageRef) => string,
  formatKey?: string,
): { validator: (rule: unknown, value: unknown) => Promise<void> } {
  return {
    validator: async (_rule, value) => {
      const problem = fieldProblem(schema, value, formatKey);
      if (problem) throw new Error(translate(problem));
    },
  };
}
