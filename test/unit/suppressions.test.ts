// `# kubewise-disable-…` comments: parsing, which findings they drop, the reports on
// directives that suppress nothing, and the edits behind "Disable for this line" and
// "Remove the unused directive".
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkText } from '../../server/src/service/engine/checkFile';
import { applyDirectives, disableForLineEdit, parseDirectives } from '../../server/src/service/engine/suppressions';
import type { Finding } from '../../server/src/service/core/types';
import { applyEdits } from '../support/applyEdits';

const READINESS = 'missing-readiness-probe';
const LIVENESS = 'missing-liveness-probe';
const UNUSED = 'unused-disable-directive';
const known = new Set([READINESS, LIVENESS, UNUSED]);

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const finding = (ruleId: string, line: number): Finding => ({
  ruleId,
  severity: 'warning',
  message: ruleId,
  range: range(line, 4, 8),
  fixes: [],
});
const ids = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId}@${f.range.start.line}`);

/** A Deployment complete but for its probes: its only container (`- name: web`) has two findings. */
const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n' +
  '  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: web\n' +
  '          image: nginx:1.27\n          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}\n' +
  '          ports: [{containerPort: 8080}]\n';
/** The line index of `- name: web` in DEPLOYMENT. */
const CONTAINER = 10;
const check = (text: string) => checkText(text, { languageId: 'yaml' });

describe('parseDirectives', () => {
  test('reads the rule ids and their ranges, not the reason', () => {
    const text =
      'a: 1\n  # kubewise-disable-next-line missing-readiness-probe, missing-liveness-probe -- sidecar answers\nb: 2\n';
    const [directive, ...rest] = parseDirectives(text);
    assert.equal(rest.length, 0);
    assert.equal(directive?.kind, 'next-line');
    assert.equal(directive?.line, 1);
    assert.deepEqual(directive?.rules, [
      { id: READINESS, range: range(1, 31, 54) },
      { id: LIVENESS, range: range(1, 56, 78) },
    ]);
  });

  test('a file directive without ids covers every rule', () => {
    assert.deepEqual(
      parseDirectives('#kubewise-disable-file\n').map((d) => [d.kind, d.rules]),
      [['file', []]],
    );
  });

  test('CRLF: the carriage return is not part of the directive', () => {
    const [directive] = parseDirectives('a: 1\r\n# kubewise-disable-next-line missing-readiness-probe\r\nb: 2\r\n');
    assert.deepEqual(directive?.lineRange, range(1, 0, 52));
    assert.deepEqual(
      directive?.rules.map((r) => r.range),
      [range(1, 29, 52)],
    );
  });

  test('look-alikes are not directives', () => {
    assert.deepEqual(
      parseDirectives('# kubewise-disable-next-lines x\nimage: a # kubewise-disable-next-line x\n# kubewise-enable\n'),
      [],
    );
  });
});

describe('applyDirectives', () => {
  test('a next-line directive drops only its rule, only on the next line', () => {
    const directives = parseDirectives(`# kubewise-disable-next-line ${READINESS}\nx\ny\n`);
    const kept = applyDirectives([finding(READINESS, 1), finding(LIVENESS, 1), finding(READINESS, 2)], directives, known);
    assert.deepEqual(ids(kept), [`${LIVENESS}@1`, `${READINESS}@2`]);
  });

  test('a file directive drops its rule everywhere', () => {
    const kept = applyDirectives(
      [finding(READINESS, 3), finding(READINESS, 9)],
      parseDirectives(`# kubewise-disable-file ${READINESS}\n`),
      known,
    );
    assert.deepEqual(kept, []);
  });

  test('an unused id is reported at the id, with a fix removing the line', () => {
    const [report, ...rest] = applyDirectives(
      [],
      parseDirectives(`a: 1\n# kubewise-disable-next-line ${LIVENESS}\nb: 2\n`),
      known,
    );
    assert.equal(rest.length, 0);
    assert.equal(report?.ruleId, UNUSED);
    assert.equal(report?.message, `Unused kubewise-disable directive: no ${LIVENESS} finding to suppress here.`);
    assert.deepEqual(report?.range, range(1, 29, 51));
    assert.deepEqual(report?.fixes, [
      {
        title: 'Remove the unused directive',
        edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }],
      },
    ]);
  });

  test('a misspelt id is reported as unknown', () => {
    const [report] = applyDirectives([], parseDirectives('# kubewise-disable-next-line missing-readines-probe\n'), known);
    assert.equal(report?.message, "Unknown rule 'missing-readines-probe' in kubewise-disable directive.");
  });

  test('an id-less directive that suppresses nothing is reported in plain words', () => {
    const [report] = applyDirectives([], parseDirectives('# kubewise-disable-next-line\na: 1\n'), known);
    assert.equal(report?.ruleId, UNUSED);
    assert.deepEqual(report?.range, range(0, 0, 28));
    // The rule placeholder must not be filled with a made-up id ("no any finding").
    assert.doesNotMatch(report?.message ?? '', /\bno any\b/);
  });

  test('removing one id of several keeps the others', () => {
    const text = `# kubewise-disable-next-line ${READINESS}, nope-rule, ${LIVENESS} -- why\nx\n`;
    const kept = applyDirectives([finding(READINESS, 1), finding(LIVENESS, 1)], parseDirectives(text), known);
    assert.equal(kept.length, 1);
    assert.equal(kept[0]?.message, "Unknown rule 'nope-rule' in kubewise-disable directive.");
    assert.equal(kept[0]?.fixes[0]?.title, "Remove 'nope-rule' from the directive");
    assert.equal(
      applyEdits(text, kept[0]?.fixes[0]?.edits ?? []),
      `# kubewise-disable-next-line ${READINESS}, ${LIVENESS} -- why\nx\n`,
    );
  });
});

