import { describe, expect, it } from 'vitest';
import { carrierSchema } from '../../../src-shared/warehouse/carrier';
import { translate } from '../../i18n/lookup';
import { carrierFromForm, carrierProblems } from './carrier-form';
import { carrierRefusalField } from './carrier-refusal';

describe('carrier form', () => {
  it('turns blank optional fields into absent ones', () => {
    expect(
      carrierFromForm(
        { name: ' Deppon ', modes: ['road'], trackingPattern: ' ', active: true },
        'c1',
      ),
    ).toEqual({ id: 'c1', name: 'Deppon', modes: ['road'], active: true });
  });

  it('keeps the other-carrier flag only when it is set', () => {
    const other = carrierFromForm(
      { name: 'Other carrier / 其他承运商', modes: ['road'], active: true, freeText: true },
      'c2',
    );
    expect(other).toMatchObject({ freeText: true });
    expect(carrierSchema.safeParse(other).success).toBe(true);
    expect(
      carrierFromForm({ name: 'X', modes: ['road'], freeText: false }, 'c3'),
    ).not.toHaveProperty('freeText');
  });

  it('puts each problem next to its field, worded in both languages', () => {
    const parsed = carrierSchema.safeParse(
      carrierFromForm(
        { name: '', modes: [], trackingPattern: '(a)\\1', trackingUrl: 'https://x.example/' },
        'c1',
      ),
    );
    expect(parsed.success).toBe(false);
    const problems = carrierProblems(parsed.error!);
    expect(problems).toEqual({
      name: { key: 'validation.required' },
      modes: { key: 'warehouse.carriers.errors.modes' },
      trackingPattern: {
        key: 'warehouse.carriers.errors.unsupportedPattern',
        vars: { max: 200 },
      },
      trackingUrl: { key: 'warehouse.carriers.errors.url' },
    });
    for (const ref of Object.values(problems)) {
      for (const language of ['en', 'zh-CN'] as const) {
        expect(translate(language, ref.key, ref.vars)).not.toBe(ref.key);
      }
    }
    const broken = carrierSchema.safeParse(
      carrierFromForm({ name: 'X', modes: ['sea'], trackingPattern: 'SF[0-9' }, 'c1'),
    );
    expect(carrierProblems(broken.error!)).toEqual({
      trackingPattern: { key: 'warehouse.carriers.errors.pattern', vars: { max: 200 } },
    });
    // Nested repeats are safe under RE2, so the form no longer stops them.
    expect(
      carrierSchema.safeParse(
        carrierFromForm({ name: 'X', modes: ['sea'], trackingPattern: '(a+)+' }, 'c1'),
      ).success,
    ).toBe(true);
  });
});

describe('carrier refusals in the shipment forms', () => {
  it('puts each next to the field it is about', () => {
    expect(carrierRefusalField('invalid-tracking-number', {}, false)).toBe('trackingNumber');
    expect(carrierRefusalField('carrier-not-listed', {}, true)).toBe('carrier');
    expect(carrierRefusalField('carrier-not-listed', {}, false)).toBe('carrierId');
    expect(carrierRefusalField('carrier-unavailable', {}, true)).toBe('carrierId');
    expect(carrierRefusalField('not-found', { kind: 'carrier' }, false)).toBe('carrierId');
    expect(carrierRefusalField('not-found', { kind: 'order' }, false)).toBeUndefined();
    expect(carrierRefusalField('invalid-args', { path: 'carrier' }, true)).toBe('carrier');
    expect(carrierRefusalField('scan-incomplete', {}, false)).toBeUndefined();
  });
});
