import { ruleFixtures, ruleTester } from '../../support/ruleTester';
import { kustomizationRole } from '../../support/kustomizeInputs';

const RULE = 'kustomize-duplicate-resource';
const fixtures = ruleFixtures(RULE);
// A file named kustomization.yaml needs no apiVersion or kind.
const NAMED = { named: true };

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'two different bases', code: 'resources:\n  - ../base\n  - ../other-base\n', kustomize: NAMED },
  ],
  invalid: [
    fixtures.invalid('fire-twice.yaml', {
      errors: [{ messageId: 'duplicate', data: { path: './deployment.yaml', first: 'deployment.yaml' }, line: 4, column: 5 }],
    }),
    {
      name: 'the same base in bases and resources, found by what the paths resolve to',
      code: 'bases:\n  - ../base\nresources:\n  - ../overlays/../base\n',
      kustomize: kustomizationRole({ '../base': [], '../overlays/../base': [] }),
      errors: [{ messageId: 'duplicate', data: { path: '../overlays/../base', first: '../base' }, line: 4, column: 5 }],
      output: null,
    },
  ],
});
