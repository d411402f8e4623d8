/**
 * Splitting an edited text again from the previous split gives exactly the split of the
 * whole new text, and keeps as "the same" only documents whose text did not change.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { splitYamlDocuments } from '../../server/src/service/document/splitDocuments';
import { commonPrefixLength, commonSuffixLength, resplitYamlDocuments } from '../../server/src/service/document/resplitDocuments';

const pieces = [
  '---\n',
  '--- \n',
  '---',
  '-',
  '\n',
  '\r\n',
  '# note\n',
  '%YAML 1.2\n',
  'a: 1\n',
  'kind: Pod\n',
  '  x: y\n',
  '...\n',
  ' ',
  'b',
];
const textOf = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

function checkEdit(before: string, after: string): void {
  const old = splitYamlDocuments(before);
  const { chunks, sameAs } = resplitYamlDocuments(before, old, after);
  assert.deepEqual(chunks, splitYamlDocuments(after));
  sameAs.forEach((index, at) => {
    if (index >= 0) assert.equal(chunks[at]?.text, old[index]?.text, 'a kept chunk has its old text');
  });
}

test('random edits: the re-split equals a split of the whole new text', () => {
  fc.assert(
    fc.property(textOf, fc.nat(), fc.nat(), fc.constantFrom(...pieces, ''), (before, at, length, inserted) => {
      const start = before.length === 0 ? 0 : at % (before.length + 1);
      const end = Math.min(before.length, start + (length % 12));
      checkEdit(before, before.slice(0, start) + inserted + before.slice(end));
    }),
    { numRuns: 3000, seed: 20261202 },
  );
});

test('one character typed in a long stream keeps every other document', () => {
  const documents = Array.from({ length: 300 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`);
  const before = documents.join('---\n');
  const at = before.indexOf('name: c150') + 'name: c150'.length;
  const after = `${before.slice(0, at)}x${before.slice(at)}`;
  const old = splitYamlDocuments(before);
  const { chunks, sameAs } = resplitYamlDocuments(before, old, after);
  assert.deepEqual(chunks, splitYamlDocuments(after));
  assert.equal(sameAs.filter((index) => index === -1).length, 1, 'only the edited document is split again');
  assert.equal(chunks[299]?.text, old[299]?.text);
});

test('typing a document marker splits one document into two; removing it joins them', () => {
  const before = 'a: 1\nb: 2\n---\nc: 3\n';
  const after = 'a: 1\n---\nb: 2\n---\nc: 3\n';
  checkEdit(before, after);
  checkEdit(after, before);
  checkEdit('# head\n---\na: 1\n', '# head\n--\na: 1\n');
  checkEdit('# only a comment\n', '# only a comment\n---\na: 1\n');
});

test('common head and tail lengths', () => {
  const long = 'x'.repeat(100_000);
  assert.equal(commonPrefixLength(`${long}a${long}`, `${long}b${long}`), 100_000);
  assert.equal(commonSuffixLength(`${long}a${long}`, `${long}b${long}`, 100_000), 100_000);
  assert.equal(commonSuffixLength('abc', 'abc', 1), 1, 'never more than asked');
  assert.equal(commonPrefixLength('', 'abc'), 0);
});
