// Lint enforces the module map of docs/architecture.md §2: which folder may import what.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnly = { name: 'electron', message: 'Only app/main/electron and app/preload may import electron.' };
const noNode = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'net', 'crypto', 'url', 'stream', 'events', 'util'],
  message: 'This folder runs in a browser context: no Node built-ins.',
};
const noMain = { group: ['**/main/**', '**/main'], message: 'Browser-side code talks to services through the contract, never by import.' };
const noRenderer = { group: ['**/renderer/**'], message: 'Only the renderer imports the renderer.' };
const noSimulator = { group: ['**/simulator/**'], message: 'The simulator is loaded over the device protocol, not imported.' };
// The component support table is pure data (no DOM, no glass-easel); the editor's WXML completion reads it.
const noSimulatorButSupportTable = { group: ['**/simulator/**', '!**/simulator/support', '!**/simulator/support/**'], message: noSimulator.message };
const noGlassEasel = {
  group: ['glass-easel', 'glass-easel/*', 'glass-easel-miniprogram-adapter'],
  message: 'glass-easel runs in the logic Worker only (app/simulator/logic).',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', '.corpus/', '.bench/', '**/*.d.ts', 'resources/templates/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'No default exports.' }],
    },
  },
  {
    files: ['app/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [noNode, noMain, noRenderer, noSimulator, noGlassEasel] }],
    },
  },
  {
    files: ['app/main/**/*.ts'],
    ignores: ['app/main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [noRenderer, noSimulator, noGlassEasel] }],
    },
  },
  {
    files: ['app/main/electron/**/*.ts', 'app/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer, noSimulator, noGlassEasel] }] },
  },
  {
    files: ['app/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [noNode, noMain, noSimulatorButSupportTable, noGlassEasel] }],
    },
  },
  {
    files: ['app/simulator/**/*.ts'],
    ignores: ['app/simulator/logic/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [noNode, noMain, noRenderer, noGlassEasel] }],
    },
  },
  {
    files: ['app/simulator/logic/**/*.ts'],
    languageOptions: { globals: { ...globals.worker } },
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [noNode, noMain, noRenderer] }] },
  },
  {
    files: ['*.config.{js,ts}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs,ts}'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
