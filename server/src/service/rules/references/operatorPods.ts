/**
 * Pods that no manifest declares but an operator makes from a custom object of the
 * workspace. Operators label those pods with the object's name or kind: the Prometheus
 * Operator with `prometheus: k8s` and `app.kubernetes.io/name: prometheus` for the
 * Prometheus `k8s`, Strimzi with `strimzi.io/cluster: <name>`, CloudNativePG with
 * `cnpg.io/cluster: <name>`. A selector asking for such a value may well match them, so
 * the rules that say "selects nothing" stay silent.
 */
import type { ObjectFact } from '../../facts/objects';
import { knownKind } from '../../kubernetes/kinds';
import type { PlainRequirement } from '../../kubernetes/labelSelector';
import { sameNamespace } from '../../kubernetes/namespaces';

export function operatorMayMakePods(
  selector: Readonly<Record<string, string>> | readonly PlainRequirement[],
  objects: readonly ObjectFact[],
  namespace: string,
): boolean {
  const values = new Set(Array.isArray(selector) ? selector.flatMap((r: PlainRequirement) => r.values) : Object.values(selector));
  if (values.size === 0) return false;
  return objects.some(
    (object) =>
      sameNamespace(object.namespace, namespace) &&
      !knownKind(object.apiVersion, object.kind) &&
      (values.has(object.name) || values.has(object.kind.toLowerCase())),
  );
}
