/**
 * Facts as a kustomization renders their objects: the one transform applied wherever
 * facts are gathered for rules across files, so every such rule (quota sums, budgets,
 * selectors) sees the namespace an overlay sets, the labels it joins to selectors and
 * pod templates, and its `replicas:` counts, without knowing about Kustomize.
 *
 * Fields shared by every fact (namespace, name) are rendered for all kinds; the label
 * and replica fields of the kinds that carry them are rendered here, by kind.
 */
import type { BaseFact, DocumentFacts, Fact } from '../facts/factKind';
import { workloadFacts } from '../facts/workloads';
import type { WorkloadFact } from '../facts/workloads';
import { serviceFacts } from '../facts/services';
import type { ServiceFact } from '../facts/services';
import { disruptionBudgetFacts } from '../facts/disruptionBudgets';
import type { DisruptionBudgetFact } from '../facts/disruptionBudgets';
import type { KustomizeRole, Rendering } from '../kustomize/inputs';

/** Kinds kustomize gives no namespace: they are cluster-wide. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'APIService',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'IngressClass',
  'RuntimeClass',
]);

/** A file's facts as its kustomization trees render them: none for a patch, one copy per tree for a resource. */
export function renderedFacts(facts: readonly DocumentFacts[], role: KustomizeRole | undefined): readonly DocumentFacts[] {
  if (!role) return facts;
  if (role.partial) return [];
  const renderings = role.renderings ?? [];
  if (renderings.length === 0) return facts;
  return renderings.flatMap((rendering) => facts.map((document) => renderDocument(document, rendering)));
}

export function renderDocument(document: DocumentFacts, rendering: Rendering): DocumentFacts {
  const rendered = new Map<string, BaseFact[]>();
  for (const [kind, facts] of document)
    rendered.set(
      kind,
      // Facts of documents that are no object (a CNI config) are not renamed by a kustomization.
      facts.map((fact) => (isObjectFact(fact) ? renderFact(kind, fact, rendering) : fact)),
    );
  // The place of each fact in its file stays what it was: navigation still lands on the base's text.
  return document.locate ? Object.assign(rendered, { locate: document.locate }) : rendered;
}

function isObjectFact(fact: BaseFact): fact is Fact {
  return fact.object !== undefined && typeof (fact as Partial<Fact>).name === 'string';
}

function renderFact(kind: string, fact: Fact, rendering: Rendering): Fact {
  const name = fact.name === '' ? '' : `${rendering.namePrefix}${fact.name}${rendering.nameSuffix}`;
  const namespaced = !CLUSTER_SCOPED.has(fact.object.kind);
  const namespace = namespaced && rendering.namespace !== undefined ? rendering.namespace : fact.namespace;
  const object = { ...fact.object, ...(name ? { name } : {}), ...(namespace ? { namespace } : {}) };
  const base = { ...fact, name, namespace, object };
  const labels = rendering.selectorLabels;
  const hasLabels = Object.keys(labels).length > 0;
  if (kind === workloadFacts.id) {
    const workload = base as WorkloadFact;
    const replicas = rendering.replicas[fact.name] ?? rendering.replicas[name];
    const pods =
      replicas === undefined || fact.object.kind === 'Job' || fact.object.kind === 'CronJob' ? workload.pods : replicas;
    const templateLabels = hasLabels ? { ...workload.templateLabels, ...labels } : workload.templateLabels;
    const rendered: WorkloadFact = { ...workload, pods, templateLabels };
    return rendered;
  }
  if (kind === serviceFacts.id && hasLabels) {
    const service = base as ServiceFact;
    const rendered: ServiceFact = service.selector ? { ...service, selector: { ...service.selector, ...labels } } : service;
    return rendered;
  }
  if (kind === disruptionBudgetFacts.id && hasLabels) {
    const budget = base as DisruptionBudgetFact;
    const kept = budget.selector.filter((requirement) => !(requirement.key in labels));
    const added = Object.entries(labels).map(([key, value]) => ({ key, operator: 'In' as const, values: [value] }));
    const rendered: DisruptionBudgetFact = { ...budget, selector: [...kept, ...added] };
    return rendered;
  }
  return base;
}
