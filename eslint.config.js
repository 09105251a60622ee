import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'zlib', 'stream'];

/**
 * One door to the database: only src-main/db/ speaks SQL (query builder, `sql`
 * templates, the raw better-sqlite3 handle, `new Database`). Everything above
 * it calls repositories named after what they answer.
 */
const SQL_OUTSIDE_DB = [
  {
    selector:
      'MemberExpression[property.name=/^(selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|selectNoFrom)$/]',
    message: 'Only src-main/db/ speaks SQL: call a repository (src-main/db/repositories/).',
  },
  {
    selector: "TaggedTemplateExpression[tag.name='sql']",
    message: 'Only src-main/db/ writes SQL: call a repository or db/engine.',
  },
  {
    selector: "MemberExpression[object.property.name='services'][property.name='sqlite']",
    message: 'The raw SQLite handle stays in src-main/db/ (use db/engine).',
  },
  {
    selector: "MemberExpression[object.name='services'][property.name='sqlite']",
    message: 'The raw SQLite handle stays in src-main/db/ (use db/engine).',
  },
  {
    selector: "ImportDeclaration[source.value='better-sqlite3']",
    message: 'better-sqlite3 is opened and driven from src-main/db/ only (db/engine).',
  },
  {
    selector: "ImportDeclaration[source.value='kysely'] ImportSpecifier[imported.name='sql']",
    message: 'Only src-main/db/ writes SQL.',
  },
];

/**
 * Handlers orchestrate: what two features share is a named module
 * (app/read-models/, db/repositories/, domain/), never one handler importing
 * another.
 */
const HANDLER_TO_HANDLER =
  'A handler never imports another handler: share a read model (app/read-models/), a repository or a domain rule.';
const ELECTRON_OUTSIDE_SHELL = { name: 'electron', message: 'Only src-main/electron/ may import electron.' };

/**
 * Runtime boundaries, enforced: only src-main/electron imports 'electron';
 * shared/ and domain/ run anywhere (no Node, no Electron); the renderer sees
 * main only through `@shared` and `window.api`.
 */
export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.reports/', '.demo-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-empty-pattern': 'off',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src-main/electron/ may import electron.' }] },
      ],
    },
  },
  {
    files: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-main/shared/**', 'src-main/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ and domain/ run anywhere.' }],
          patterns: [{ group: NODE_BUILTINS, message: 'shared/ and domain/ run anywhere: no Node modules.' }],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches main through window.api only.' }],
          patterns: [
            { group: NODE_BUILTINS, message: 'The renderer runs in a browser.' },
            { group: ['**/src-main/**'], message: 'Import main-side types and schemas through @shared only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts', 'src-main/**/*.tsx'],
    ignores: ['src-main/db/**'],
    rules: { 'no-restricted-syntax': ['error', ...SQL_OUTSIDE_DB] },
  },
  {
    files: ['src-main/app/handlers/**'],
    ignores: ['src-main/app/handlers/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [ELECTRON_OUTSIDE_SHELL], patterns: [{ regex: '^\\./(?!index$)', message: HANDLER_TO_HANDLER }] },
      ],
    },
  },
  {
    files: [
      'src-main/app/*.ts',
      'src-main/app/read-models/**',
      'src-main/documents/**',
      'src-main/exports/**',
      'src-main/imports/**',
      'src-main/backup/**',
    ],
    ignores: ['src-main/app/dispatch.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON_OUTSIDE_SHELL],
          patterns: [{ regex: '/handlers/(?!index$)[^/]+$', message: HANDLER_TO_HANDLER }],
        },
      ],
    },
  },
);
