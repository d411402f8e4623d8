// The seeded, short fuzz run (the long one is `npm run fuzz`): random edits of the repository's
// manifests and fixtures keep every invariant of test/fuzz/invariants.ts. A fixed seed makes a
// failure here reproducible, and the shrunk edit list in the message names the smallest breaking edit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkText } from '../../server/src/service/engine/checkFile';
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

describe('regressions the fuzz run found', () => {
  test('a syntax error inside a multi-line plain scalar is placed on its own lines', () => {
    // The parser skipped the line breaks inside the scalar it stumbled on: the range ran past line 0.
    const text = ' {} a b\n Sizing c d\n# w\napiVersion: v1\nkind: Pod\n';
    const [finding] = checkText(text, { languageId: 'yaml' });
    assert.equal(finding?.ruleId, 'yaml-syntax');
    assertInside(TextDocument.create('file:///t', 'yaml', 1, text), finding.range, 'syntax');
    assert.deepEqual(finding.range.end, { line: 1, character: 11 });
  });

  test('a quote left open at the end of the text: the range ends at the end', () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'p\n";
    const [finding] = checkText(text, { languageId: 'yaml' });
    assert.equal(finding?.ruleId, 'yaml-syntax');
    assertInside(TextDocument.create('file:///t', 'yaml', 1, text), finding.range, 'syntax');
  });

  test("a lenient scalar's warning ends on the file's columns, not the indented text's", () => {
    // Case 67,961 of the 100,000-case run: the closing quote's line was indented to be read, and
    // the warning's end pointed past the end of that line in the file.
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fire\n  annotations:\n' +
      '    a.example.com/b: "kind: Pod\nreadiness is answered by the mesh sidecar"\nspec: {}\n';
    const lenient = checkText(text, { languageId: 'yaml' }).find((f) => f.ruleId === 'yaml-lenient-syntax');
    assert.ok(lenient, 'the lenient scalar is reported');
    assertInside(TextDocument.create('file:///t', 'yaml', 1, text), lenient.range, 'lenient');
    assert.deepEqual(lenient.range.end, { line: 6, character: 42 });
  });

  test("no 'did you mean' toward a field the object already sets (the rename would write it twice)", () => {
    const text =
      '-apiVersion: apps/v1\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: w, image: "w:1"}]}}}\n';
    const unknown = checkText(text, { languageId: 'yaml' }).find((f) => f.ruleId === 'schema-violation');
    assert.ok(unknown, 'the unknown field is reported');
    assert.doesNotMatch(unknown.message, /did you mean/i);
    assert.deepEqual(unknown.fixes, []);
  });
  test('no rename onto a key the map holds with an empty value (case 87,050 of the 100,000-case run)', () => {
    // `initContainers:` with nothing under it is left out of the data the schema judges, but the
    // key is in the text: renaming `(initContainers` to it would write the key twice.
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n  initContainers:\n  (initContainers:\n' +
      '    - name: proxy\n      image: envoyproxy/envoy:v1.32.1\n  containers:\n    - name: app\n      image: app:3.1.0\n';
    const unknown = checkText(text, { languageId: 'yaml' }).find((f) => f.ruleId === 'schema-violation');
    assert.ok(unknown, 'the unknown field is reported');
    assert.match(unknown.message, /'\(initContainers'/);
    assert.deepEqual(unknown.fixes, []);
    checkInvariants(text, 'yaml');
  });
  test('a CNI key written twice: the finding and its fix are on the value the runtime keeps (case 34,499)', () => {
    const text =
      '{\n  "cniVersion": "1.0.0",\n  "name": "podnet",\n  "plugins": [\n    {\n      "type": "bridge",\n' +
      '      "bridge": "cni0",\n      "mtu": "1500",\n      "mtu": "1500"\n    }\n  ]\n}\n';
    const options = { languageId: 'json' as const, filePath: '/net.d/10-podnet.conflist' };
    const invalid = checkText(text, options).find((f) => f.ruleId === 'cni-invalid-value');
    assert.equal(invalid?.range.start.line, 8, 'the second mtu, which Go keeps');
    checkInvariants(text, 'json');
  });
  test('`limits:` written empty: the memory limit goes under it, not into a second `limits:` (case 52,651)', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n  containers:\n    - name: trainer\n' +
      '      image: registry.example.com/ml/trainer:0.9.0\n      resources:\n        requests:\n' +
      '          cpu: 250m\n          memory: 4Gi\n        limits:\n';
    const missing = checkText(text, { languageId: 'yaml' }).find((f) => f.ruleId === 'missing-resources');
    assert.deepEqual(missing?.fixes[0]?.edits[0]?.newText, '\n          memory: 4Gi');
    checkInvariants(text, 'yaml');
  });
});
