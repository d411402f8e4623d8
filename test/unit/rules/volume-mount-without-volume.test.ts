import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'volume-mount-without-volume';
const fixtures = ruleFixtures(RULE);

const missing = (line: number, column: number, data: { container: string; name: string; volumes: string }) => ({
  messageId: 'missing',
  data,
  line,
  column,
});

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'volumes brought in by a merge key',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: dont-fire\nspec:\n  <<: {volumes: [{name: data, emptyDir: {}}]}\n  containers:\n    - name: app\n      image: app:1\n      volumeMounts: [{name: data, mountPath: /data}]\n',
    },
  ],
  invalid: [
    fixtures.invalid('fire-typo-and-missing.yaml', {
      errors: [
        missing(18, 21, { container: 'render-config', name: 'config_volume', volumes: "it has 'config-volume', 'tmp'" }),
        missing(24, 21, { container: 'web', name: 'config-volme', volumes: "it has 'config-volume', 'tmp'" }),
        missing(29, 21, { container: 'worker', name: 'cache', volumes: "it has 'config-volume', 'tmp'" }),
        missing(46, 17, { container: 'app', name: 'data', volumes: 'it has no volumes' }),
      ],
    }),
    {
      name: 'JSON: a mount in flow style is reported on its name',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1",\n "volumeMounts": [{"name": "Data", "mountPath": "/d"}]}], "volumes": [{"name": "data", "emptyDir": {}}]}}',
      errors: [missing(2, 28, { container: 'app', name: 'Data', volumes: "it has 'data'" })],
      output:
        '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1",\n "volumeMounts": [{"name": "data", "mountPath": "/d"}]}], "volumes": [{"name": "data", "emptyDir": {}}]}}',
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
