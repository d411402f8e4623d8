import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../../server/src/service/engine/checkFile';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-single-plugin-conf';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'the seed loopback', fileName: '99-loopback.conf', code: '{"cniVersion": "0.3.1", "type": "loopback"}' },
    {
      name: 'a list is a list',
      fileName: '10-x.conflist',
      code: '{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"}]}',
    },
    {
      name: 'embedded configs are not files to rename',
      code: 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: dont-fire\nspec:\n  config: \'{"cniVersion": "1.0.0", "type": "macvlan", "ipam": {"type": "dhcp"}}\'\n',
    },
  ],
  invalid: [
    fixtures.invalid('fire-bridge.conf', {
      errors: [{ messageId: 'single', data: { version: '1.0.0' }, line: 2, column: 3, endColumn: 15 }],
    }),
    {
      name: 'one line, CRLF, a .json file',
      fileName: 'net.d/10-lo.json',
      code: '{"cniVersion": "1.1.0", "name": "lo", "type": "loopback"}\r\n',
      errors: [{ messageId: 'single', line: 1, column: 2 }],
      output:
        '{\r\n  "cniVersion": "1.1.0",\r\n  "name": "lo",\r\n  "plugins": [\r\n    {\r\n      "type": "loopback"\r\n    }\r\n  ]\r\n}\r\n',
    },
  ],
});

test('the fix renames the file to .conflist', () => {
  const fire = fixtures.invalid('fire-bridge.conf', { errors: [] });
  const [finding] = checkText(fire.code, { languageId: 'json', filePath: fire.fileName! }).filter((f) => f.ruleId === RULE);
  assert.equal(finding?.fixes[0]?.renameTo, 'fire-bridge.conflist');
  assert.equal(finding?.fixes[0]?.fixAll, false);
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
