import { ruleFixtures, ruleTester } from '../../support/ruleTester';
import { kustomizationRole } from '../../support/kustomizeInputs';

const RULE = 'kustomize-patch-target-missing';
const fixtures = ruleFixtures(RULE);
const BASE = {
  '../../base': [
    { kind: 'Deployment', name: 'frontend' },
    { kind: 'Service', name: 'frontend', apiVersion: 'v1' },
  ],
};

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a base that cannot be read: no target is judged',
      code: 'resources:\n  - ../../base\npatches:\n  - path: p.yaml\n    target: {kind: Deployment, name: nope}\n',
      kustomize: kustomizationRole({ '../../base': 'unknown', 'p.yaml': [] }),
    },
    {
      name: 'a label selector is not judged',
      code: 'resources:\n  - ../../base\npatches:\n  - path: p.yaml\n    target: {kind: Deployment, labelSelector: "app=x"}\n',
      kustomize: kustomizationRole({ ...BASE, 'p.yaml': [] }),
    },
    {
      name: 'a Component patches objects of the kustomization that uses it',
      code: 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - path: p.yaml\n    target: {kind: Deployment, name: elsewhere}\n',
      kustomize: kustomizationRole({ 'p.yaml': [] }),
    },
    {
      name: 'a name pattern and the name after namePrefix both match',
      code: 'namePrefix: prod-\nresources:\n  - ../../base\npatches:\n  - path: p.yaml\n    target: {kind: Deployment, name: "front.*"}\n  - path: p.yaml\n    target: {kind: Service, name: prod-frontend}\n',
      kustomize: kustomizationRole({ ...BASE, 'p.yaml': [] }),
    },
    {
      name: 'a generated ConfigMap is a target',
      code: 'resources:\n  - ../../base\nconfigMapGenerator:\n  - name: settings\n    literals: [a=b]\npatches:\n  - path: p.yaml\n    target: {kind: ConfigMap, name: settings}\n',
      kustomize: kustomizationRole({ ...BASE, 'p.yaml': [] }),
    },
  ],
  invalid: [
    fixtures.invalid('fire-typo.yaml', {
      errors: [{ messageId: 'noTarget', data: { target: "Deployment 'fronted'" }, line: 8, column: 7 }],
    }),
    {
      name: 'a strategic merge patch file written for an object the base does not have',
      code: 'resources:\n  - ../../base\npatchesStrategicMerge:\n  - worker.yaml\n',
      kustomize: kustomizationRole({ ...BASE, 'worker.yaml': [{ kind: 'Deployment', name: 'worker' }] }),
      errors: [{ messageId: 'noTarget', data: { target: "Deployment 'worker'" }, line: 4, column: 5 }],
    },
    {
      name: 'an inline patch without a target, for a kind the base has not',
      code: 'resources:\n  - ../../base\npatches:\n  - patch: |\n      apiVersion: apps/v1\n      kind: StatefulSet\n      metadata: {name: frontend}\n',
      kustomize: kustomizationRole(BASE),
      errors: [{ messageId: 'noTarget', data: { target: "StatefulSet 'frontend'" }, line: 4, column: 5 }],
    },
  ],
});
