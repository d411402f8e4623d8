import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../../server/src/service/engine/checkFile';
import { fixAllEdits, quickFixes } from '../../../server/src/service/features/codeActions';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'memory-decimal-suffix';
const fixtures = ruleFixtures(RULE);

/** A pod whose one container has these resources (lines indented under `resources:`). */
const pod = (resources: string, name = 'fire') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0.0\n      resources:\n${resources}`;
const limits = (memory: string) => `        limits:\n          memory: ${memory}\n`;

const decimal = (text: string, decimalBytes: string, percent: string, binary: string, binaryBytes: string) => ({
  messageId: 'decimal',
  data: { text, decimalBytes, percent, binary, binaryBytes },
});

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'a slip under 1 MiB is memory-unit-slip’s alone', code: pod(limits('100k'), 'dont-fire') },
    { name: 'the milli suffix is memory-unit-slip’s alone', code: pod(limits('512m'), 'dont-fire') },
    { name: 'an exponent below 1000 has no decimal suffix', code: pod(limits('1048576e0'), 'dont-fire') },
    { name: 'an invalid quantity is invalid-quantity’s alone', code: pod(limits('1GB'), 'dont-fire') },
    {
      name: 'JSON with a binary suffix',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "dont-fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "resources": {"limits": {"memory": "1Gi"}}}]}}',
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', {
      errors: [
        { ...decimal('500M', '500,000,000', '4.6%', '500Mi', '524,288,000'), line: 21, column: 23, endColumn: 29 },
        { ...decimal('1G', '1,000,000,000', '6.9%', '1Gi', '1,073,741,824'), line: 28, column: 23, endColumn: 25 },
        { ...decimal('10G', '10,000,000,000', '6.9%', '10Gi', '10,737,418,240'), line: 29, column: 34 },
        { ...decimal('1.5G', '1,500,000,000', '6.9%', '1.5Gi', '1,610,612,736'), line: 31, column: 23 },
      ],
    }),
    fixtures.invalid('fire-storage-and-namespace-guards.yaml', {
      errors: [
        { ...decimal('100G', '100,000,000,000', '6.9%', '100Gi', '107,374,182,400'), line: 11, column: 16 },
        { ...decimal('120M', '120,000,000', '4.6%', '120Mi', '125,829,120'), line: 27, column: 27 },
        { ...decimal('8e9', '8,000,000,000', '6.9%', '8Gi', '8,589,934,592'), line: 33, column: 23 },
        { ...decimal('2T', '2,000,000,000,000', '9.1%', '2Ti', '2,199,023,255,552'), line: 37, column: 24 },
        { ...decimal('1.5e12', '1,500,000,000,000', '9.1%', '1.5Ti', '1,649,267,441,664'), line: 45, column: 22 },
        { ...decimal('64G', '64,000,000,000', '6.9%', '64Gi', '68,719,476,736'), line: 53, column: 22 },
        { ...decimal('5T', '5,000,000,000,000', '9.1%', '5Ti', '5,497,558,138,880'), line: 55, column: 23 },
        { ...decimal('512M', '512,000,000', '4.6%', '512Mi', '536,870,912'), line: 65, column: 17 },
        { ...decimal('1.1G', '1,100,000,000', '6.9%', '1.1Gi', '1,181,116,006.4'), line: 76, column: 17 },
      ],
    }),
    {
      name: 'k becomes Ki; the gap grows with the power, to 13.3% at E',
      code: pod(`${limits('2048k')}        requests:\n          ephemeral-storage: 1E\n`),
      errors: [
        { ...decimal('2048k', '2,048,000', '2.3%', '2048Ki', '2,097,152'), line: 11, column: 19 },
        { ...decimal('1E', '1,000,000,000,000,000,000', '13.3%', '1Ei', '1,152,921,504,606,846,976'), line: 13, column: 30 },
      ],
      output: pod(`${limits('2048Ki')}        requests:\n          ephemeral-storage: 1Ei\n`),
    },
    {
      name: 'an exponent that is not a multiple of three, and a plus sign',
      code: pod(`${limits('5e8')}        requests:\n          memory: +2.5e9\n`),
      errors: [
        { ...decimal('5e8', '500,000,000', '4.6%', '500Mi', '524,288,000'), line: 11, column: 19 },
        { ...decimal('+2.5e9', '2,500,000,000', '6.9%', '2.5Gi', '2,684,354,560'), line: 13, column: 19 },
      ],
      output: pod(`${limits('500Mi')}        requests:\n          memory: 2.5Gi\n`),
    },
    {
      name: 'JSON: a number becomes a JSON string, a string keeps its quotes',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "resources": {"requests": {"memory": 1e9}, "limits": {"memory": "2G"}}}]}}',
      errors: [
        { messageId: 'decimal', line: 1, column: 162 },
        { messageId: 'decimal', line: 1, column: 189 },
      ],
      output:
        '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "resources": {"requests": {"memory": "1Gi"}, "limits": {"memory": "2Gi"}}}]}}',
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});

test('the fix says it changes the value, is offered in the light bulb, and fix-all never applies it', () => {
  const findings = checkText(pod(limits('1G')), { languageId: 'yaml' }).filter((finding) => finding.ruleId === RULE);
  assert.deepEqual(
    findings.flatMap((finding) => finding.fixes.map((fix) => fix.title)),
    ['Change to 1Gi (1,073,741,824 bytes)'],
  );
  const offered = quickFixes(pod(limits('1G')), findings).filter((action) => action.edits && action.title.startsWith('Change'));
  assert.equal(offered.length, 1);
  assert.deepEqual(fixAllEdits(findings), []);
});
