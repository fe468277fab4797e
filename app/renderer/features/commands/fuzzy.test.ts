import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzzyScore } from './fuzzy';

test('fuzzy matching finds characters in order and prefers word starts and runs', () => {
  assert.equal(fuzzyScore('xyz', 'pages/index/index.wxml'), -1);
  assert.ok(fuzzyScore('idxwxml', 'pages/index/index.wxml') > 0);
  assert.ok(fuzzyScore('logs', 'pages/logs/logs.js') > fuzzyScore('logs', 'pages/lots/gs.js'));
  assert.ok(fuzzyScore('save', 'Save all') > fuzzyScore('save', 'Toggle live preview'));
});
