import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../../server/src/service/engine/checkFile';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-install-placeholder';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-calico-config.yaml', {
      errors: [
        {
          messageId: 'placeholders',
          data: { names: '__CNI_MTU__, __KUBECONFIG_FILEPATH__' },
          line: 19,
          column: 18,
          endColumn: 29,
        },
      ],
    }),
    {
      name: 'the AWS template, with quoted placeholders',
      fileName: '10-aws.conflist',
      code: '{"cniVersion": "0.4.0", "name": "aws-cni", "plugins": [{"name": "aws-cni", "type": "aws-cni", "vethPrefix": "__VETHPREFIX__", "mtu": "__MTU__"}]}',
      errors: [{ messageId: 'placeholders', data: { names: '__VETHPREFIX__, __MTU__' }, line: 1, column: 110, endColumn: 124 }],
    },
  ],
});

test('a template gets its note and nothing else: no syntax error, no type error', () => {
  const code = fixtures.invalid('fire-calico-config.yaml', { errors: [] }).code;
  const ids = checkText(code, { languageId: 'yaml' })
    .map((finding) => finding.ruleId)
    .filter((id) => id.startsWith('cni-'));
  assert.deepEqual(ids, ['cni-install-placeholder']);
});

test('every fire fixture is used', () => {
  assert.deepEqual(
    fixtures.unused().filter((file) => file !== 'fire-calico-config.yaml'),
    [],
  );
});
