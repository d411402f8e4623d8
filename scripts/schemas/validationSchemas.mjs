// Turns the OpenAPI v3 component schemas into what schemas/kubernetes-schemas.json ships:
// one JSON Schema definition per OpenAPI type, in the small subset ajv needs (type,
// properties, required, items, additionalProperties, enum, $ref), and the field
// descriptions apart, for hovers and completion (schemas/kubernetes-descriptions.json).
//
// What changes on the way, and why:
// - Objects with declared properties get `additionalProperties: false`: the API server's
//   strict field validation (kubectl's default since 1.27) rejects unknown fields.
// - resource.Quantity's definition becomes `{}`: rules/resources/invalid-quantity.ts judges quantities
//   with the exact grammar, so the schema must not report them a second time.
// - IntOrString's definition (`oneOf: [integer, string]`) becomes `type: [integer, string]`: one type
//   error instead of a oneOf dump.
// - RawExtension and apiextensions JSON accept anything; `format` is dropped (ajv would need
//   every Kubernetes format registered, and the API server does not check most of them).
// - Enums the OpenAPI states only in descriptions (ENUMS below) become `enum`; the
//   generator checks that every value is named in the description, so an upstream change
//   fails the generation instead of shipping a wrong enum.

export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const ANYTHING = new Set([
  QUANTITY,
  'io.k8s.apimachinery.pkg.runtime.RawExtension',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON',
]);

