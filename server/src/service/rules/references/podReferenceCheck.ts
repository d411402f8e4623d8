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
import { objectFacts } from '../../facts/objects';
import type { ReferencedKind } from '../../facts/podReferences';
import { workloadFacts } from '../../facts/workloads';
import { existsInEveryNamespace } from '../../kubernetes/implicitObjects';
import { inNamespace, namespaceWords } from '../../kubernetes/namespaces';
import type { WorkspaceRuleContext } from '../api/ruleTypes';
import { namesOperatorsMayMake } from './operatorMade';

export function checkPodReferences(context: WorkspaceRuleContext, kinds: readonly ReferencedKind[], messageId: string): void {
  const workloads = context.inFile(workloadFacts);
  if (workloads.every((w) => w.references.every((r) => !kinds.includes(r.kind)))) return;
  const objects = context.all(objectFacts).filter((o) => (kinds as readonly string[]).includes(o.kind));
  const kustomizations = context.all(kustomizationFacts);
  const made = new Map<string, Set<string>>();
  const operatorMade = (namespace: string): Set<string> => {
    let names = made.get(namespace);
    if (!names) made.set(namespace, (names = namesOperatorsMayMake(context.all(customObjectFacts), namespace)));
    return names;
  };
  // Per namespace and kind, once: a file of thousands of workloads asks the same question for each.
  // A generated object is also known by the name its generator gives, which kustomize rewrites references from.
  const declared = new Map<string, { count: number; names: Set<string> }>();
  const declaredIn = (namespace: string, kind: string): { count: number; names: Set<string> } => {
    const key = `${namespace}\u0000${kind}`;
    let found = declared.get(key);
    if (!found) {
      const candidates = inNamespace(objects, namespace).filter((o) => o.kind === kind);
      const names = new Set(candidates.flatMap((o) => (o.generatedAs === undefined ? [o.name] : [o.name, o.generatedAs])));
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
