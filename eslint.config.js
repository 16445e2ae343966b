// Lint rules that hold the architecture: the domain is pure, layers point inward.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const io = [
  'fs', 'fs/*', 'path', 'child_process', 'net', 'http', 'https', 'crypto', 'os', 'worker_threads', 'readline',
  'node:*', 'pg', 'drizzle-orm', 'drizzle-orm/*', 'fastify', 'fastify*', '@fastify/*', '@electric-sql/*',
  'exceljs', 'docx', 'mammoth', 'commander', 'proper-lockfile', 'cli-progress',
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'drizzle', 'web/dist', 'test-artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // src/domain: pure TypeScript. No I/O, no environment, no clock, no outer layers.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: io, message: 'src/domain must stay pure: no I/O or framework imports (architecture.md).' },
          { group: ['**/app/**', '**/db/**', '**/api/**', '**/cli/**', '**/render/**'], message: 'src/domain imports nothing from outer layers.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'No environment in src/domain: pass configuration in.' },
        { name: 'fetch', message: 'No I/O in src/domain.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in src/domain: pass `today` in.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No clock in src/domain: pass `today` in.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No randomness in src/domain: pass a generator in.' },
      ],
    },
  },
  {
    files: ['src/render/**/*.ts'],
    ignores: ['src/render/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/**', '**/db/**', '**/api/**', '**/cli/**'], message: 'src/render depends on domain types only.' }] }],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/api/**', '**/cli/**', 'fastify', 'fastify*'], message: 'src/db knows nothing of HTTP or the CLI.' }] }],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/api/**', '**/cli/**', 'fastify', 'fastify*', 'commander'], message: 'src/app is called by api and cli, never the reverse.' }] }],
    },
  },
  {
    files: ['src/api/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['drizzle-orm', 'drizzle-orm/*', '**/db/schema*', '**/db/queries/**'], message: 'api and cli go through src/app, never Drizzle directly.' }] }],
    },
  },
);