describe('through checkText', () => {
  test('the removal fix of an unused directive leaves a clean file, even on the last line', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n# kubewise-disable-next-line ${READINESS}`;
    const [report, ...rest] = check(text);
    assert.equal(rest.length, 0);
    const fixed = applyEdits(text, report?.fixes[0]?.edits ?? []);
    assert.equal(fixed, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n');
    assert.deepEqual(check(fixed), []);
  });

  test('the unused-directive report obeys its severity setting', () => {
    const text = `# kubewise-disable-file ${READINESS}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n`;
    assert.deepEqual(checkText(text, { languageId: 'yaml', severities: { [UNUSED]: 'off' } }), []);
    assert.deepEqual(
      checkText(text, { languageId: 'yaml', severities: { [UNUSED]: 'error' } }).map((f) => f.severity),
      ['error'],
    );
  });
});

describe('disableForLineEdit', () => {
  test('inserts a directive above the line, at the indentation of its dash', () => {
    const edit = disableForLineEdit(DEPLOYMENT, CONTAINER, READINESS);
    assert.deepEqual(edit, { range: range(CONTAINER, 0, 0), newText: `        # kubewise-disable-next-line ${READINESS}\n` });
    const fixed = applyEdits(DEPLOYMENT, [edit]);
    assert.deepEqual(
      check(fixed).map((f) => f.ruleId),
      [LIVENESS],
    );
  });

  test('works on the first line', () => {
    assert.deepEqual(disableForLineEdit('kind: Pod\n', 0, READINESS), {
      range: range(0, 0, 0),
      newText: `# kubewise-disable-next-line ${READINESS}\n`,
    });
  });

  test('extends a directive already above the line, before its reason', () => {
    const text = DEPLOYMENT.replace(
      '        - name: web',
      `        # kubewise-disable-next-line ${LIVENESS} -- exits on hang\n        - name: web`,
    );
    const edit = disableForLineEdit(text, CONTAINER + 1, READINESS);
    assert.deepEqual(edit, { range: range(CONTAINER, 59, 59), newText: `, ${READINESS}` });
    const fixed = applyEdits(text, [edit]);
    assert.match(fixed, new RegExp(`# kubewise-disable-next-line ${LIVENESS}, ${READINESS} -- exits on hang\\n`));
    assert.deepEqual(check(fixed), []);
  });

  test('extends a directive in a CRLF file', () => {
    const text = `a:\r\n  # kubewise-disable-next-line ${LIVENESS}\r\n  b: 1\r\n`;
    assert.deepEqual(disableForLineEdit(text, 2, READINESS), { range: range(1, 53, 53), newText: `, ${READINESS}` });
  });

  test('a directive inserted into a CRLF file ends with CRLF', () => {
    const text = DEPLOYMENT.replace(/\n/g, '\r\n');
    const fixed = applyEdits(text, [disableForLineEdit(text, CONTAINER, READINESS)]);
    // A lone \n would give the file mixed line endings.
    assert.doesNotMatch(fixed, /[^\r]\n/);
    assert.deepEqual(
      check(fixed).map((f) => f.ruleId),
      [LIVENESS],
    );
  });
});
