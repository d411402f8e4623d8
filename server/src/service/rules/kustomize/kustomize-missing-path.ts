/**
 * kustomize-missing-path: a `resources`, `components` or patch entry names a file or
 * folder that does not exist. `kustomize build` (and `kubectl apply -k`) stop at it.
 */
import { defineKustomizationRule } from '../api/ruleTypes';
import { removeSeqItem } from './entryEdits';

export const kustomizeMissingPath = defineKustomizationRule(
  {
    id: 'kustomize-missing-path',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Every path a kustomization names (resources, components, patches) exists.',
    why: 'Kustomize resolves every entry before it builds anything: one path that does not exist (a renamed file, a folder moved between overlays) fails the whole `kustomize build` or `kubectl apply -k`, so nothing of the overlay is applied. Remote resources (URLs) are not fetched and not judged.',
    remediation: 'Correct the path, or remove the entry.',
    equivalents: [],
    messages: {
      missing: "'{{path}}' does not exist: kustomize stops here, and nothing of this kustomization is built.",
    },
    fixable: true,
  },
  ({ kustomization, inputs, text, report }) => {
    const entries = [
      ...kustomization.resources,
      ...kustomization.components,
      ...kustomization.patches.flatMap((patch) => (patch.file ? [patch.file] : [])),
    ];
    for (const entry of entries) {
      if (inputs.paths.get(entry.path)?.status !== 'missing') continue;
      const edit = removeSeqItem(text, entry.seq, entry.item);
      report({
        node: entry.node,
        messageId: 'missing',
        data: { path: entry.path },
        fixes: edit ? [{ title: `Remove '${entry.path}' from ${entry.field}`, edits: [edit], fixAll: false }] : [],
      });
    }
  },
);
