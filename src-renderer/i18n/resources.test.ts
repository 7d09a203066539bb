import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../src-shared/api/auth';
import { DEPARTMENTS } from '../../src-shared/departments';
import { ROLES } from '../../src-shared/roles';
import { en } from './en';
import { zhCN } from './zh-CN';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const enLeaves = leaves(en);
const zhLeaves = leaves(zhCN);

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('translation resources', () => {
  it('have exactly the same keys in zh-CN and English', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...enLeaves, ...zhLeaves]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const [key, value] of enLeaves) {
      expect(placeholders(zhLeaves.get(key) ?? ''), key).toEqual(placeholders(value));
    }
  });

  it('translate every server error code, plus network-error', () => {
    for (const code of [...API_ERROR_CODES, 'network-error']) {
      expect(enLeaves.has(`errors.${code}`), code).toBe(true);
    }
  });

  it('translate every role and every department', () => {
    for (const role of ROLES) expect(enLeaves.has(`roles.${role}`), role).toBe(true);
    for (const d of DEPARTMENTS) {
      for (const part of ['title', 'description', 'empty']) {
        expect(enLeaves.has(`departments.${d.id}.${part}`), `${d.id}.${part}`).toBe(true);
      }
    }
  });

  it('are really translated: Chinese text differs from English except names', () => {
    const sameOnPurpose = new Set(['app.name', 'language.zh-CN', 'language.en']);
    for (const [key, value] of enLeaves) {
      if (!sameOnPurpose.has(key)) expect(zhLeaves.get(key), key).not.toBe(value);
    }
  });
});
