import { ruleFixtures, ruleTester } from '../../support/ruleTester';
import { kustomizationRole } from '../../support/kustomizeInputs';

const RULE = 'kustomize-unused-image';
const fixtures = ruleFixtures(RULE);
const WEB = { 'deployment.yaml': [{ kind: 'Deployment', name: 'web', images: ['ghcr.io/example/web'] }] };

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a remote base may run the image',
      code: 'resources:\n  - deployment.yaml\n  - https://example.com/base.yaml\nimages:\n  - name: other\n    newTag: "1"\n',
      kustomize: kustomizationRole({ ...WEB, 'https://example.com/base.yaml': 'unknown' }),
    },
    {
      name: 'a Component sets images of the kustomization that uses it',
      code: 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nimages:\n  - name: other\n    newTag: "1"\n',
      kustomize: kustomizationRole({}),
    },
  ],
  invalid: [
    fixtures.invalid('fire-renamed.yaml', {
      errors: [{ messageId: 'unused', data: { image: 'docker.io/example/web' }, line: 8, column: 11 }],
    }),
  ],
});