/** [definition name suffix, property, values]: enums the OpenAPI states only in descriptions. */
const ENUMS = [
  ['core.v1.Container', 'imagePullPolicy', ['Always', 'IfNotPresent', 'Never']],
  ['core.v1.EphemeralContainer', 'imagePullPolicy', ['Always', 'IfNotPresent', 'Never']],
  ['core.v1.Container', 'terminationMessagePolicy', ['File', 'FallbackToLogsOnError']],
  ['core.v1.ContainerPort', 'protocol', ['TCP', 'UDP', 'SCTP']],
  ['core.v1.ServicePort', 'protocol', ['TCP', 'UDP', 'SCTP']],
  ['core.v1.EndpointPort', 'protocol', ['TCP', 'UDP', 'SCTP']],
  ['discovery.v1.EndpointPort', 'protocol', ['TCP', 'UDP', 'SCTP']],
  ['networking.v1.NetworkPolicyPort', 'protocol', ['TCP', 'UDP', 'SCTP']],
  ['core.v1.ServiceSpec', 'type', ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']],
  ['core.v1.ServiceSpec', 'sessionAffinity', ['ClientIP', 'None']],
  ['core.v1.ServiceSpec', 'externalTrafficPolicy', ['Cluster', 'Local']],
  ['core.v1.ServiceSpec', 'internalTrafficPolicy', ['Cluster', 'Local']],
  ['core.v1.ServiceSpec', 'ipFamilyPolicy', ['SingleStack', 'PreferDualStack', 'RequireDualStack']],
  ['core.v1.PodSpec', 'restartPolicy', ['Always', 'OnFailure', 'Never']],
  ['core.v1.PodSpec', 'dnsPolicy', ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']],
  ['core.v1.PodSpec', 'preemptionPolicy', ['Never', 'PreemptLowerPriority']],
  ['scheduling.v1.PriorityClass', 'preemptionPolicy', ['Never', 'PreemptLowerPriority']],
  ['core.v1.PersistentVolumeSpec', 'persistentVolumeReclaimPolicy', ['Retain', 'Delete', 'Recycle']],
  ['core.v1.Toleration', 'operator', ['Exists', 'Equal', 'Lt', 'Gt']],
  ['core.v1.Toleration', 'effect', ['NoSchedule', 'PreferNoSchedule', 'NoExecute']],
  ['core.v1.Taint', 'effect', ['NoSchedule', 'PreferNoSchedule', 'NoExecute']],
  ['core.v1.NodeSelectorRequirement', 'operator', ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']],
  ['meta.v1.LabelSelectorRequirement', 'operator', ['In', 'NotIn', 'Exists', 'DoesNotExist']],
  ['core.v1.SeccompProfile', 'type', ['RuntimeDefault', 'Unconfined', 'Localhost']],
  ['core.v1.PodSecurityContext', 'fsGroupChangePolicy', ['OnRootMismatch', 'Always']],
  ['apps.v1.DeploymentStrategy', 'type', ['Recreate', 'RollingUpdate']],
  ['apps.v1.DaemonSetUpdateStrategy', 'type', ['RollingUpdate', 'OnDelete']],
  ['apps.v1.StatefulSetSpec', 'podManagementPolicy', ['OrderedReady', 'Parallel']],
  ['batch.v1.CronJobSpec', 'concurrencyPolicy', ['Allow', 'Forbid', 'Replace']],
  ['networking.v1.HTTPIngressPath', 'pathType', ['Exact', 'Prefix', 'ImplementationSpecific']],
];

const refName = (ref) => ref.replace('#/components/schemas/', '');

/** The $ref a property points at; the v3 generator wraps it in allOf when it also sets a default. */
function singleRef(node) {
  if (node.$ref) return refName(node.$ref);
  if (Array.isArray(node.allOf) && node.allOf.length === 1 && node.allOf[0].$ref) return refName(node.allOf[0].$ref);
  return undefined;
}

/** Shorter definition ids (`core.v1.PodSpec`, `meta.v1.ObjectMeta`): they appear in every $ref. */
export function shortName(name) {
  return name
    .replace(/^io\.k8s\.api\./, '')
    .replace(/^io\.k8s\.apimachinery\.pkg\.apis\./, '')
    .replace(/^io\.k8s\.apimachinery\.pkg\./, '')
    .replace(/^io\.k8s\.apiextensions-apiserver\.pkg\.apis\./, '')
    .replace(/^io\.k8s\.kube-aggregator\.pkg\.apis\./, '');
}

function enumFor(definition, property, description) {
  const entry = ENUMS.find(([suffix, prop]) => prop === property && shortName(definition) === suffix);
  if (!entry) return undefined;
  const missing = entry[2].filter((value) => !new RegExp(`\\b${value}\\b`).test(description ?? ''));
  if (missing.length > 0) {
    throw new Error(`${definition}.${property}: the description no longer names ${missing.join(', ')}; update ENUMS`);
  }
  return entry[2];
}

function convert(node, context) {
  const ref = singleRef(node);
  // Quantity and IntOrString stay references (to `{}` and `type: [integer, string]`) so that
  // hovers can name the type.
  if (ref) return { $ref: `#/definitions/${shortName(ref)}` };
  if (node.format === 'int-or-string' || node['x-kubernetes-int-or-string']) return { type: ['integer', 'string'] };
  const out = {};
  if (node.type) out.type = node.type;
  const values = context ? enumFor(context.definition, context.property, node.description) : undefined;
  if (values) out.enum = values;
  if (node.type === 'array' && node.items) out.items = convert(node.items);
  if (node.properties) {
    out.properties = {};
    for (const [name, child] of Object.entries(node.properties)) out.properties[name] = convert(child, undefined);
    if (node.required?.length) out.required = [...node.required].sort();
  }
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    out.additionalProperties = convert(node.additionalProperties);
  } else if (node.properties && !node['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

function convertDefinition(name, node) {
  if (ANYTHING.has(name)) return {};
  if (name === INT_OR_STRING) return { type: ['integer', 'string'] };
  const out = convert({ ...node, properties: undefined });
  if (node.properties) {
    out.properties = {};
    for (const [property, child] of Object.entries(node.properties)) {
      out.properties[property] = convert(child, { definition: name, property });
    }
    if (node.required?.length) out.required = [...node.required].sort();
    if (!node.additionalProperties && !node['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  }
  return out;
}

/** The definitions reachable from the kinds' root schemas, converted, and their descriptions. */
export function validationSchemas(schemas, kindRoots) {
  const definitions = {};
  const descriptions = {};
  const queue = [...new Set(kindRoots.values())];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const name = queue.shift();
    const node = schemas[name];
    if (!node) throw new Error(`schema ${name} is referenced but not defined`);
    const id = shortName(name);
    if (definitions[id]) throw new Error(`two schemas shorten to ${id}`);
    definitions[id] = convertDefinition(name, node);
    const texts = {};
    if (node.description) texts[''] = node.description;
    for (const [property, child] of Object.entries(node.properties ?? {})) {
      if (child.description) texts[property] = child.description;
    }
    if (Object.keys(texts).length > 0 && !ANYTHING.has(name)) descriptions[id] = texts;
    for (const ref of JSON.stringify(node).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      if (!seen.has(ref[1])) {
        seen.add(ref[1]);
        queue.push(ref[1]);
      }
    }
  }
  const sorted = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { definitions: sorted(definitions), descriptions: sorted(descriptions) };
}
