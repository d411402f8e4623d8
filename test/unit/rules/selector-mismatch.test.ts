import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'selector-mismatch';
const fixtures = ruleFixtures(RULE);

const missing = (line: number, column: number, kind: string, key: string, value: string) => ({
  messageId: 'labelMissing',
  data: { kind, key, value },
  line,
  column,
});
const differs = (line: number, column: number, kind: string, key: string, value: string, actual: string) => ({
  messageId: 'labelDiffers',
  data: { kind, key, value, actual },
  line,
  column,
});
const expression = (line: number, column: number, requirement: string) => ({
  messageId: 'expressionUnmatched',
  data: { kind: 'ReplicaSet', requirement },
  line,
  column,
});
const empty = (line: number, column: number, kind: string) => ({ messageId: 'emptySelector', data: { kind }, line, column });

const deployment = (selector: string, templateMetadata: string, name = 'fire') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n${selector}  template:\n${templateMetadata}    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'template labels merged in from an anchor count',
      code: `common: &common\n  app: web\n${deployment('    matchLabels:\n      app: web\n', '    metadata:\n      labels:\n        <<: *common\n', 'dont-fire')}`,
    },
    {
      name: "kube-linter's ignore annotation for mismatching-selector",
      code: deployment(
        '    matchLabels:\n      app: api\n',
        '    metadata:\n      labels:\n        app: web\n',
        'dont-fire',
      ).replace(
        'name: dont-fire\n',
        'name: dont-fire\n  annotations:\n    ignore-check.kube-linter.io/mismatching-selector: "patched by kustomize"\n',
      ),
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', { errors: [missing(11, 7, 'Deployment', 'tier', 'frontend')] }),
    fixtures.invalid('fire-value-differs.yaml', {
      errors: [differs(10, 7, 'StatefulSet', 'app.kubernetes.io/name', 'postgres', 'postgresql')],
    }),
    fixtures.invalid('fire-no-template-labels.yaml', {
      errors: [
        missing(9, 7, 'DaemonSet', 'app', 'node-agent'),
        missing(10, 7, 'DaemonSet', 'component', 'logs'),
        missing(28, 7, 'Job', 'job', 'backfill'),
      ],
    }),
    fixtures.invalid('fire-match-expressions.yaml', {
      errors: [
        expression(11, 9, 'track in (stable,canary)'),
        expression(14, 9, 'environment notin (dev)'),
        expression(19, 9, '!legacy'),
        expression(21, 9, 'owner'),
      ],
      output: null,
    }),
    fixtures.invalid('fire-replication-controller.yaml', {
      errors: [differs(10, 5, 'ReplicationController', 'version', 'v1', 'v2')],
    }),
    fixtures.invalid('fire-empty-selector.yaml', {
      errors: [empty(7, 3, 'Deployment'), empty(23, 3, 'StatefulSet')],
      output: null,
    }),
    fixtures.invalid('fire-flow-style.yaml', { errors: [missing(7, 38, 'Deployment', 'tier', 'frontend')], output: null }),
    {
      name: 'two missing labels in an existing map: each fix adds its own line, and together they add both',
      code: deployment(
        '    matchLabels:\n      app: web\n      tier: frontend\n',
        '    metadata:\n      labels:\n        team: shop\n',
      ),
      errors: [missing(8, 7, 'Deployment', 'app', 'web'), missing(9, 7, 'Deployment', 'tier', 'frontend')],
      output: deployment(
        '    matchLabels:\n      app: web\n      tier: frontend\n',
        '    metadata:\n      labels:\n        team: shop\n        app: web\n        tier: frontend\n',
      ),
    },
    {
      name: 'JSON: a differing value is replaced in place, quotes and all',
      languageId: 'json',
      code: '{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "fire"}, "spec": {"selector": {"matchLabels": {"app": "web"}}, "template": {"metadata": {"labels": {"app": "api"}}, "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}}}',
      errors: [differs(1, 117, 'Deployment', 'app', 'web', 'api')],
      output:
        '{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "fire"}, "spec": {"selector": {"matchLabels": {"app": "web"}}, "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}}}',
    },
    {
      name: 'a label merged in from an anchor is shared: reported, not edited',
      code: `common: &common\n  app: api\n${deployment('    matchLabels:\n      app: web\n', '    metadata:\n      labels:\n        <<: *common\n')}`,
      errors: [differs(10, 7, 'Deployment', 'app', 'web', 'api')],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
