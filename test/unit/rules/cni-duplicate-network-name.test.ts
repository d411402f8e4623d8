import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-duplicate-network-name';
const fixtures = ruleFixtures(RULE);

const config = (name: string) => `{"cniVersion": "1.0.0", "name": "${name}", "plugins": [{"type": "loopback"}]}`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'a file alone', fileName: 'net.d/10-a.conflist', code: config('podnet') },
    {
      name: 'the same name in another folder',
      fileName: 'node-a/net.d/10-a.conflist',
      code: config('podnet'),
      otherFiles: [{ fileName: 'node-b/net.d/10-a.conflist', code: config('podnet') }],
    },
    {
      name: 'a ConfigMap with the same name is not a file of the folder',
      fileName: 'net.d/10-a.conflist',
      code: config('podnet'),
      otherFiles: [
        {
          fileName: 'net.d/flannel.yaml',
          code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  cni-conf.json: '${config('podnet')}'\n`,
        },
      ],
    },
  ],
  invalid: [
    fixtures.invalid('fire-20-podnet.conflist', {
      errors: [
        {
          messageId: 'loaded',
          data: { network: 'podnet', others: 'neighbour-10-podnet.conflist', them: 'it' },
          line: 3,
          column: 11,
          endColumn: 19,
        },
      ],
    }),
    {
      name: 'the file that sorts second is the one ignored',
      fileName: 'net.d/20-b.conflist',
      code: config('podnet'),
      otherFiles: [{ fileName: 'net.d/10-a.conflist', code: config('podnet') }],
      errors: [
        { messageId: 'ignored', data: { network: 'podnet', loaded: '10-a.conflist' }, line: 1, column: 33, endColumn: 41 },
      ],
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
