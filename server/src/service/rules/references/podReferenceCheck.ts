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
  for (const workload of workloads) {
    for (const reference of workload.references) {
      if (!kinds.includes(reference.kind) || reference.optional) continue;
      if (existsInEveryNamespace(reference.kind, reference.name)) continue;
      if (operatorMade(workload.namespace).has(reference.name)) continue;
      if (mayBeRemote(kustomizations, workload.namespace)) continue;
      const candidates = inNamespace(objects, workload.namespace).filter((o) => o.kind === reference.kind);
      // A generated object is also known by the name its generator gives, which kustomize rewrites references from.
      if (candidates.length === 0 || candidates.some((o) => o.name === reference.name || o.generatedAs === reference.name))
        continue;
      context.report({
        fact: workload,
        at: reference.at,
        messageId,
        data: {
          kind: reference.kind,
          name: reference.name,
          namespace: namespaceWords(workload.namespace),
          count: candidates.length,
        },
      });
    }
  }
}
