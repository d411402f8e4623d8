/**
 * A YAML stream over the size limit is checked as far as the limit reaches, whole documents
 * only, with one note at the first document left out; what cannot be cut is not checked.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, checkTextWithFacts } from '../../server/src/service/engine/checkFile';
import { cutAtLimit } from '../../server/src/service/engine/sizeLimit';

const pod = (name: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: c\n      image: nginx:latest\n`;
const stream = (count: number, name = (i: number) => `p${i}`): string =>
  Array.from({ length: count }, (_, i) => pod(name(i))).join('---\n');

test('over the limit: the documents that fit are checked, and a note marks where checking stopped', () => {
  const text = stream(40);
  const limit = 2000;
  const findings = checkText(text, { languageId: 'yaml', maxFileSizeBytes: limit });
  const note = findings.find((f) => f.ruleId === 'file-not-checked');
  assert.ok(note, 'a note says the file was checked in part');
  const lines = text.split('\n');
  assert.equal(lines[note.range.start.line], '---', 'the note sits on the separator of the first unchecked document');
  const checkedBytes = Buffer.byteLength(lines.slice(0, note.range.start.line).join('\n') + '\n');
  assert.ok(checkedBytes <= limit, `the checked part fits: ${checkedBytes} bytes`);
  const documents = Number(/the (\d+) documents above/.exec(note.message)?.[1]);
  assert.equal(documents, text.slice(0, checkedBytes).split('---\n').length);
  const pinned = findings.filter((f) => f.ruleId === 'image-tag-not-pinned');
  assert.equal(pinned.length, documents, 'every checked document is reported, none after the cut');
  assert.ok(pinned.every((f) => f.range.start.line < note.range.start.line));
  // The facts the workspace sees are those of the checked documents too.
  const { facts } = checkTextWithFacts(text, { languageId: 'yaml', maxFileSizeBytes: limit });
  assert.equal(facts.length, documents);
});

test('the cut counts bytes, not characters: text beyond ASCII moves it earlier', () => {
  const ascii = stream(40);
  const wide = stream(40, (i) => `p${i}-ü-ü-ü-ü-ü-ü-ü-ü`);
  const asciiCut = cutAtLimit(ascii, 2000);
  const wideCut = cutAtLimit(wide, 2000);
  assert.ok(asciiCut && wideCut);
  assert.ok(Buffer.byteLength(wideCut.prefix) <= 2000);
  assert.ok(wideCut.line < asciiCut.line);
});

test('one document over the limit, or JSON, cannot be cut: the file is not checked', () => {
  const big = `${pod('big').trimEnd()}\n      args: [${'"x", '.repeat(600)}"y"]\n`;
  const [only, ...rest] = checkText(big, { languageId: 'yaml', maxFileSizeBytes: 2000 });
  assert.equal(only?.ruleId, 'file-not-checked');
  assert.match(only.message, /^File not checked: \d+ KiB is over the 1 KiB limit/);
  assert.deepEqual(rest, []);
  const json = JSON.stringify({ cniVersion: '1.0.0', name: 'n', plugins: Array(200).fill({ type: 'bridge' }) });
  const jsonFindings = checkText(json, { languageId: 'json', maxFileSizeBytes: 2000 });
  assert.deepEqual(
    jsonFindings.map((f) => f.ruleId),
    ['file-not-checked'],
  );
});
