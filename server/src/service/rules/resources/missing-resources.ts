/**
 * Each container declares the requests and limits the team requires (config/ruleOptions.ts:
 * by default CPU and memory requests and a memory limit). A limit without a request
 * counts as both, because Kubernetes copies the limit into the request.
 *
 * The one knowable fix: a missing memory limit where the memory request is set becomes
 * a limit equal to the request. That is the usual advice for memory (it is not
 * compressible, so a pod using more than it asked for is the first evicted; with the
 * limit equal to the request it is OOM-killed at a size the team chose instead).
 */
import { isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import { getMap, getValue, hasKey } from '../../document/yamlNodes';
import { allContainers } from '../../kubernetes/workloads';
import { insertIntoBlockMap } from '../api/fixes/insertIntoMap';
import { defineRule } from '../api/ruleTypes';
import type { OffsetFix, RuleContext } from '../api/ruleTypes';

export const RESOURCE_REQUIREMENTS = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'] as const;
export type ResourceRequirement = (typeof RESOURCE_REQUIREMENTS)[number];

/** CPU limits are left out on purpose: they throttle a container even when the node has idle cores. */
const DEFAULT_REQUIRED: readonly ResourceRequirement[] = ['requests.cpu', 'requests.memory', 'limits.memory'];

function isRequirement(value: unknown): value is ResourceRequirement {
  return (RESOURCE_REQUIREMENTS as readonly unknown[]).includes(value);
}

export const missingResources = defineRule(
  {
    id: 'missing-resources',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { workloads: true },
    description:
      'Containers declare the resource requests and limits the team requires (by default CPU and memory requests and a memory limit).',
    why: "The scheduler places pods by their requests, not by what they use. A container without requests is placed as if it needed nothing, lands on a full node, and is the first evicted when the node runs short; a namespace with a ResourceQuota rejects it outright. Memory is not compressible: without a memory limit one leaking container can take the node's memory from its neighbours. CPU limits are not required by default: CPU is compressible, and a limit throttles a container even while the node has idle cores (set `resources.require` to add them).",
    remediation:
      "Add the missing requests and limits under the container's resources, sized from real usage (for example the 95th percentile from your metrics).",
    equivalents: [
      'kube-linter:unset-cpu-requirements',
      'kube-linter:unset-memory-requirements',
      'kube-score:container-resources',
      'polaris:cpuRequestsMissing',
      'polaris:memoryRequestsMissing',
      'polaris:memoryLimitsMissing',
      'checkov:CKV_K8S_10',
      'checkov:CKV_K8S_12',
      'checkov:CKV_K8S_13',
    ],
    messages: {
      missing: "Container '{{container}}' declares no {{missing}}: the scheduler cannot place it by what it really needs.",
    },
    fixable: true,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: true,
    options: {
      meta: {
        section: 'resources',
        description: 'What every long-running container must declare',
        properties: {
          require: {
            schema: { type: 'array', uniqueItems: true, items: { enum: [...RESOURCE_REQUIREMENTS] } },
            setting: { type: 'array', uniqueItems: true, items: { type: 'string', enum: [...RESOURCE_REQUIREMENTS] } },
            description: `Default: ${DEFAULT_REQUIRED.join(', ')}. CPU limits are left out on purpose: they throttle even on an idle node.`,
            markdownDescription:
              'What every long-running container must declare (rule `missing-resources`). CPU limits are not required by default: they throttle a container even when the node has idle CPU. Overrides `resources.require` in `.kubewise.yaml`. Unset: `.kubewise.yaml`, else `requests.cpu`, `requests.memory`, `limits.memory`.',
            default: DEFAULT_REQUIRED,
          },
        },
      },
      resolve: (values): readonly ResourceRequirement[] =>
        Array.isArray(values.require) ? values.require.filter(isRequirement) : DEFAULT_REQUIRED,
    },
  },
  (context) => {
    const { doc } = context.object;
    for (const container of allContainers(context.object)) {
      // Ephemeral (debug) containers may not declare resources at all.
      if (container.kind === 'ephemeralContainer') continue;
      const resources = getMap(doc, container.node, 'resources');
      const missing = context.options.filter((required) => !declares(context, resources, required));
      if (missing.length === 0) continue;
      const name = container.name ?? '(unnamed)';
      context.report({
        node: container.namePair ?? container.node,
        messageId: 'missing',
        data: { container: name, missing: missing.join(', ') },
        container: name,
        fixes: memoryLimitFix(context, resources, missing),
      });
    }
  },
);

function declares(context: RuleContext, resources: YAMLMap | undefined, required: ResourceRequirement): boolean {
  const [role, resource] = required.split('.') as ['requests' | 'limits', string];
  const { doc } = context.object;
  const has = (map: YAMLMap | undefined): boolean => map !== undefined && hasKey(doc, map, resource);
  return has(getMap(doc, resources, role)) || (role === 'requests' && has(getMap(doc, resources, 'limits')));
}

function memoryLimitFix(context: RuleContext, resources: YAMLMap | undefined, missing: readonly string[]): OffsetFix[] {
  if (!missing.includes('limits.memory')) return [];
  const { doc } = context.object;
  const requests = getMap(doc, resources, 'requests');
  const requested = requests ? getValue(doc, requests, 'memory') : undefined;
  if (!resources || !isScalar(requested) || !requested.range) return [];
  // The request exactly as written (quotes included), so the limit reads the same.
  const value = context.text.slice(requested.range[0], requested.range[1]);
  if (value.includes('\n')) return [];
  const limits = getMap(doc, resources, 'limits');
  const edit = limits
    ? insertIntoBlockMap(context.text, limits, [`memory: ${value}`])
    : insertIntoBlockMap(context.text, resources, ['limits:', `  memory: ${value}`]);
  return edit ? [{ title: `Set the memory limit to the request (${value})`, edits: [edit] }] : [];
}
