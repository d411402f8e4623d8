// The seeded, short fuzz run (the long one is `npm run fuzz`): random edits of the repository's
// manifests and fixtures keep every invariant of test/fuzz/invariants.ts. A fixed seed makes a
// failure here reproducible, and the shrunk edit list in the message names the smallest breaking edit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { invariantsHold } from '../fuzz/property';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { assertInside, checkInvariants, loadSeeds } from '../fuzz/invariants';

test('the seed manifests themselves keep the invariants', () => {
  const seeds = loadSeeds();
  assert.ok(seeds.length > 100, `seeds: ${seeds.length}`);
  for (const seed of seeds) checkInvariants(seed.text, seed.languageId);
});

test('400 random edits of real manifests: no crash, ranges inside, fixes that parse and clear', () => {
  fc.assert(invariantsHold(), { numRuns: 400, seed: 20261202, includeErrorInReport: true });
});

test('the harness catches a range outside the document', () => {
  // If assertInside accepted anything, the runs above would prove nothing about ranges.
  const doc = TextDocument.create('file:///t', 'yaml', 1, 'a: 1\nb: 2\n');
  assertInside(doc, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, 'inside');
  assert.throws(() => assertInside(doc, { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } }, 'past'), /outside/);
  assert.throws(() => assertInside(doc, { start: { line: 0, character: 9 }, end: { line: 0, character: 9 } }, 'eol'), /outside/);
});
