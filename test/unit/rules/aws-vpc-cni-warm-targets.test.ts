import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'aws-vpc-cni-warm-targets';
const fixtures = ruleFixtures(RULE);

const awsNode = (env: string, name = 'fire') =>
  `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ${name}\nspec:\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec:\n      containers:\n        - name: aws-node\n          image: 602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.19.0\n          env:\n${env}`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'WARM_ENI_TARGET alone is the default sizing',
      code: awsNode('            - {name: WARM_ENI_TARGET, value: "1"}\n', 'dont-fire'),
    },
    { name: 'empty values count as unset', code: awsNode('            - {name: WARM_IP_TARGET, value: ""}\n', 'dont-fire') },
    {
      name: 'another DaemonSet’s env is not the VPC CNI’s',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: dont-fire\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1\n          env:\n            - {name: WARM_IP_TARGET, value: "5"}\n',
    },
  ],
  invalid: [
    fixtures.invalid('fire-aws-node.yaml', {
      errors: [
        { messageId: 'eniIgnored', data: { others: 'WARM_IP_TARGET' }, line: 20, column: 21, endColumn: 36 },
        { messageId: 'warmWithoutMinimum', data: { value: '30' }, line: 22, column: 21, endColumn: 35 },
      ],
    }),
    fixtures.invalid('fire-minimum-alone.yaml', {
      errors: [{ messageId: 'minimumAlone', data: { value: '30' }, line: 19, column: 21 }],
    }),
    {
      name: 'WARM_ENI_TARGET next to both targets',
      code: awsNode(
        '            - {name: MINIMUM_IP_TARGET, value: "10"}\n            - {name: WARM_IP_TARGET, value: "2"}\n            - {name: WARM_ENI_TARGET, value: "1"}\n',
      ),
      errors: [{ messageId: 'eniIgnored', data: { others: 'WARM_IP_TARGET or MINIMUM_IP_TARGET' }, line: 16, column: 22 }],
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
