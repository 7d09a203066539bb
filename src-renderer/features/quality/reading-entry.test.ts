import { describe, expect, it } from 'vitest';
import { lotProgress } from '../../../src-shared/quality/lot';
import type { LotCharacteristic } from '../../../src-shared/quality/plan';
import { nextCharacteristic, prepareReading } from './reading-entry';

const base = {
  accept: 0,
  reject: 1,
  inspectAll: false,
  defectClass: 'major' as const,
  sampling: { rule: 'every' as const },
};
const ocv: LotCharacteristic = {
  ...base,
  id: 'ocv',
  name: { zh: '开路电压', en: 'OCV' },
  type: 'measured',
  unit: 'V',
  lower: 13,
  upper: 13.6,
  sampleSize: 2,
};
const bms: LotCharacteristic = {
  ...base,
  id: 'bms',
  name: { zh: 'BMS', en: 'BMS test' },
  type: 'pass-fail',
  sampleSize: 1,
};
const photo: LotCharacteristic = {
  ...base,
  id: 'photo',
  name: { zh: '照片', en: 'Photo' },
  type: 'record',
  sampleSize: 1,
};

describe('preparing a typed reading', () => {
  it('judges at once and builds the mutation arguments', () => {
    const r = prepareReading({ id: 'lot' }, ocv, 3, { text: '12,4', serial: ' PK-3 ' }, 'r1');
    expect(r).toEqual({
      ok: true,
      judged: { judgement: 'fail', reason: 'below-lower', nonconformities: 1 },
      args: {
        id: 'r1',
        lotId: 'lot',
        characteristicId: 'ocv',
        sample: 3,
        value: 12.4,
        serial: 'PK-3',
      },
    });
  });

  it('says what is wrong with what was typed', () => {
    expect(prepareReading({ id: 'l' }, ocv, 1, { text: '13.x' })).toEqual({
      ok: false,
      error: 'not-a-number',
    });
    expect(prepareReading({ id: 'l' }, ocv, 1, { text: '  ' })).toEqual({
      ok: false,
      error: 'empty',
    });
    expect(prepareReading({ id: 'l' }, bms, 1, { text: 'meh' })).toEqual({
      ok: false,
      error: 'not-pass-fail',
    });
  });

  it('a note or photo characteristic takes the typed text as the note', () => {
    const r = prepareReading(
      { id: 'l' },
      photo,
      1,
      { text: 'Label OK', photo: 'data:image/png;base64,AA==' },
      'p',
    );
    expect(r).toMatchObject({
      ok: true,
      judged: { judgement: 'info' },
      args: { note: 'Label OK', photo: 'data:image/png;base64,AA==' },
    });
    expect(prepareReading({ id: 'l' }, photo, 1, { text: '' })).toEqual({
      ok: false,
      error: 'empty',
    });
  });
});

describe('moving on to the next characteristic', () => {
  const cs = [ocv, bms, photo];
  it('stays until the sample is complete, then takes the next one that needs units', () => {
    const p0 = lotProgress(cs, {});
    expect(nextCharacteristic(cs, p0, null)).toBe('ocv');
    expect(
      nextCharacteristic(cs, lotProgress(cs, { ocv: { inspected: 1, nonconformities: 0 } }), 'ocv'),
    ).toBe('ocv');
    const p2 = lotProgress(cs, { ocv: { inspected: 2, nonconformities: 0 } });
    expect(nextCharacteristic(cs, p2, 'ocv')).toBe('bms');
    const p3 = lotProgress(cs, {
      ocv: { inspected: 2, nonconformities: 0 },
      photo: { inspected: 1, nonconformities: 0 },
    });
    expect(nextCharacteristic(cs, p3, 'photo')).toBe('bms');
    const done = lotProgress(cs, {
      ocv: { inspected: 2, nonconformities: 0 },
      bms: { inspected: 1, nonconformities: 0 },
      photo: { inspected: 1, nonconformities: 0 },
    });
    expect(nextCharacteristic(cs, done, 'bms')).toBe('bms');
  });
});
