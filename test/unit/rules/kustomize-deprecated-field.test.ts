import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'kustomize-deprecated-field';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'not a kustomization: another apiVersion, even in a file named like one',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bases}\nbases: [a]\n',
      kustomize: { named: true },
    },
    { name: 'a file not named like a kustomization, without apiVersion, is not one', code: 'bases:\n  - ../base\n' },
  ],
  invalid: [
    fixtures.invalid('fire-legacy.yaml', {
      errors: [
        { messageId: 'deprecated', data: { field: 'bases', replacement: 'resources' }, line: 3, column: 1 },
        {
          messageId: 'deprecated',
          data: { field: 'commonLabels', replacement: 'labels (with includeSelectors: true)' },
          line: 5,
          column: 1,
        },
        { messageId: 'deprecated', data: { field: 'patchesStrategicMerge', replacement: 'patches' }, line: 8, column: 1 },
      ],
    }),
    {
      name: 'patchesJson6902 becomes patches; vars has no mechanical rewrite',
      code: 'patchesJson6902:\n  - target: {kind: Deployment, name: web}\n    path: p.yaml\nvars:\n  - name: HOST\n    objref: {kind: Service, name: web, apiVersion: v1}\n',
      kustomize: { named: true },
      errors: [
        { messageId: 'deprecated', data: { field: 'patchesJson6902', replacement: 'patches' }, line: 1, column: 1 },
        { messageId: 'deprecated', data: { field: 'vars', replacement: 'replacements' }, line: 4, column: 1 },
      ],
      output:
        'patches:\n  - target: {kind: Deployment, name: web}\n    path: p.yaml\nvars:\n  - name: HOST\n    objref: {kind: Service, name: web, apiVersion: v1}\n',
    },
    {
      name: 'with patches already there, patchesStrategicMerge gets no fix',
      code: 'patches:\n  - path: a.yaml\npatchesStrategicMerge:\n  - b.yaml\n',
      kustomize: { named: true },
      errors: [{ messageId: 'deprecated', line: 3, column: 1 }],
      output: null,
    },
  ],
});
