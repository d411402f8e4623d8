/**
 * kustomize-duplicate-resource: the same file or folder listed twice in `resources`
 * (or `resources` and `bases`). Kustomize refuses to add an object it already has.
 */
import { defineKustomizationRule } from '../api/ruleTypes';
import { removeSeqItem } from './entryEdits';

export const kustomizeDuplicateResource = defineKustomizationRule(
  {
    id: 'kustomize-duplicate-resource',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A kustomization lists each resource once.',
    why: 'Kustomize keeps one copy of each object by its kind, name and namespace: a file or base listed twice (often once as `./app.yaml` and once as `app.yaml`, or in both `bases` and `resources`) fails the build with "may not add resource with an already registered id".',
    remediation: 'Remove the second entry.',
    equivalents: [],
    messages: {
      duplicate: "'{{path}}' is already listed as '{{first}}': kustomize fails on the objects it adds twice.",
    },
    fixable: true,
  },
  ({ kustomization, inputs, text, report }) => {
    const seen = new Map<string, string>();
    for (const entry of kustomization.resources) {
      const resolved = inputs.paths.get(entry.path);
      const key = resolved && 'key' in resolved ? resolved.key : normalise(entry.path);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, entry.path);
        continue;
      }
      const edit = removeSeqItem(text, entry.seq, entry.item);
      report({
        node: entry.node,
        messageId: 'duplicate',
        data: { path: entry.path, first },
        fixes: edit ? [{ title: `Remove the second '${entry.path}'`, edits: [edit] }] : [],
      });
    }
  },
);

/** `./a/../b.yaml` and `b.yaml` are one path, as kustomize resolves them. */
function normalise(written: string): string {
  if (/:\/\//.test(written)) return written;
  const parts: string[] = [];
  for (const part of written.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
