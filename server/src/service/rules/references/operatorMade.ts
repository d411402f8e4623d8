/**
 * Objects that no manifest declares but an operator makes from a custom object of the
 * workspace: pods, and the Secrets that secret and certificate operators write.
 *
 * Operators label the pods they make with the object's name or kind: the Prometheus
 * Operator with `prometheus: k8s` and `app.kubernetes.io/name: prometheus` for the
 * Prometheus `k8s`, Strimzi with `strimzi.io/cluster: <name>`, CloudNativePG with
 * `cnpg.io/cluster: <name>`. A selector asking for such a value may well match them, so
 * the rules that say "selects nothing" stay silent.
 */
import type { CustomObjectFact } from '../../facts/customObjects';
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

/**
 * Where custom objects name the object they make: their own name (a SealedSecret, an
 * ExternalSecret by default), `spec.secretName` (a cert-manager Certificate) and
 * `spec.target.name` (an ExternalSecret's target). A reference to one of these names in
 * the object's namespace resolves once the operator has run.
 */
export function namesOperatorsMayMake(objects: readonly CustomObjectFact[], namespace: string): Set<string> {
  const names = new Set<string>();
  for (const object of objects) {
    if (!sameNamespace(object.namespace, namespace)) continue;
    if (object.name) names.add(object.name);
    const spec = field(object.data, 'spec');
    for (const name of [field(spec, 'secretName'), field(field(spec, 'target'), 'name')]) {
      if (typeof name === 'string') names.add(name);
    }
  }
  return names;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
