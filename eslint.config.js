// Flat config: typed rules everywhere, and the layer boundaries of DEVELOPERS.md enforced as imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = { group: ['node:*'], message: 'The renderer runs sandboxed: no Node built-ins.' };
const electron = { name: 'electron', message: 'The renderer talks to main only through window.tasks (the preload bridge).' };
const mainCode = { group: ['**/src-main/**', '../src-main/*'], message: 'This layer may not import the main process.' };
// Better Auth's tables and modules belong to src-main/auth; the task API trusts only the JWT's `sub`.
const betterAuth = {
  group: ['better-auth', 'better-auth/*', '**/auth/auth-service*', '**/auth/better-auth*'],
  message: 'Task code never touches Better Auth: the verified JWT `sub` is the only identity it trusts.',
};

// SQL that names one of Better Auth's tables (user, session, account, verification, jwks).
const BETTER_AUTH_TABLE_SQL = String.raw`/\b(from|join|into|update|table)\s+["'\x60]?(user|session|account|verification|jwks)\b/i`;

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/', 'bench/results/', 'e2e/screenshots/', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      // Keep disableTypeChecked's parserOptions (this key replaces its whole languageOptions).
      parserOptions: { projectService: false, project: false },
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [electron], patterns: [nodeBuiltins, mainCode, { group: ['**/src-preload/index*'], message: 'Import types from src-preload/contract only.' }] },
      ],
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [mainCode] }] },
  },
  {
    files: ['src-preload/contract.ts', 'src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electron], patterns: [nodeBuiltins, mainCode, { group: ['react', 'react-dom'], message: 'Shared code is UI-free.' }] },
      ],
    },
  },
  {
    // The CLI and its MCP server are thin clients of the HTTP API: never the main process, never Electron.
    files: ['cli/**/*.ts'],
    // Its tests start a real host in-process (src-main/testing) to run the CLI against.
    ignores: ['cli/**/*.test.ts', 'cli/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The CLI runs in plain Node and talks to the app over HTTP only.' }],
          patterns: [{ ...mainCode, message: 'The CLI speaks only the HTTP API: no main-process code (src-main).' }],
        },
      ],
    },
  },
  {
    files: ['src-main/tasks/**/*.ts', 'src-main/api/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [betterAuth] }],
      // ...nor reads its tables with raw SQL.
      'no-restricted-syntax': [
        'error',
        ...['Literal', 'TemplateElement'].map((node) => ({
          selector: `${node}[${node === 'Literal' ? 'value' : 'value.raw'}=${BETTER_AUTH_TABLE_SQL}]`,
          message: 'Task code never reads Better Auth tables: trust the verified JWT claims instead.',
        })),
      ],
    },
  },
);
