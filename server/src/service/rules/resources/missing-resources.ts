/**
 * Each container declares the requests and limits the team requires (config/ruleOptions.ts:
 * by default CPU and memory requests and a memory limit). A limit without a request
 * counts as both, because Kubernetes copies the limit into the request.
 *
 * The one knowable fix: a missing memory limit where the memory request is set becomes
 * a limit equal to the request. That is the usual advice for memory (it is not
 * compressible, so a pod using more than it asked for is the first evicted; with the
 * limit equal to the request it is OOM-killed at a size the team chose instead).
 * A container with no `resources` at all gets a suggestion (never applied by fix-all)
 * that inserts the required entries with placeholder sizes, each marked for editing:
 * the real sizes come from metrics, which the manifest does not hold.
 *
 * Each missing item gets its own reason: a missing request misleads the scheduler, a
 * missing memory limit lets one leak take the node's memory from its neighbours.
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
      missingRequests: "Container '{{container}}' declares no {{requests}}: the scheduler cannot place it by what it needs.",
      missingLimits: "Container '{{container}}' declares no {{limits}}: {{limitsReason}}.",
      missingBoth:
        "Container '{{container}}' declares no {{requests}} (the scheduler cannot place it by what it needs) and no {{limits}} ({{limitsReason}}).",
    },
    fixable: true,
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
        ...describeMissing(name, missing),
        container: name,
        fixes: resources ? memoryLimitFix(context, resources, missing) : resourcesBlockFix(context, container.node, missing),
      });
    }
  },
);

const LIMIT_REASONS: Readonly<Record<string, string>> = {
  'limits.memory': "one memory leak can take the node's memory and get its neighbours OOM-killed",
  'limits.cpu': 'nothing caps the CPU it takes from its neighbours',
  both: 'nothing caps the CPU it takes from its neighbours, and one memory leak can get them OOM-killed',
};

function describeMissing(
  container: string,
  missing: readonly ResourceRequirement[],
): { messageId: string; data: Record<string, string> } {
  const requests = missing.filter((item) => item.startsWith('requests.'));
  const limits = missing.filter((item) => item.startsWith('limits.'));
  const limitsReason = (limits.length > 1 ? LIMIT_REASONS.both : LIMIT_REASONS[limits[0] ?? '']) ?? '';
  const data = { container, requests: requests.join(', '), limits: limits.join(', '), limitsReason };
  if (limits.length === 0) return { messageId: 'missingRequests', data };
  return { messageId: requests.length === 0 ? 'missingLimits' : 'missingBoth', data };
}

/** Placeholder sizes, marked: a suggestion to edit, not a value anyone measured. */
const PLACEHOLDERS: Readonly<Record<ResourceRequirement, string>> = {
  'requests.cpu': '100m',
  'requests.memory': '128Mi',
  'limits.cpu': '500m',
  'limits.memory': '128Mi',
};
const PLACEHOLDER_MARK = '# placeholder: size from real usage';

function resourcesBlockFix(context: RuleContext, container: YAMLMap, missing: readonly ResourceRequirement[]): OffsetFix[] {
  const lines = ['resources:'];
  for (const role of ['requests', 'limits'] as const) {
    const items = missing.filter((item) => item.startsWith(`${role}.`));
    if (items.length === 0) continue;
    lines.push(`  ${role}:`);
    for (const item of items) lines.push(`    ${item.slice(role.length + 1)}: ${PLACEHOLDERS[item]} ${PLACEHOLDER_MARK}`);
  }
  const edit = insertIntoBlockMap(context.text, container, lines);
  // The sizes are guesses: offered in the light bulb, never applied by fix-all.
  return edit ? [{ title: 'Add a resources block (placeholder sizes to edit)', edits: [edit], fixAll: false }] : [];
}

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
