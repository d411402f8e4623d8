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
import { kindAndName, objectsByKindAndNamespace, objectsByKindNameAndNamespace } from '../../facts/factIndexes';
import type { ReferencedKind } from '../../facts/podReferences';
import { workloadFacts } from '../../facts/workloads';
import { existsInEveryNamespace } from '../../kubernetes/implicitObjects';
import { anyNamespaceKey, namespaceKey, namespaceWords, sameNamespaceIn } from '../../kubernetes/namespaces';
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
  // What inNamespace over the objects of the rule's kinds, then of the reference's kind, would
  // give, asked of indexes rather than scanned: whether there are any, whether one has the name,
  // and (for the message) how many. The judgement then depends on those answers alone, so
  // renaming one ConfigMap re-judges the workloads that name it, not every workload of its namespace.
  const byKind = (...keys: string[]) => context.lookup(objectsByKindAndNamespace, ...keys);
  const anyOf = (namespace: string, kind: string): boolean => {
    // As inNamespace: none unless an object of the rule's kinds is written with exactly that namespace.
    if (!kinds.some((k) => context.has(objectsByKindAndNamespace, namespaceKey(namespace, k)))) return false;
    if (namespace === '') return context.has(objectsByKindAndNamespace, anyNamespaceKey(kind));
    return (
      context.has(objectsByKindAndNamespace, namespaceKey(namespace, kind)) ||
      context.has(objectsByKindAndNamespace, namespaceKey('', kind))
    );
  };
  // A generated object is also known by the name its generator gives, which kustomize rewrites references from.
  const named = (namespace: string, kind: string, name: string): boolean =>
    sameNamespaceIn((...keys) => context.lookup(objectsByKindNameAndNamespace, ...keys), namespace, kindAndName(kind, name))
      .length > 0;
  const countOf = (namespace: string, kind: string): number => sameNamespaceIn(byKind, namespace, kind).length;
  for (const workload of workloads) {
    for (const reference of workload.references) {
      if (!kinds.includes(reference.kind) || reference.optional) continue;
      if (existsInEveryNamespace(reference.kind, reference.name)) continue;
      if (operatorMade(workload.namespace).has(reference.name)) continue;
      if (mayBeRemote(kustomizations, workload.namespace)) continue;
      if (!anyOf(workload.namespace, reference.kind) || named(workload.namespace, reference.kind, reference.name)) continue;
      context.report({
        fact: workload,
        at: reference.at,
        messageId,
        data: {
          kind: reference.kind,
          name: reference.name,
          namespace: namespaceWords(workload.namespace),
          count: countOf(workload.namespace, reference.kind),
        },
      });
    }
  }
}
