/**
 * The same environment variable twice in one container's `env`. The API accepts it and
 * the kubelet keeps the last value, so the earlier entry silently does nothing: an
 * override that was meant to win may be the one that loses. The finding is on the
 * earlier entry, the one without effect, and its fix removes it, which keeps what the
 * container gets.
 *
 * Not reported when an entry between the two refers to the variable (`$(NAME)`): the
 * kubelet expands references with the values defined so far, so the earlier value is
 * used there and removing it would change the container's environment.
 */
import type { Document, YAMLSeq } from 'yaml';
import { getSeq, plainData } from '../../document/yamlNodes';
import { allContainers } from '../../kubernetes/workloads';
import { removeBlockSeqItem } from '../api/fixes/removeSeqItem';
import { defineRule } from '../api/ruleTypes';
import type { OffsetFix } from '../api/ruleTypes';
import { namedItems, repeatedNames } from './namedItems';
import type { NamedItem } from './namedItems';

export const duplicateEnvVar = defineRule(
  {
    id: 'duplicate-env-var',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { workloads: true },
    description: 'A container sets each environment variable once.',
    why: "When a container's `env` lists a variable twice, the API server accepts it and the kubelet gives the container the last value. The earlier entry does nothing, but it reads like configuration: someone changes it to fix a problem and nothing happens, or a value added at the top as an override never applies. It usually comes from merging two blocks of settings, or from a patch that appended a variable the base already had.",
    remediation: 'Remove the earlier entry, or the later one if the earlier value is the one you want.',
    equivalents: ['kube-linter:duplicate-env-var', 'kube-score:environment-variable-key-duplication'],
    messages: {
      duplicate:
        "Container '{{container}}' sets '{{name}}' again further down; the kubelet keeps the last value, so this entry has no effect.",
    },
    yieldsTo: {},
    fixable: true,
  },
  (context) => {
    const { doc } = context.object;
    for (const container of allContainers(context.object)) {
      const seq = getSeq(doc, container.node, 'env');
      const entries = namedItems(doc, seq);
      for (const { earlier, later } of repeatedNames(entries)) {
        if (referencedBetween(doc, entries, earlier, later)) continue;
        const name = container.name ?? '(unnamed)';
        const edit = seq ? removeBlockSeqItem(context.text, seq as YAMLSeq, earlier.item) : undefined;
        const fixes: OffsetFix[] = edit ? [{ title: `Remove the earlier '${earlier.name}'`, edits: [edit] }] : [];
        context.report({
          node: earlier.node,
          messageId: 'duplicate',
          data: { container: name, name: earlier.name },
          container: name,
          fixes,
        });
      }
    }
  },
);

/** Whether an entry after `earlier` and up to `later` mentions `$(NAME)`, which the kubelet expands with the earlier value. */
function referencedBetween(doc: Document.Parsed, entries: readonly NamedItem[], earlier: NamedItem, later: NamedItem): boolean {
  const reference = `$(${earlier.name})`;
  const between = entries.slice(entries.indexOf(earlier) + 1, entries.indexOf(later) + 1);
  return between.some((entry) => {
    const value = plainData(doc, entry.map);
    return JSON.stringify(value ?? null).includes(reference);
  });
}
