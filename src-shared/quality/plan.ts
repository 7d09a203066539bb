import { z } from 'zod';
import {
  AQL_VALUES,
  INSPECTION_LEVELS,
  samplingPlan,
  type AqlValue,
  type CodeLetter,
  type Severity,
} from './aql';

/**
 * Inspection plans: per product model and stage, the characteristics to check, each with its
 * type, limits, defect class and sampling rule. A lot inspection takes a snapshot of them when
 * it starts, so a later plan revision never re-judges results already logged.
 */

export const STAGES = ['incoming', 'in-process', 'final', 'outgoing'] as const;
export type Stage = (typeof STAGES)[number];

export const DEFECT_CLASSES = ['critical', 'major', 'minor'] as const;
export type DefectClass = (typeof DEFECT_CLASSES)[number];

export const CHARACTERISTIC_TYPES = ['measured', 'pass-fail', 'count', 'record'] as const;
export type CharacteristicType = (typeof CHARACTERISTIC_TYPES)[number];

const localized = z.object({ zh: z.string().min(1).max(200), en: z.string().min(1).max(200) });

export const samplingRuleSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('every') }).strict(),
  z
    .object({
      rule: z.literal('fixed'),
      count: z.number().int().positive().max(100_000),
      accept: z.number().int().nonnegative().max(100_000).default(0),
    })
    .strict(),
  z
    .object({
      rule: z.literal('aql'),
      level: z.enum(INSPECTION_LEVELS),
      aql: z.union(AQL_VALUES.map((v) => z.literal(v)) as unknown as [z.ZodLiteral<AqlValue>]),
    })
    .strict(),
]);
export type SamplingRule = z.infer<typeof samplingRuleSchema>;

export const characteristicSchema = z
  .object({
    /** Stable within the plan; also what a tester's CSV column is matched against. */
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/)
      .describe('lower-case slug'),
    name: localized,
    type: z.enum(CHARACTERISTIC_TYPES),
    unit: z.string().max(20).optional(),
    lower: z.number().finite().optional(),
    upper: z.number().finite().optional(),
    /** Digits shown after the decimal point. */
    decimals: z.number().int().min(0).max(6).optional(),
    /** How it is measured, e.g. "1 kHz AC, 4-wire" — shown to the inspector. */
    method: z.string().max(200).optional(),
    defectClass: z.enum(DEFECT_CLASSES),
    sampling: samplingRuleSchema,
    /** Other headers a tester's CSV may use for this characteristic (e.g. "IR", "内阻"). */
    csvAliases: z.array(z.string().min(1).max(40)).max(10).optional(),
  })
  .strict()
  .refine((c) => c.type !== 'measured' || c.lower !== undefined || c.upper !== undefined, {
    message: 'a measured characteristic needs a lower or an upper limit',
    path: ['lower'],
  })
  .refine((c) => c.lower === undefined || c.upper === undefined || c.lower <= c.upper, {
    message: 'the lower limit is above the upper limit',
    path: ['upper'],
  })
  .refine((c) => c.type === 'measured' || (c.lower === undefined && c.upper === undefined), {
    message: 'only measured characteristics have limits',
    path: ['lower'],
  });
export type Characteristic = z.infer<typeof characteristicSchema>;

export const planFieldsSchema = z
  .object({
    model: z.string().min(1).max(100),
    stage: z.enum(STAGES),
    /** Process step for in-process plans (e.g. 'grading', 'welding'). */
    step: z.string().max(60).optional(),
    name: localized,
    characteristics: z
      .array(characteristicSchema)
      .min(1)
      .max(60)
      .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, {
        message: 'characteristic ids must be unique',
      }),
    active: z.boolean().default(true),
  })
  .strict();
export type PlanFields = z.infer<typeof planFieldsSchema>;

export interface InspectionPlanRecord extends PlanFields {
  id: string;
  revision: number;
  updatedBy: string;
  updatedAt: string;
  _v?: number;
  [key: string]: unknown;
}

/** A characteristic as a lot froze it, with the sample it needs and its acceptance numbers. */
export interface LotCharacteristic extends Characteristic {
  sampleSize: number;
  accept: number;
  reject: number;
  inspectAll: boolean;
  codeLetter?: CodeLetter;
}

