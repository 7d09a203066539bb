import { MUTATIONS } from '../../src-shared/mutations';
import { REFUSAL_CODES } from '../../src-shared/sync/mutation';
/**
 * Turns a stored change and a server refusal into translation keys and their values, so the
 * rejections inbox and the notices say in the user's language what was refused and why.
 */

const KNOWN_REFUSALS: ReadonlySet<string> = new Set(REFUSAL_CODES);

export interface Phrase {
  key: string;
  values: Record<string, string | number>;
}

/** Keys use '-' where mutation names use '.', which i18next reads as nesting. */
export function describeMutation(name: string): Phrase {
  return MUTATIONS.has(name)
    ? { key: `sync.mutations.${name.replace('.', '-')}`, values: {} }
    : { key: 'sync.mutations.unknown', values: { name } };
}

/**
 * `translateState` turns order states in the parameters into words, so "illegal-transition"
 * reads "The order is now 'Shipped'…" rather than a code.
 */
export function describeRefusal(
  code: string,
  params: Record<string, string | number>,
  translateState: (state: string) => string,
): Phrase {
  if (!KNOWN_REFUSALS.has(code)) return { key: 'sync.refusals.unknown', values: { code } };
  const values = { ...params };
  if (code === 'illegal-transition') {
    values.from = translateState(String(params.from ?? ''));
    values.to = translateState(String(params.to ?? ''));
  }
  if (code === 'invalid-args') {
    values.path = String(params.path ?? '');
    values.message = String(params.message ?? '');
  }
  return { key: `sync.refusals.${code}`, values };
}

/** "line and start" from ['lineId', 'start'], translated and joined the locale's way. */
export function describeFields(
  fields: string[],
  translate: (field: string) => string,
  locale: string,
): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(fields.map(translate));
}
