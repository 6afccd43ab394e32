import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Layering (see CONVENTIONS.md): app/components -> lib/actions -> adapters -> lib/domain.
const layering = {
  files: ['**/*.ts', '**/*.tsx'],
  rules: {
    'import/no-cycle': ['error', { maxDepth: 10 }],
    'import/no-restricted-paths': [
      'error',
      {
        zones: [
          {
            target: './lib/domain',
            from: ['./lib/kafka', './lib/registry', './lib/connect', './lib/store', './lib/schema-analysis', './lib/auth', './lib/actions', './lib/config', './app', './components'],
            message: 'lib/domain is pure: it imports nothing of ours but lib/domain.',
          },
          {
            target: ['./lib/kafka', './lib/registry', './lib/connect', './lib/store', './lib/schema-analysis'],
            from: ['./lib/actions', './app', './components'],
            message: 'Adapters must not depend on actions or UI.',
          },
          {
            target: './components',
            from: ['./lib/kafka', './lib/registry', './lib/connect', './lib/store', './lib/schema-analysis'],
            message: 'Components never touch adapters; go through lib/actions or a route.',
          },
        ],
      },
    ],
    'no-restricted-imports': [
      'error',
      { paths: [{ name: 'node:vm', message: 'User code runs only in a sandbox.' }, { name: 'vm', message: 'User code runs only in a sandbox.' }] },
    ],
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    'no-eval': 'error',
    'no-new-func': 'error',
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  layering,
  {
    files: ['lib/domain/**/*.ts'],
    // Tests that need node APIs (files, child processes) to check outputs for real live in test/.
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['kafkajs', 'react', 'next', 'next/*', '@kafkajs/*', 'better-sqlite3', 'node:*', 'fs', 'path'], message: 'lib/domain is pure: no I/O, no React, no kafkajs.' }] },
      ],
    },
  },
  { ignores: ['.next/**', 'node_modules/**', '.stack/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
];

export default config;
