import { ruleFixtures, ruleTester } from '../../support/ruleTester';
import { kustomizationRole } from '../../support/kustomizeInputs';

const RULE = 'kustomize-missing-path';
const fixtures = ruleFixtures(RULE);
const DEPLOYMENT = [{ kind: 'Deployment', name: 'web' }];

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'an entry the host could not judge (unreadable) is not missing',
      code: 'resources:\n  - deployment.yaml\n',
      kustomize: kustomizationRole({ 'deployment.yaml': 'unknown' }),
    },
    { name: 'without what the host found, nothing is judged', code: 'resources:\n  - gone.yaml\n' },
  ],
  invalid: [
    fixtures.invalid('fire-resources.yaml', {
      errors: [{ messageId: 'missing', data: { path: 'service.yaml' }, line: 5, column: 5 }],
    }),
    {
      name: 'a patch file and a component that do not exist; the only entry of a list gets no fix',
      code: 'resources:\n  - deployment.yaml\ncomponents:\n  - ../components/ha\npatches:\n  - path: gone.yaml\n    target: {kind: Deployment}\n  - path: replicas.yaml\n',
      kustomize: kustomizationRole({
        'deployment.yaml': DEPLOYMENT,
        '../components/ha': 'missing',
        'gone.yaml': 'missing',
        'replicas.yaml': [],
      }),
      errors: [
        { messageId: 'missing', data: { path: '../components/ha' }, line: 4, column: 5 },
        { messageId: 'missing', data: { path: 'gone.yaml' }, line: 6, column: 11 },
      ],
      output: 'resources:\n  - deployment.yaml\ncomponents:\n  - ../components/ha\npatches:\n  - path: replicas.yaml\n',
    },
  ],
});
