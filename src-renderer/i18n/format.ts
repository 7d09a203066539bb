import { intlLocaleOf, type Language } from './language';

/**
 * Dates and numbers in the form the reader's language expects (2026年3月5日 / Mar 5, 2026;
 * 1,234.5 in both). Intl formatters are costly to build, so they are cached per locale and
 * options.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${language}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocaleOf(language), options);
    cache.set(key, f);
  }
  return f;
}

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${language}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(intlLocaleOf(language), options);
    cache.set(key, f);
  }
  return f;
}

type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

export function formatDate(value: DateInput, language: Language): string {
  return dateFormat(language, { year: 'numeric', month: 'short', day: 'numeric' }).format(
    toDate(value),
  );
}

export function formatDateTime(value: DateInput, language: Language): string {
  return dateFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(toDate(value));
}

export function formatNumber(
  value: number,
  language: Language,
  options: Intl.NumberFormatOptions = {},
): string {
  return numberFormat(language, options).format(value);
}

/** A quantity with its unit, e.g. 1,200 pcs / 1,200 件; units come translated from the caller. */
export function formatQuantity(
  value: number,
  unit: string,
  language: Language,
  maximumFractionDigits = 3,
): string {
  const n = formatNumber(value, language, { maximumFractionDigits });
  // Chinese sets units straight after the number only for CJK units; a space reads fine in both.
  return `${n} ${unit}`;
}
