import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES } from '../../src-shared/sync/mutation';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { describeFields, describeMutation, describeRefusal } from './describe-change';

function lookup(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
}

describe('describing refused changes', () => {
  it('names every mutation the registry knows, and falls back for others', async () => {
    const { MUTATIONS } = await import('../../src-shared/mutations');
    for (const name of MUTATIONS.keys()) {
      const phrase = describeMutation(name);
      expect(phrase.key).toBe(`sync.mutations.${name.replace('.', '-')}`);
      expect(typeof lookup(en, phrase.key)).toBe('string');
      expect(typeof lookup(zhCN, phrase.key)).toBe('string');
    }
    expect(describeMutation('shipment.teleport')).toEqual({
      key: 'sync.mutations.unknown',
      values: { name: 'shipment.teleport' },
    });
  });

  it('translates order states inside an illegal transition', () => {
    const phrase = describeRefusal(
      'illegal-transition',
      { from: 'shipped', to: 'cancelled' },
      (s) => String(lookup(en.orderStates, s)),
    );
    expect(phrase).toEqual({
      key: 'sync.refusals.illegal-transition',
      values: { from: 'Shipped', to: 'Cancelled' },
    });
  });

  it('has words for every refusal code in both languages, and a fallback', () => {
    for (const code of REFUSAL_CODES) {
      const { key } = describeRefusal(code, {}, (s) => s);
      expect(typeof lookup(en, key), key).toBe('string');
      expect(typeof lookup(zhCN, key), key).toBe('string');
    }
    expect(describeRefusal('gremlins', {}, (s) => s)).toEqual({
      key: 'sync.refusals.unknown',
      values: { code: 'gremlins' },
    });
  });

  it('joins field names the locale’s way', () => {
    const name = (f: string) => String(lookup(en.sync.fields, f));
    expect(describeFields(['lineId', 'start'], name, 'en')).toBe('line and start');
    expect(describeFields(['lineId'], (f) => String(lookup(zhCN.sync.fields, f)), 'zh-CN')).toBe(
      '产线',
    );
  });
});
