// What the server publishes for a file with more findings than the editor shows: every error,
// then the findings nearest the last edit, in file order, with a note that says how many
// are left out; and the line of the last edit, as TextDocuments applies the changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditFocus, findingsToPublish } from '../../server/src/lsp/diagnosticLimit';
import { sanitizeClientSettings } from '../../server/src/lsp/settings';
import { quickFixes } from '../../server/src/service/features/codeActions';
import type { Finding, Severity } from '../../server/src/service/core/types';

function finding(line: number, severity: Severity = 'warning'): Finding {
  const at = { line, character: 0 };
  return { ruleId: 'missing-resources', severity, message: `at ${line}`, range: { start: at, end: at }, fixes: [] };
}
const lines = (findings: readonly Finding[]): number[] => findings.map((f) => f.range.start.line);

test('up to the limit, the findings are published as they are', () => {
  const findings = [finding(1), finding(5), finding(9)];
  assert.equal(findingsToPublish(findings, 3, 0), findings);
});

test('over the limit: the note first, then the errors and the findings nearest the edit, in order', () => {
  const findings = [finding(0), finding(10), finding(20, 'error'), finding(30), finding(40), finding(50), finding(60)];
  const published = findingsToPublish(findings, 4, 45);
  const [note, ...shown] = published;
  assert.equal(published.length, 4);
  assert.equal(note?.ruleId, 'diagnostics-not-shown');
  assert.equal(note?.severity, 'information');
  assert.deepEqual(note?.range.start, { line: 0, character: 0 });
  assert.match(note?.message ?? '', /^Showing 3 of the 7 findings in this file/);
  assert.match(note?.message ?? '', /kubewise\.maxDiagnosticsPerFile, now 4/);
  // The error, then 40 and 50 (5 lines from the edit each); not 30 or 60 (15 lines away).
  assert.deepEqual(lines(shown), [20, 40, 50]);
});

test('before any edit the focus is the top of the file, as VS Code would choose', () => {
  const findings = Array.from({ length: 10 }, (_, index) => finding(index * 10));
  assert.deepEqual(lines(findingsToPublish(findings, 4, 0).slice(1)), [0, 10, 20]);
});

test('more errors than room: the first errors, nothing else', () => {
  const findings = [finding(1), finding(2, 'error'), finding(3, 'error'), finding(4, 'error'), finding(5)];
  assert.deepEqual(lines(findingsToPublish(findings, 3, 5).slice(1)), [2, 3]);
});

test('the note follows its severity setting: off leaves its place to one more finding', () => {
  const findings = Array.from({ length: 6 }, (_, index) => finding(index));
  const off = findingsToPublish(findings, 3, 0, { 'diagnostics-not-shown': 'off' });
  assert.deepEqual(lines(off), [0, 1, 2]);
  assert.ok(off.every((f) => f.ruleId === 'missing-resources'));
  const hint = findingsToPublish(findings, 3, 0, { 'diagnostics-not-shown': 'hint' });
  assert.equal(hint[0]?.severity, 'hint');
});

test('the setting: a whole number of 1 or more, VS Code’s 1,000 otherwise', () => {
  assert.equal(sanitizeClientSettings({}).maxDiagnosticsPerFile, 1000);
  assert.equal(sanitizeClientSettings({ maxDiagnosticsPerFile: 250.7 }).maxDiagnosticsPerFile, 250);
  assert.equal(sanitizeClientSettings({ maxDiagnosticsPerFile: 0 }).maxDiagnosticsPerFile, 1000);
  assert.equal(sanitizeClientSettings({ maxDiagnosticsPerFile: '5' }).maxDiagnosticsPerFile, 1000);
});

test('the focus is the line of the last change TextDocuments applies; a whole-text change keeps it', () => {
  const focus = new EditFocus();
  const configuration = focus.documentsConfiguration(TextDocument);
  const document = configuration.create('file:///a.yaml', 'yaml', 1, 'a: 1\nb: 2\nc: 3\n');
  assert.equal(focus.lineOf('file:///a.yaml'), 0);
  const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });
  const edited = configuration.update(
    document,
    [
      { range: at(0), text: '#' },
      { range: at(2), text: '#' },
    ],
    2,
  );
  assert.equal(edited.getText(), '#a: 1\nb: 2\n#c: 3\n');
  assert.equal(focus.lineOf('file:///a.yaml'), 2);
  configuration.update(edited, [{ text: 'x: 1\n' }], 3);
  assert.equal(focus.lineOf('file:///a.yaml'), 2);
  focus.forget('file:///a.yaml');
  assert.equal(focus.lineOf('file:///a.yaml'), 0);
});

test('the note offers no comment to disable it: suppressions never see it, its severity setting turns it off', () => {
  const findings = Array.from({ length: 4 }, (_, index) => finding(index));
  const [note] = findingsToPublish(findings, 2, 0);
  const text = 'a: 1\nb: 2\nc: 3\nd: 4\n';
  assert.equal(note?.ruleId, 'diagnostics-not-shown');
  const titles = quickFixes(text, [note as Finding], { languageId: 'yaml' }).map((action) => action.title);
  assert.ok(!titles.some((title) => /disable/i.test(title)), titles.join());
  assert.ok(
    titles.some((title) => /documentation/i.test(title)),
    'its docs page is still offered',
  );
  // An ordinary finding on the same line still gets its comment.
  assert.ok(quickFixes(text, [findings[0] as Finding], { languageId: 'yaml' }).some((a) => /disable/i.test(a.title)));
});
