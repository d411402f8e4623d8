import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'kustomize-patch-path-unknown';
const fixtures = ruleFixtures(RULE);
const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
const DEPLOYMENT = { kind: 'Deployment', name: 'web' };
/** A file some kustomization reads as a JSON 6902 patch for these targets. */
const patchFile = (...targets: { group?: string; version?: string; kind?: string }[]) => ({
  partial: true,
  patchTargets: targets.map((target) => ({ ...target, name: 'web' })),
});

const FIXED_TYPO = fs
  .readFileSync(path.join(__dirname, '../../../../test/fixtures/rules', RULE, 'fire-typo.yaml'), 'utf8')
  .replace('/spec/replica\n', '/spec/replicas\n')
  .replace('/spec/container/', '/spec/containers/');

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a patch file with known paths and an index',
      code: '- op: replace\n  path: /spec/replicas\n  value: 3\n- op: add\n  path: /spec/template/spec/containers/1\n  value: {name: a, image: b}\n',
      kustomize: patchFile(DEPLOYMENT),
    },
    {
      name: "a ConfigMap's data takes any key",
      code: '- op: remove\n  path: /data/any.key\n',
      kustomize: patchFile({ kind: 'ConfigMap' }),
    },
    {
      name: 'a patch file for a custom kind is not judged',
      code: '- op: replace\n  path: /spec/replica\n  value: 3\n',
      kustomize: patchFile({ group: 'example.com', version: 'v1', kind: 'Widget' }),
    },
    {
      name: 'a file no kustomization reads as a patch is not judged',
      code: '- op: replace\n  path: /spec/replica\n  value: 3\n',
    },
    {
      name: 'legacy patchesJson6902 with group and version, known path',
      code:
        KUSTOMIZATION +
        'patchesJson6902:\n  - target: {group: apps, version: v1, kind: Deployment, name: web}\n    patch: |-\n      - op: replace\n        path: /spec/replicas\n        value: 2\n',
    },
  ],
  invalid: [
    fixtures.invalid('fire-typo.yaml', {
      errors: [
        {
          messageId: 'unknownSuggest',
          data: { path: '/spec/replica', type: 'DeploymentSpec', suggestion: 'replicas' },
          line: 11,
          column: 21,
        },
        {
          messageId: 'unknownSuggest',
          data: { path: '/spec/template/spec/container', type: 'PodSpec', suggestion: 'containers' },
          line: 14,
          column: 35,
        },
      ],
      output: FIXED_TYPO,
    }),
    {
      name: "a move's misspelt 'from'",
      code: '- op: move\n  from: /spec/template/metadata/label/tier\n  path: /metadata/labels/tier\n',
      kustomize: patchFile(DEPLOYMENT),
      errors: [
        {
          messageId: 'unknownSuggest',
          data: { path: '/spec/template/metadata/label', type: 'ObjectMeta', suggestion: 'labels' },
          line: 2,
          column: 33,
        },
      ],
      output: '- op: move\n  from: /spec/template/metadata/labels/tier\n  path: /metadata/labels/tier\n',
    },
    {
      name: 'a container named where the list wants its index',
      code: '- op: replace\n  path: /spec/template/spec/containers/web/image\n  value: nginx:1.27\n',
      kustomize: patchFile(DEPLOYMENT),
      errors: [
        {
          messageId: 'notIndex',
          data: { path: '/spec/template/spec/containers/web', type: 'containers' },
          line: 2,
          column: 40,
        },
      ],
    },
    {
      name: 'in a patch file, with the fix',
      code: '- op: replace\n  path: /spec/replica\n  value: 3\n',
      kustomize: patchFile(DEPLOYMENT),
      errors: [
        {
          messageId: 'unknownSuggest',
          data: { path: '/spec/replica', type: 'DeploymentSpec', suggestion: 'replicas' },
          line: 2,
          column: 15,
        },
      ],
      output: '- op: replace\n  path: /spec/replicas\n  value: 3\n',
    },
    {
      name: 'an escaped segment that is no field, with nothing close',
      code:
        KUSTOMIZATION +
        'patchesJson6902:\n  - target: {group: apps, version: v1, kind: Deployment, name: web}\n    patch: |-\n      - op: add\n        path: /spec/a~1b\n        value: 2\n',
      errors: [{ messageId: 'unknown', data: { path: '/spec/a~1b', type: 'DeploymentSpec' }, line: 7, column: 21 }],
      output: null,
    },
  ],
});
