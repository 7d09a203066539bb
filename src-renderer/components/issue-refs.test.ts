import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { productSchema } from '../../src-shared/orders/catalog';
import { issueRefs } from './issue-refs';

describe('record issues as field messages', () => {
  it('places each problem of a product at its field path', () => {
    const result = productSchema.safeParse({
      id: 'p',
      code: 'bad code',
      name: { zh: '', en: 'Cell' },
      chemistry: 'LFP',
      format: '18650',
      nominalVoltageV: 3.2,
      ratedCapacityAh: 3.2,
      typicalCapacityAh: 3.3,
      energyWh: 10.24,
      chargeVoltageV: 3.65,
      unNumber: 'UN3480',
      dangerousGoodsClass: '9',
      hsCode: '8507.60',
      unit: 'pcs',
      leadTimeDays: 30,
      specs: [{ code: 'STD', name: { zh: '标准', en: 'x'.repeat(300) } }],
    });
    expect(result.success).toBe(false);
    expect(issueRefs(result.error!)).toEqual({
      code: { key: 'validation.invalid' },
      'name.zh': { key: 'validation.required' },
      moq: { key: 'validation.required' },
      'specs.0.name.en': { key: 'validation.tooLong', vars: { max: 200 } },
    });
  });

  it('says how small a number may be', () => {
    const result = z.object({ units: z.number().int().min(1) }).safeParse({ units: 0 });
    expect(issueRefs(result.error!)).toEqual({
      units: { key: 'validation.atLeast', vars: { min: 1 } },
    });
  });
});
