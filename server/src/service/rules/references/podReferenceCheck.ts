/**
 * The check both pod-reference rules share: each reference of a workload to an object of
 * a kind, resolved against the objects of that kind the workspace declares in the
 * workload's namespace. Silent when there are none (the objects may be made elsewhere:
 * an operator, `kubectl create secret`), for `optional: true`, and
 * for the objects the control plane makes in every namespace (the `default` ServiceAccount)
 * or an operator makes from a custom object there (a SealedSecret's Secret).
 */
import { customObjectFacts } from '../../facts/customObjects';
import { kustomizationFacts, mayBeRemote } from '../../facts/kustomizations';
import { objectsByKindAndNamespace } from '../../facts/factIndexes';
import type { ReferencedKind } from '../../facts/podReferences';
import { workloadFacts } from '../../facts/workloads';
import { existsInEveryNamespace } from '../../kubernetes/implicitObjects';
import { inNamespaceIn, namespaceKey, namespaceWords } from '../../kubernetes/namespaces';
import { memoOf } from '../../kubernetes/listMemo';
import type { WorkspaceRuleContext } from '../api/ruleTypes';
import { namesOperatorsMayMake } from './operatorMade';

export function checkPodReferences(context: WorkspaceRuleContext, kinds: readonly ReferencedKind[], messageId: string): void {
  const workloads = context.inFile(workloadFacts);
  if (workloads.every((w) => w.references.every((r) => !kinds.includes(r.kind)))) return;
  const kustomizations = context.all(kustomizationFacts);
  const made = new Map<string, Set<string>>();
  const operatorMade = (namespace: string): Set<string> => {
    let names = made.get(namespace);
    if (!names) {
      const custom = context.all(customObjectFacts);
      // Once per list and namespace: every workload of a namespace asks the same question.
      made.set(
        namespace,
        (names = memoOf(custom, `operatorMade\u0000${namespace}`, () => namesOperatorsMayMake(custom, namespace))),
      );
    }
    return names;
  };
  // Per namespace and kind: the objects of that kind that may live there, looked up rather
  // than scanned, so the judgement depends on those objects only. As inNamespace over the
  // objects of all the rule's kinds: none unless one of them is written with exactly that namespace.
  // A generated object is also known by the name its generator gives, which kustomize rewrites references from.
  const declared = new Map<string, { count: number; names: Set<string> }>();
  const declaredIn = (namespace: string, kind: string): { count: number; names: Set<string> } => {
    const key = `${namespace}\u0000${kind}`;
    let found = declared.get(key);
    if (!found) {
      const exists = kinds.some((k) => context.count(objectsByKindAndNamespace, namespaceKey(namespace, k)) > 0);
      const candidates = inNamespaceIn((...keys) => context.lookup(objectsByKindAndNamespace, ...keys), exists, namespace, kind);
      const names = memoOf(
        candidates,
        'declaredNames',
        () => new Set(candidates.flatMap((o) => (o.generatedAs === undefined ? [o.name] : [o.name, o.generatedAs]))),
      );
      declared.set(key, (found = { count: candidates.length, names }));
    }
    return found;
  };
  for (const workload of workloads) {
    for (const reference of workload.references) {
      if (!kinds.includes(reference.kind) || reference.optional) continue;
      if (existsInEveryNamespace(reference.kind, reference.name)) continue;
      if (operatorMade(workload.namespace).has(reference.name)) continue;
      if (mayBeRemote(kustomizations, workload.namespace)) continue;
      const candidates = declaredIn(workload.namespace, reference.kind);
      if (candidates.count === 0 || candidates.names.has(reference.name)) continue;
      context.report({
        fact: workload,
        at: reference.at,
        messageId,
        data: {
          kind: reference.kind,
          name: reference.name,
          namespace: namespaceWords(workload.namespace),
          count: candidates.count,
        },
      });
    }
  }
}
