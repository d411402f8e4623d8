import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'kustomize-inline-patch-invalid';
const fixtures = ruleFixtures(RULE);
const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\n';

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'an inline strategic merge patch in patchesStrategicMerge',
      code: `${KUSTOMIZATION}patchesStrategicMerge:\n  - |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n`,
    },
    {
      name: 'a quoted value whose continuation lines sit at its key, as kubectl reads it',
      code: `${KUSTOMIZATION}patches:\n  - patch: |-\n      apiVersion: v1\n      kind: ConfigMap\n      metadata:\n        name: c\n      data:\n        config: '{\n        "a": 1\n      }'\n`,
    },
    {
      name: 'a patch file is not inline: the file is checked on its own',
      code: `${KUSTOMIZATION}patches:\n  - path: patch.yaml\n`,
    },
  ],
  invalid: [
    fixtures.invalid('fire-broken-indent.yaml', {
      errors: [{ messageId: 'notYaml', line: 11, column: 15 }],
    }),
    {
      name: 'a map given to patchesJson6902, which takes only a list of operations',
      code: `${KUSTOMIZATION}patchesJson6902:\n  - target: {group: apps, version: v1, kind: Deployment, name: web}\n    patch: |-\n      op: replace\n      path: /spec/replicas\n      value: 3\n`,
      errors: [
        {
          messageId: 'wrongShape',
          data: { shape: 'a map', field: "'patchesJson6902'", wanted: 'a list of operations' },
          line: 8,
          column: 7,
        },
      ],
    },
    {
      name: 'a plain value where a patch belongs',
      code: `${KUSTOMIZATION}patches:\n  - target: {kind: Deployment}\n    patch: |-\n      replicas 3\n`,
      errors: [{ messageId: 'wrongShape', line: 8, column: 7 }],
    },
    {
      name: 'an unclosed quote',
      code: `${KUSTOMIZATION}patches:\n  - target: {kind: Deployment}\n    patch: |-\n      - op: replace\n        path: "/spec/replicas\n        value: 3\n`,
      errors: [{ messageId: 'notYaml', data: { detail: 'Missing closing "quote' }, line: 10, column: 9 }],
    },
  ],
});
