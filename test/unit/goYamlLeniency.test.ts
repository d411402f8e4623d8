/**
 * go-yaml leniencies (document/goYamlLeniency.ts): what kubectl accepts is read as kubectl
 * reads it, with one warning and a fix; a real syntax error stays one error at its line.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { checkText } from '../../server/src/service/engine/checkFile';
import { relaxGoYaml } from '../../server/src/service/document/goYamlLeniency';
import type { Finding } from '../../server/src/service/core/types';
import { applyEdits } from '../support/applyEdits';

const check = (text: string): Finding[] => checkText(text, { languageId: 'yaml' });
const LENIENT = 'yaml-lenient-syntax';

const NAD = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: sriov-net
spec:
  config: '{
  "cniVersion": "1.0.0",
  "type": "sriov",
  "vlan": 1000
}'
`;

/** A Pod whose annotation is a shallow multi-line quoted JSON (as in the Kubernetes dashboard's test data). */
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: init-error
  annotations:
    pod.beta.kubernetes.io/init-containers: "[
    {\\"name\\": \\"install\\", \\"image\\": \\"alpine:3.4\\"}
    ]"
spec:
  containers:
    - name: alpine
      image: alpine:3.4
`;

const fixed = (text: string, finding: Finding | undefined): string => applyEdits(text, finding?.fixes[0]?.edits ?? []);

describe('a multi-line quoted scalar with shallow continuation lines', () => {
  test('one warning on the scalar, and the object is checked as usual', () => {
    const findings = check(POD);
    const lenient = findings.filter((f) => f.ruleId === LENIENT);
    assert.equal(lenient.length, 1);
    assert.equal(lenient[0]?.severity, 'warning');
    assert.deepEqual(lenient[0]?.range.start, { line: 5, character: 44 });
    assert.equal(findings.filter((f) => f.ruleId === 'yaml-syntax').length, 0);
    assert.ok(
      findings.some((f) => f.ruleId === 'missing-resources' && f.container === 'alpine'),
      'the Pod is checked',
    );
  });

  test('the fix indents the continuation lines; the value is what kubectl reads, and the warning goes', () => {
    for (const text of [NAD, POD, NAD.replace(/\n/g, '\r\n')]) {
      const [finding] = check(text).filter((f) => f.ruleId === LENIENT);
      assert.ok(finding, 'a warning');
      assert.equal(finding.fixes[0]?.title, 'Indent the continuation lines');
      const after = fixed(text, finding);
      assert.deepEqual(
        check(after).filter((f) => f.ruleId === LENIENT || f.ruleId === 'yaml-syntax'),
        [],
      );
      const relaxed = relaxGoYaml(text);
      assert.ok(relaxed);
      assert.equal(after, relaxed.text, 'the fix writes what was parsed');
    }
    const value = (
      parse(
        fixed(
          NAD,
          check(NAD).find((f) => f.ruleId === LENIENT),
        ),
      ) as { spec: { config: string } }
    ).spec.config;
    assert.equal(JSON.parse(value).vlan, 1000);
  });

  test('only the shallow lines are touched; other positions keep their lines and columns', () => {
    const text = `${NAD}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n`;
    const web = check(text).find((f) => f.ruleId === 'missing-resources');
    assert.deepEqual(web?.range.start, { line: 17, character: 6 });
  });

  test('a scalar indented as the spec wants, single-line quotes and escaped quotes are left alone', () => {
    assert.equal(relaxGoYaml('a:\n  b: \'{\n    "x": 1\n    }\'\n'), undefined);
    assert.equal(relaxGoYaml("a: 'it''s'\nb: \"q\\\"\"\n"), undefined);
    const escaped = "a:\n  b: 'it''s\n  fine'\n";
    assert.ok(relaxGoYaml(escaped), "'' does not close the scalar");
  });
});

describe('real syntax errors', () => {
  test('an indentation slip is one error, at its line, and the document is not checked on a guessed tree', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: a\n      image: b:1\n     ports:\n        - containerPort: 80\n      env: []\n';
    const findings = check(text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start.line + 1]),
      [['yaml-syntax', 9]],
    );
  });

  test('an unclosed quote stays an error, and relaxing never hides it', () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: 'never closed\n  b: 1\n";
    const findings = check(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.ruleId, 'yaml-syntax');
  });
});

describe('hostile input', () => {
  const inputs = [
    Array.from({ length: 20_000 }, (_, i) => `k${i}: '`).join('\n'),
    Array.from({ length: 5_000 }, (_, i) => `k${i}: "x\ny"`).join('\n'),
    `a: '${'\n'.repeat(50_000)}'`,
    "- a: '\n'\n".repeat(10_000),
    `a: '${"''".repeat(100_000)}\n'`,
  ];
  test('the scan is linear: large, many-scalar inputs relax quickly', () => {
    for (const text of inputs) {
      const started = Date.now();
      assert.doesNotThrow(() => relaxGoYaml(text));
      assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms`);
    }
  });
  test('checking them never throws (smaller copies: the YAML parser itself is slow on thousands of errors)', () => {
    for (const text of inputs) assert.doesNotThrow(() => check(text.slice(0, 20_000)));
  });
});
