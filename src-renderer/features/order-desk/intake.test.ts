import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DraftDb, isBlank } from './intake-draft';
import { EMPTY_INTAKE, intakeToArgs, validateIntake, type IntakeValues } from './intake-values';

const TODAY = '2026-12-01';
const good: IntakeValues = {
  customerId: 'c-1',
  channel: 'phone',
  contactName: ' 林晓东 ',
  contactPhone: '+86 755 2601 8830',
  contactEmail: '',
  lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 20000 }, {}],
  requestedDate: '2027-02-15',
  deliveryPlace: 'Shenzhen',
};

describe('intake validation', () => {
  it('accepts a complete order and ignores the empty line at the end', () => {
    expect(validateIntake(good, TODAY)).toEqual({});
    expect(intakeToArgs(good, 'id-1')).toEqual({
      id: 'id-1',
      customerId: 'c-1',
      channel: 'phone',
      contact: { name: '林晓东', phone: '+86 755 2601 8830' },
      lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 20000 }],
      requestedDate: '2027-02-15',
      deliveryPlace: 'Shenzhen',
    });
  });

  it('puts every problem on its own field', () => {
    const errors = validateIntake(
      {
        channel: 'email',
        contactEmail: 'not-an-address',
        lines: [
          { model: 'CYL-18650-26', quantity: 0 },
          { spec: 'STD', quantity: 1.5 },
        ],
        requestedDate: '2026-11-30',
      },
      TODAY,
    );
    expect(errors).toEqual({
      customerId: { key: 'validation.required' },
      contactEmail: { key: 'orders.validation.email' },
      'lines.0.quantity': { key: 'orders.validation.quantity' },
      'lines.1.model': { key: 'validation.required' },
      'lines.1.quantity': { key: 'orders.validation.quantity' },
      requestedDate: { key: 'orders.validation.pastDate' },
    });
  });

  it('asks for at least one line', () => {
    expect(validateIntake({ ...good, lines: [{}] }, TODAY).lines).toEqual({
      key: 'orders.validation.lines',
    });
  });
});

describe('intake draft', () => {
  it('survives closing the database (a crash) and is per user', async () => {
    const indexedDB = new IDBFactory();
    const a = new DraftDb('u1', { indexedDB, IDBKeyRange });
    await a.save(good, '2026-12-01T08:00:00Z');
    a.close();
    const again = new DraftDb('u1', { indexedDB, IDBKeyRange });
    expect(await again.load()).toEqual({ values: good, savedAt: '2026-12-01T08:00:00Z' });
    expect(await new DraftDb('u2', { indexedDB, IDBKeyRange }).load()).toBeUndefined();
    await again.clear();
    expect(await again.load()).toBeUndefined();
  });

  it('knows a blank form from one worth keeping', () => {
    expect(isBlank(EMPTY_INTAKE)).toBe(true);
    expect(isBlank({ ...EMPTY_INTAKE, channel: 'email' })).toBe(true);
    expect(isBlank({ ...EMPTY_INTAKE, notes: 'call back' })).toBe(false);
    expect(isBlank({ ...EMPTY_INTAKE, lines: [{ quantity: 5 }] })).toBe(false);
  });
});
