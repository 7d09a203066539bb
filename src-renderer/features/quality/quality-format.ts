import type { TFunction } from 'i18next';
import type {
  JudgementReason,
  LotCharacteristic,
  Characteristic,
} from '../../../src-shared/quality/plan';
import { formatNumber } from '../../i18n/format';
import type { Language } from '../../i18n/language';

/** Words and numbers of the quality screens, in the user's language. */

export function localName(name: { zh: string; en: string }, language: Language): string {
  return language === 'zh-CN' ? name.zh : name.en;
}

export function formatValue(
  value: number,
  c: Pick<Characteristic, 'decimals' | 'unit'>,
  language: Language,
): string {
  const n = formatNumber(value, language, {
    minimumFractionDigits: c.decimals ?? 0,
    maximumFractionDigits: c.decimals ?? 6,
  });
  return c.unit ? `${n} ${c.unit}` : n;
}

export function limitsText(c: Characteristic, language: Language, t: TFunction): string {
  if (c.type !== 'measured') return t(`quality.types.${c.type}`);
  const lo = c.lower !== undefined ? formatValue(c.lower, c, language) : null;
  const hi = c.upper !== undefined ? formatValue(c.upper, c, language) : null;
  if (lo && hi) return t('quality.limits.between', { lower: lo, upper: hi });
  if (lo) return t('quality.limits.atLeast', { lower: lo });
  return t('quality.limits.atMost', { upper: hi ?? '' });
}

export function samplingText(c: LotCharacteristic | Characteristic, t: TFunction): string {
  const s = c.sampling;
  const rule =
    s.rule === 'every'
      ? t('quality.sampling.every')
      : s.rule === 'fixed'
        ? t('quality.sampling.fixed', { count: s.count })
        : t('quality.sampling.aql', { aql: s.aql, level: s.level });
  if (!('sampleSize' in c)) return rule;
  const plan = t('quality.sampling.plan', {
    n: c.sampleSize,
    ac: c.accept,
    re: c.reject,
  });
  const code = c.codeLetter ? t('quality.sampling.code', { letter: c.codeLetter }) : '';
  return [rule, code, plan, c.inspectAll ? t('quality.sampling.inspectAll') : '']
    .filter(Boolean)
    .join(' · ');
}

/** "Below the lower limit 13.00 V": the words that go with the colour of a judgement. */
export function reasonText(
  reason: JudgementReason,
  c: Pick<Characteristic, 'lower' | 'upper' | 'unit' | 'decimals'>,
  language: Language,
  t: TFunction,
  nonconformities = 0,
): string {
  switch (reason) {
    case 'below-lower':
      return t('quality.reason.below-lower', { limit: formatValue(c.lower ?? 0, c, language) });
    case 'above-upper':
      return t('quality.reason.above-upper', { limit: formatValue(c.upper ?? 0, c, language) });
    case 'defects':
      return t('quality.reason.defects', { count: nonconformities });
    default:
      return t(`quality.reason.${reason}`);
  }
}
