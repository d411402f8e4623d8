import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkText } from '../../../server/src/service/engine/checkFile';
import { lintChunk } from '../../../server/src/service/engine/lintChunk';
import { markedCase } from '../../support/markedRange';
import { REPO_ROOT, fixtureDir, ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'crd-schema-violation';
const fixtures = ruleFixtures(RULE);
/** The Widget CRD of the fixtures, as another file of the workspace. */
const widgetCrd = fs.readFileSync(path.join(fixtureDir(RULE), 'dont-fire-valid-widgets.yaml'), 'utf8').split('\n---\n')[0] ?? '';
const widget = (spec: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: fire\nspec:\n${spec}`;
const withCrd = { otherFiles: [{ code: widgetCrd }], output: null } as const;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'the CRD in another file', code: widget('  size: 2\n'), otherFiles: [{ code: widgetCrd }] },
    { name: 'no CRD anywhere: unknown-kind says so, not this rule', code: widget('  bogus: 1\n') },
    {
      name: "an installer's placeholder for a value (sriov's $ADMISSION_CONTROLLERS_ENABLED)",
      code: widget('  size: $WIDGET_SIZE\n'),
      otherFiles: [{ code: widgetCrd }],
    },
  ],
  invalid: [
    fixtures.invalid('fire-widgets.yaml', {
      errors: [
        {
          messageId: 'unknownFieldDidYouMean',
          data: { field: 'mdoe', owner: 'Widget.spec', suggestion: 'mode' },
          line: 58,
          column: 3,
          endColumn: 7,
        },
        { messageId: 'wrongType', line: 65, column: 9 },
        { messageId: 'wrongIntOrString', line: 66, column: 9 },
        { messageId: 'badEnum', data: { field: 'mode', value: 'medium', allowed: 'fast or slow' }, line: 67, column: 9 },
        { messageId: 'wrongType', line: 69, column: 11 },
        { messageId: 'missingField', data: { owner: 'Widget.spec', field: 'size' }, line: 75, column: 1, endColumn: 5 },
        {
          messageId: 'versionNotServed',
          data: { kind: 'Widget', version: 'v1alpha1', served: 'example.com/v1' },
          line: 78,
          column: 13,
        },
      ],
    }),
    markedCase(
      'an unknown field, CRD in another file',
      widget('  size: 1\n  «colour»: red\n'),
      'unknownField',
      { field: 'colour', owner: 'Widget.spec' },
      withCrd,
    ),
    markedCase('int-or-string as a list', widget('  size: 1\n  port: «[80]»\n'), 'wrongIntOrString', undefined, withCrd),
    markedCase(
      'an enum value in the wrong case',
      widget('  size: 1\n  mode: «Fast»\n'),
      'badEnumDidYouMean',
      { field: 'mode', value: 'Fast', suggestion: 'fast', allowed: 'fast or slow' },
      withCrd,
    ),
    markedCase(
      'a map value of the wrong type',
      widget('  size: 1\n  labels:\n    enabled: «true»\n'),
      'wrongType',
      undefined,
      withCrd,
    ),
    markedCase(
      'an embedded resource keeps its shape',
      widget('  size: 1\n  template:\n    «kinds»: Pod\n'),
      'unknownFieldDidYouMean',
      { field: 'kinds', owner: 'Widget.spec.template', suggestion: 'kind' },
      withCrd,
    ),
    markedCase(
      'spec as a list',
      'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: fire\n«spec»:\n  - 1\n',
      'wrongType',
      { field: 'spec', expected: 'a map', actual: 'a list' },
      withCrd,
    ),
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});

const PROMETHEUS_CRDS = path.resolve(REPO_ROOT, '..', 'shared', 'upstream', 'prometheus-operator-crds');

test('the Prometheus Operator CRDs, and custom resources written against them, validate clean', (t) => {
  if (!fs.existsSync(PROMETHEUS_CRDS)) {
    t.skip('the Prometheus Operator CRDs are not in ../shared/upstream');
    return;
  }
  const crds = fs.readdirSync(PROMETHEUS_CRDS).filter((file) => file.endsWith('.crd.yaml'));
  const facts = crds.map((file) => lintChunk(fs.readFileSync(path.join(PROMETHEUS_CRDS, file), 'utf8')).facts);
  for (const file of crds) {
    const findings = checkText(fs.readFileSync(path.join(PROMETHEUS_CRDS, file), 'utf8'), { languageId: 'yaml' });
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}: ${f.message}`),
      [],
      file,
    );
  }
  const resources = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/crds/prometheus-operator-resources.yaml'), 'utf8');
  const ids = ['crd-schema-violation', 'unknown-kind', 'schema-violation'];
  const clean = checkText(resources, { languageId: 'yaml', workspace: facts }).filter((f) => ids.includes(f.ruleId));
  assert.deepEqual(
    clean.map((f) => `${f.range.start.line + 1}: ${f.message}`),
    [],
  );
  const broken = resources.replace('interval: 30s', 'intervall: 30s').replace('sampleLimit: 1000', 'sampleLimit: "1000"');
  const found = checkText(broken, { languageId: 'yaml', workspace: facts }).filter((f) => ids.includes(f.ruleId));
  assert.deepEqual(found.map((f) => f.message).sort(), [
    "'intervall' is not a field of ServiceMonitor.spec.endpoints[]. Did you mean 'interval'?",
    "'sampleLimit' must be an integer, not the string '1000'.",
  ]);
});