/** How many units of a lot of `lotSize` to check for one characteristic, and Ac/Re. */
export function characteristicSampling(
  c: Characteristic,
  lotSize: number,
  severity: Severity,
): Pick<LotCharacteristic, 'sampleSize' | 'accept' | 'reject' | 'inspectAll' | 'codeLetter'> {
  const s = c.sampling;
  if (c.type === 'record') {
    // A photo or a note documents the lot; it is not judged, so nothing to accept or reject.
    const n = s.rule === 'fixed' ? Math.min(s.count, lotSize) : 1;
    return { sampleSize: n, accept: n, reject: n + 1, inspectAll: false };
  }
  if (s.rule === 'every') return { sampleSize: lotSize, accept: 0, reject: 1, inspectAll: true };
  if (s.rule === 'fixed') {
    const n = Math.min(s.count, lotSize);
    return { sampleSize: n, accept: s.accept, reject: s.accept + 1, inspectAll: n >= lotSize };
  }
  const p = samplingPlan({ lotSize, aql: s.aql, level: s.level, severity });
  return {
    sampleSize: p.sampleSize,
    accept: p.accept,
    reject: p.reject,
    inspectAll: p.inspectAll,
    codeLetter: p.codeLetter,
  };
}

export function freezeCharacteristics(
  characteristics: readonly Characteristic[],
  lotSize: number,
  severity: Severity,
): LotCharacteristic[] {
  return characteristics.map((c) => ({ ...c, ...characteristicSampling(c, lotSize, severity) }));
}

/** A reading as typed: a number, a pass/fail, a count of defects, or a note/photo only. */
export interface ReadingInput {
  value?: number;
  passed?: boolean;
  count?: number;
}

export type Judgement = 'pass' | 'fail' | 'info';

/** Why a reading is what it is, for the colour-independent text next to it. */
export type JudgementReason =
  | 'within-limits'
  | 'below-lower'
  | 'above-upper'
  | 'passed'
  | 'failed'
  | 'no-defects'
  | 'defects'
  | 'recorded'
  | 'missing-value';

export interface JudgedReading {
  judgement: Judgement;
  reason: JudgementReason;
  /** Nonconformities this reading adds to the lot's count (0 or 1, or the defects counted). */
  nonconformities: number;
}

/**
 * Judges one reading against its characteristic. Limits are inclusive: a value equal to a
 * limit conforms, as drawing tolerances are read. Also used on the server, so the verdict
 * stored is never the one a client claimed but the one its limits give.
 */
export function judgeReading(
  c: Pick<Characteristic, 'type' | 'lower' | 'upper'>,
  r: ReadingInput,
): JudgedReading {
  switch (c.type) {
    case 'measured': {
      if (r.value === undefined || !Number.isFinite(r.value)) {
        return { judgement: 'fail', reason: 'missing-value', nonconformities: 1 };
      }
      if (c.lower !== undefined && r.value < c.lower) {
        return { judgement: 'fail', reason: 'below-lower', nonconformities: 1 };
      }
      if (c.upper !== undefined && r.value > c.upper) {
        return { judgement: 'fail', reason: 'above-upper', nonconformities: 1 };
      }
      return { judgement: 'pass', reason: 'within-limits', nonconformities: 0 };
    }
    case 'pass-fail':
      if (r.passed === undefined)
        return { judgement: 'fail', reason: 'missing-value', nonconformities: 1 };
      return r.passed
        ? { judgement: 'pass', reason: 'passed', nonconformities: 0 }
        : { judgement: 'fail', reason: 'failed', nonconformities: 1 };
    case 'count': {
      const n = r.count ?? NaN;
      if (!Number.isInteger(n) || n < 0) {
        return { judgement: 'fail', reason: 'missing-value', nonconformities: 1 };
      }
      return n === 0
        ? { judgement: 'pass', reason: 'no-defects', nonconformities: 0 }
        : { judgement: 'fail', reason: 'defects', nonconformities: n };
    }
    case 'record':
      return { judgement: 'info', reason: 'recorded', nonconformities: 0 };
  }
}

/**
 * Parses what an inspector or a scanner typed for a characteristic. Decimal commas are
 * accepted (some testers print them); pass/fail takes the words the floor uses.
 */
export function parseTyped(
  type: CharacteristicType,
  text: string,
): { ok: true; reading: ReadingInput } | { ok: false } {
  const t = text.trim().toLowerCase();
  if (type === 'record') return { ok: true, reading: {} };
  if (t === '') return { ok: false };
  if (type === 'pass-fail') {
    if (['p', 'pass', 'ok', '1', 'y', 'yes', '合格', 'ok.'].includes(t)) {
      return { ok: true, reading: { passed: true } };
    }
    if (['f', 'fail', 'ng', '0', 'n', 'no', '不合格', 'x'].includes(t)) {
      return { ok: true, reading: { passed: false } };
    }
    return { ok: false };
  }
  const normalized = t.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(normalized)) return { ok: false };
  const n = Number(normalized);
  if (!Number.isFinite(n)) return { ok: false };
  if (type === 'count') {
    return Number.isInteger(n) && n >= 0 ? { ok: true, reading: { count: n } } : { ok: false };
  }
  return { ok: true, reading: { value: n } };
}
