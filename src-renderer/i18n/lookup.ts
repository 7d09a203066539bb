import { en } from './en';
import type { Language } from './language';
import { zhCN } from './zh-CN';

const trees = { 'zh-CN': zhCN, en } as const;

/**
 * Plain key lookup with {{var}} interpolation, without i18next: for page objects and tests
 * that must assert the very strings the UI shows in a given language.
 */
export function translate(
  language: Language,
  key: string,
  vars: Record<string, string | number> = {},
): string {
  let node: unknown = trees[language];
  for (const part of key.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  if (typeof node !== 'string') throw new Error(`no translation for ${key} in ${language}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(vars[name] ?? ''));
}
