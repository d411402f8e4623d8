/**
 * A HorizontalPodAutoscaler whose `scaleTargetRef` names no object of that kind in its
 * namespace (kube-linter `dangling-horizontalpodautoscaler`): it scales nothing, and
 * reports `FailedGetScale`. Silent when the workspace holds no object of that kind there.
 */
import { autoscalerFacts } from '../../facts/autoscalers';
import { objectFacts } from '../../facts/objects';
import { inNamespaceIn, namespaceKey, namespaceWords } from '../../kubernetes/namespaces';
import { kustomizationFacts, mayBeRemote } from '../../facts/kustomizations';
import { objectsByKindAndNamespace, objectsByNamespace } from '../../facts/factIndexes';
import { defineWorkspaceRule } from '../api/ruleTypes';

export const hpaTargetMissing = defineWorkspaceRule(
  {
    id: 'hpa-target-missing',
    type: 'problem',
    defaultSeverity: 'warning',
    description: "A HorizontalPodAutoscaler's scaleTargetRef names a workload of its namespace.",
    why: 'An autoscaler finds what it scales by kind and name in its own namespace. When the target was renamed or lives elsewhere, the autoscaler reports FailedGetScale in its events and scales nothing: the workload keeps its fixed replica count through the next traffic peak.',
    remediation: 'Set scaleTargetRef to the kind, apiVersion and name of the workload to scale, in the same namespace.',
    equivalents: ['kube-linter:dangling-horizontalpodautoscaler'],
    messages: {
      missing: "scaleTargetRef names {{kind}} '{{name}}', which {{namespace}} does not declare: the autoscaler scales nothing.",
    },
    fixable: false,
    facts: [autoscalerFacts, objectFacts, kustomizationFacts],
  },
  (context) => {
    // Reading the whole workspace costs a pass over every file: only when this file has something to check.
    if (context.inFile(autoscalerFacts).length === 0) return;
    for (const hpa of context.inFile(autoscalerFacts)) {
      const target = hpa.target;
      if (!target || mayBeRemote(context.all(kustomizationFacts), hpa.namespace)) continue;
      // As inNamespace over every object, then of the target's kind: counted and looked up, not scanned.
      const exists = context.has(objectsByNamespace, namespaceKey(hpa.namespace));
      const lookup = (...keys: string[]) => context.lookup(objectsByKindAndNamespace, ...keys);
      const candidates = inNamespaceIn(lookup, exists, hpa.namespace, target.kind);
      if (candidates.length === 0 || candidates.some((o) => o.name === target.name)) continue;
      context.report({
        fact: hpa,
        at: target.at,
        messageId: 'missing',
        data: { kind: target.kind, name: target.name, namespace: namespaceWords(hpa.namespace) },
      });
    }
  },
);
