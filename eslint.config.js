import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The renderer's import rules (src-renderer/README.md). Flat config replaces a rule's options
// per block rather than merging them, so every renderer block repeats SANDBOX.
const SANDBOX = {
  group: ['**/src-server/**', '**/src-main/**', 'node:*', 'electron'],
  message: 'The renderer runs in a sandbox: no Node, Electron or server code.',
};
const NO_FEATURES = {
  regex: '^\\.{1,2}/(\\.\\./)*features(/|$)',
  message: 'components/ holds pieces shared by features and imports none of them.',
};
// Features are flat folders, so from features/<x>/ a path `../<y>/…` is inside feature <y>
// and `../../…` has left features/. Reaching features/ again from outside is refused too.
const faceMessage = "Import another feature only through its face, '../<feature>' (its index.ts).";
const FACES_ONLY = [
  { regex: '^\\.\\./[^./][^/]*/', message: faceMessage },
  { regex: '^\\.\\./(\\.\\./)+features/', message: faceMessage },
];
const FACES_ONLY_FOR_PAGES = [
  {
    regex: '^\\.\\./([^./][^/]*)/(?!\\1\\.page$)',
    message: `${faceMessage} Page objects may also import '../<feature>/<feature>.page'.`,
  },
  FACES_ONLY[1],
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'data/**',
      'bench-results/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The import direction of DESIGN.md section 2: src-shared imports nothing of ours.
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src-renderer/**',
                '**/src-server/**',
                '**/src-main/**',
                'node:*',
                'react',
                'dexie',
                'electron',
              ],
              message: 'src-shared is pure TypeScript: no React, Dexie, Electron, Node or SQL.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SANDBOX] }] },
  },
  {
    files: ['src-renderer/components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SANDBOX, NO_FEATURES] }] },
  },
  {
    files: ['src-renderer/features/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SANDBOX, ...FACES_ONLY] }] },
  },
  {
    // Page objects compose: the order desk's screen holds the orders panel, so a page object
    // may also import another feature's page object, `../<feature>/<feature>.page`.
    files: ['src-renderer/features/**/*.page.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [SANDBOX, ...FACES_ONLY_FOR_PAGES] }],
    },
  },
);
