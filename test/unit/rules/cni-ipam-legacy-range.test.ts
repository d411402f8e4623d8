import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conflist, inConfigMap } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-ipam-legacy-range';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-legacy.conflist', {
      errors: [{ messageId: 'legacy', data: { subnet: '10.10.0.0/16' }, line: 9, column: 9, endColumn: 17 }],
    }),
    {
      name: 'the legacy keys at the end of the section, in a ConfigMap',
      code: inConfigMap(
        conflist('{"type": "ptp", "ipam": {"type": "host-local", "subnet": "10.1.0.0/24", "gateway": "10.1.0.254"}}'),
      ),
      errors: [{ messageId: 'legacy', line: 12, column: 56, endColumn: 64 }],
      output: inConfigMap(
        conflist(
          '{"type": "ptp", "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.1.0.0/24", "gateway": "10.1.0.254"}]]}}',
        ),
      ),
    },
    {
      name: 'with ranges too: no fix (host-local puts the legacy range first)',
      fileName: '10-x.conflist',
      code: conflist(
        '{"type": "ptp", "ipam": {"type": "host-local", "subnet": "10.1.0.0/24", "ranges": [[{"subnet": "10.2.0.0/24"}]]}}',
      ),
      errors: [{ messageId: 'legacy', line: 5, column: 52 }],
      output: null,
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
