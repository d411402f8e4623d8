/**
 * The indexes rules across documents look facts up in (factIndex.ts): each one answers the
 * question a rule used to answer by scanning every fact of a kind, so a judgement depends
 * on the keys it asked for. Keys read facts only, never places.
 */
import { knownKind } from '../kubernetes/kinds';
import { namespaceKey, namespaceKeys } from '../kubernetes/namespaces';
import { defineFactIndex } from './factIndex';
import { disruptionBudgetFacts } from './disruptionBudgets';
import { endpointsFacts } from './endpoints';
import { limitRangeFacts } from './limitRanges';
import { quotaFacts } from './quotas';
import { objectFacts } from './objects';
import { serviceFacts } from './services';
import { workloadFacts } from './workloads';

/** A label as a key: `key=value`. */
export function labelKey(key: string, value: string): string {
  return `${key}=${value}`;
}

function labelKeys(labels: Readonly<Record<string, string>>): string[] {
  return Object.entries(labels).map(([key, value]) => labelKey(key, value));
}

/** Workloads by the labels of their pod template: the pods a selector can pick. */
export const workloadsByTemplateLabel = defineFactIndex(workloadFacts, 'template-label', (w) => labelKeys(w.templateLabels));

/** Workloads by namespace (namespaceKeys). */
export const workloadsByNamespace = defineFactIndex(workloadFacts, 'namespace', (w) => namespaceKeys(w.namespace));

/** Services by the first label of their selector: only a pod carrying it can be selected (none for no selector or `{}`). */
export const servicesByFirstSelectorLabel = defineFactIndex(serviceFacts, 'first-selector-label', (s) => {
  const first = Object.entries(s.selector ?? {})[0];
  return first ? [labelKey(first[0], first[1])] : [];
});

/** Services by namespace (namespaceKeys). */
export const servicesByNamespace = defineFactIndex(serviceFacts, 'namespace', (s) => namespaceKeys(s.namespace));

/** Objects by kind and namespace (namespaceKeys scoped by the kind). */
export const objectsByKindAndNamespace = defineFactIndex(objectFacts, 'kind-namespace', (o) =>
  namespaceKeys(o.namespace, o.kind),
);

/** A kind and a name as one index scope. */
export function kindAndName(kind: string, name: string): string {
  return `${kind}\u0000${name}`;
}

/**
 * Objects by kind, name and namespace (namespaceKeys scoped by kindAndName); a generated
 * object also under the name its generator gives it.
 */
export const objectsByKindNameAndNamespace = defineFactIndex(objectFacts, 'kind-name-namespace', (o) => {
  const names = o.generatedAs === undefined || o.generatedAs === o.name ? [o.name] : [o.name, o.generatedAs];
  return names.flatMap((name) => namespaceKeys(o.namespace, kindAndName(o.kind, name)));
});

/** Objects of kinds Kubernetes does not define (an operator's), by namespace: what may make pods of a name. */
export const operatorObjectsByNamespace = defineFactIndex(objectFacts, 'operator-namespace', (o) =>
  knownKind(o.apiVersion, o.kind) ? [] : namespaceKeys(o.namespace),
);

/** PodDisruptionBudgets by the namespace they are written with. */
export const budgetsByNamespace = defineFactIndex(disruptionBudgetFacts, 'namespace', (b) => [namespaceKey(b.namespace)]);

/** Services by name. */
export const servicesByName = defineFactIndex(serviceFacts, 'name', (s) => [s.name]);

/** Endpoints objects by name (the Service they belong to). */
export const endpointsByName = defineFactIndex(endpointsFacts, 'name', (e) => (e.name === undefined ? [] : [e.name]));

/** Objects by namespace (namespaceKeys). */
export const objectsByNamespace = defineFactIndex(objectFacts, 'namespace', (o) => namespaceKeys(o.namespace));

/** LimitRanges by namespace (namespaceKeys). */
export const limitRangesByNamespace = defineFactIndex(limitRangeFacts, 'namespace', (r) => namespaceKeys(r.namespace));

/** ResourceQuotas by the namespace they are written with. */
export const quotasByNamespace = defineFactIndex(quotaFacts, 'namespace', (q) => [namespaceKey(q.namespace)]);
