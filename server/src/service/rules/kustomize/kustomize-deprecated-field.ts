/**
 * kustomize-deprecated-field: fields kustomize still reads but has replaced
 * (`bases`, `patchesStrategicMerge`, `patchesJson6902`, `commonLabels`, `vars`), with
 * fixes that write the current form where it means the same thing.
 */
import { isScalar } from 'yaml';
import { defineKustomizationRule } from '../api/ruleTypes';
import { deprecatedFieldFix } from './deprecatedFieldFixes';

const REPLACEMENTS = {
  bases: 'resources',
  patchesStrategicMerge: 'patches',
  patchesJson6902: 'patches',
  commonLabels: 'labels (with includeSelectors: true)',
  vars: 'replacements',
} as const;

export const kustomizeDeprecatedField = defineKustomizationRule(
  {
    id: 'kustomize-deprecated-field',
    type: 'suggestion',
    defaultSeverity: 'information',
    description: 'A kustomization uses the current fields, not the ones kustomize deprecated.',
    why: '`kustomize edit fix` exists because these fields are on their way out: `bases` became `resources`, `patchesStrategicMerge` and `patchesJson6902` became `patches` (one list for both kinds, each with an optional `target`), `commonLabels` became `labels` (which can leave selectors alone: selectors are immutable, so adding a label to them later forces a Deployment to be recreated), and `vars` became `replacements`. Kustomize v5 warns on each; a later major version drops them.',
    remediation: 'Rewrite the field in its current form (`kustomize edit fix` does the same).',
    equivalents: [],
    messages: {
      deprecated: "'{{field}}' is deprecated: use {{replacement}}.",
    },
    fixable: true,
  },
  ({ kustomization, text, report }) => {
    for (const { field, pair } of kustomization.deprecated) {
      const fix = deprecatedFieldFix(text, kustomization.root, field, pair);
      report({
        node: isScalar(pair.key) ? pair.key : pair,
        messageId: 'deprecated',
        data: { field, replacement: REPLACEMENTS[field] },
        fixes: fix ? [fix] : [],
      });
    }
  },
);
