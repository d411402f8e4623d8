/**
 * A request above its limit, per container and for pod-level `spec.resources`: the API
 * server rejects it (ValidateResourceRequirements: "must be less than or equal to cpu
 * limit"). Values are compared exactly (bigint nano-units), so `0.5` equals `500m` and
 * `1Gi` equals `1073741824`. Values that do not parse are left to the rule that
 * reports them.
 *
 * Not checked here: PersistentVolumeClaim storage requests and limits (and
 * volumeClaimTemplates). ValidatePersistentVolumeClaimSpec does not compare them, so the
 * API accepts such a claim and this rule would be inventing an error.
 */
import { isAlias } from 'yaml';
import type { YAMLMap } from 'yaml';
import { getString } from '../../document/yamlNodes';
import { parseQuantity } from '../../kubernetes/quantity';
import { isOvercommitAllowed } from '../../kubernetes/resourceNames';
import { quantityFieldsOf } from '../../kubernetes/quantityFields';
import type { QuantityField } from '../../kubernetes/quantityFields';
import { replaceQuantity } from '../api/fixes/replaceQuantity';
import { quantityWithWords } from '../../kubernetes/quantityAmount';
import { defineRule } from '../api/ruleTypes';
import type { OffsetFix, RuleContext } from '../api/ruleTypes';

export const requestExceedsLimit = defineRule(
  {
    id: 'request-exceeds-limit',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { workloads: true },
    description: 'No resource request is greater than its limit.',
    why: 'A request is what the scheduler reserves for a container; a limit is the most it may use (above its CPU limit it is throttled, above its memory limit it is OOM-killed). A request above its limit cannot be honoured, so the API server rejects the whole object ("must be less than or equal to memory limit") and the deploy fails. It usually comes from a unit slip (`1G` against `1Gi`, `1000` cores against `1000m`) or from raising one number and forgetting the other. Setting only a limit is fine: Kubernetes then copies the limit into the request.',
    remediation: 'Lower the request to at most the limit, or raise the limit to at least the request.',
    equivalents: [],
    messages: {
      exceeds:
        '{{owner}} requests {{resource}} {{request}}, more than its limit {{limit}}: the API rejects it ("must be less than or equal to {{resource}} limit").',
      exceedsMustEqual:
        '{{owner}} requests {{resource}} {{request}}, more than its limit {{limit}}: the API rejects it ("must be equal to {{resource}} limit"); {{resource}} cannot be overcommitted, so its request and limit must be the same.',
    },
    fixable: true,
  },
  (context) => {
    for (const group of resourceGroups(quantityFieldsOf(context.object)).values()) {
      for (const [name, request] of group.requests) {
        const limit = group.limits.get(name);
        if (limit) checkPair(context, group, name, request, limit);
      }
    }
  },
);

interface ResourceGroup {
  /** The container map, or the pod spec for pod-level `spec.resources`. */
  owner: YAMLMap;
  ownerField: string;
  requests: Map<string, QuantityField>;
  limits: Map<string, QuantityField>;
}

/** Requests and limits side by side, per container and per pod spec. */
function resourceGroups(fields: readonly QuantityField[]): Map<YAMLMap, ResourceGroup> {
  const groups = new Map<YAMLMap, ResourceGroup>();
  for (const field of fields) {
    if (!field.podSpec || field.role === 'other') continue;
    const [first, , second] = field.path;
    // Container resources (`containers[].resources…`) or the pod's own (`resources…`);
    // ephemeral volume claim templates are PVC specs, which the API does not compare.
    const podLevel = first === 'resources';
    if (!podLevel && !(field.container && second === 'resources')) continue;
    const owner = podLevel ? field.podSpec : field.container;
    if (!owner || first === undefined) continue;
    const group = groups.get(owner) ?? { owner, ownerField: first, requests: new Map(), limits: new Map() };
    (field.role === 'request' ? group.requests : group.limits).set(field.key, field);
    groups.set(owner, group);
  }
  return groups;
}

function checkPair(context: RuleContext, group: ResourceGroup, name: string, request: QuantityField, limit: QuantityField): void {
  if (typeof request.text !== 'string' || typeof limit.text !== 'string' || !request.value) return;
  const requested = parseQuantity(request.text);
  const limited = parseQuantity(limit.text);
  if (!requested.ok || !limited.ok || requested.quantity.nanos <= limited.quantity.nanos) return;

  const containerName = group.ownerField === 'resources' ? undefined : getString(context.object.doc, group.owner, 'name');
  const fixes: OffsetFix[] = [];
  const lower = !isAlias(request.pair.value) && replaceQuantity(context.text, request.value, limit.text);
  if (lower) fixes.push({ title: `Lower the request to ${limit.text}`, edits: [lower] });
  const raise = !isAlias(limit.pair.value) && replaceQuantity(context.text, limit.value, request.text);
  if (raise) fixes.push({ title: `Raise the limit to ${request.text}`, edits: [raise] });

  context.report({
    node: request.value,
    messageId: isOvercommitAllowed(name) ? 'exceeds' : 'exceedsMustEqual',
    data: {
      owner: ownerLabel(group.ownerField, containerName),
      resource: name,
      request: quantityWithWords(request.text, request.resource, requested.quantity.nanos),
      limit: quantityWithWords(limit.text, limit.resource, limited.quantity.nanos),
    },
    ...(containerName !== undefined ? { container: containerName } : {}),
    fixes,
  });
}

const OWNER_WORDS: Readonly<Record<string, string>> = {
  containers: 'Container',
  initContainers: 'Init container',
  ephemeralContainers: 'Ephemeral container',
};

function ownerLabel(field: string, name: string | undefined): string {
  if (field === 'resources') return 'The pod (spec.resources)';
  return `${OWNER_WORDS[field] ?? 'Container'} '${name ?? '(unnamed)'}'`;
}
