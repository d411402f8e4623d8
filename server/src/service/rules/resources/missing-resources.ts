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
 * that inserts the required entries: with the values a LimitRange of the namespace
 * gives by default (requests from its defaultRequest, limits from its default), found
 * anywhere in the workspace, and otherwise with placeholder sizes, each marked for
 * editing: the real sizes come from metrics, which the manifest does not hold. That is
 * why this rule reads the workspace (facts `container-resources` and `limit-range`).
 *
 * Each missing item gets its own reason: a missing request misleads the scheduler, a
 * missing memory limit lets one leak take the node's memory from its neighbours.
 */
import { RESOURCE_REQUIREMENTS } from '../../facts/containerResources';
import type { ContainerResourcesEntry, ContainerResourcesFact, ResourceRequirement } from '../../facts/containerResources';
import { containerResourcesFacts } from '../../facts/containerResources';
import { limitRangeFacts } from '../../facts/limitRanges';
import type { LimitRangeFact } from '../../facts/limitRanges';
import { limitRangesByNamespace } from '../../facts/factIndexes';
import { sameNamespaceIn } from '../../kubernetes/namespaces';
import { defineWorkspaceRule } from '../api/ruleTypes';
import type { OffsetFix, WorkspaceRuleContext } from '../api/ruleTypes';

export { RESOURCE_REQUIREMENTS };
export type { ResourceRequirement };

/** CPU limits are left out on purpose: they throttle a container even when the node has idle cores. */
const EQUIVALENTS = [
  'kube-linter:unset-cpu-requirements',
  'kube-linter:unset-memory-requirements',
  'kube-score:container-resources',
  'polaris:cpuRequestsMissing',
  'polaris:memoryRequestsMissing',
  'polaris:memoryLimitsMissing',
  'checkov:CKV_K8S_10',
  'checkov:CKV_K8S_12',
  'checkov:CKV_K8S_13',
];
const DEFAULT_REQUIRED: readonly ResourceRequirement[] = ['requests.cpu', 'requests.memory', 'limits.memory'];

function isRequirement(value: unknown): value is ResourceRequirement {
  return (RESOURCE_REQUIREMENTS as readonly unknown[]).includes(value);
}

export const missingResources = defineWorkspaceRule<readonly ResourceRequirement[]>(
  {
    id: 'missing-resources',
    type: 'problem',
    defaultSeverity: 'warning',
    description:
      'Containers declare the resource requests and limits the team requires (by default CPU and memory requests and a memory limit).',
    why: "The scheduler places pods by their requests, not by what they use. A container without requests is placed as if it needed nothing, lands on a full node, and is the first evicted when the node runs short; a namespace with a ResourceQuota rejects it outright. Memory is not compressible: without a memory limit one leaking container can take the node's memory from its neighbours. CPU limits are not required by default: CPU is compressible, and a limit throttles a container even while the node has idle cores (set `resources.require` to add them).",
    remediation:
      "Add the missing requests and limits under the container's resources, sized from real usage (for example the 95th percentile from your metrics).",
    equivalents: EQUIVALENTS,
    messages: {
      missingRequests: "Container '{{container}}' declares no {{requests}}: the scheduler cannot place it by what it needs.",
      missingLimits: "Container '{{container}}' declares no {{limits}}: {{limitsReason}}.",
      missingBoth:
        "Container '{{container}}' declares no {{requests}} (the scheduler cannot place it by what it needs) and no {{limits}} ({{limitsReason}}).",
    },
    yieldsTo: {},
    fixable: true,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: true,
    facts: [containerResourcesFacts, limitRangeFacts],
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
    for (const fact of context.inFile(containerResourcesFacts)) {
      if (fact.ignores.some((check) => EQUIVALENTS.includes(check))) continue;
      for (const container of fact.containers) {
        const missing = context.options.filter((required) => !container.declared.includes(required));
        if (missing.length === 0) continue;
        context.report({
          fact,
          at: container.at,
          ...describeMissing(container.name, missing),
          container: container.name,
          fixes: container.block
            ? resourcesBlockFix(container.block, missing, limitRangeFor(fact, context))
            : memoryLimitFix(container, missing),
        });
      }
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

/**
 * The LimitRange whose defaults the namespace's containers get: one of the same
 * namespace (an object that names none goes wherever it is applied, so it may meet any).
 */
function limitRangeFor(fact: ContainerResourcesFact, context: WorkspaceRuleContext): LimitRangeFact | undefined {
  // Looked up by namespace: the judgement depends on the LimitRanges that may meet the object.
  const ranges = sameNamespaceIn((...keys) => context.lookup(limitRangesByNamespace, ...keys), fact.namespace);
  return ranges.find((range) => Object.keys(range.defaults).length > 0);
}

function resourcesBlockFix(
  block: NonNullable<ContainerResourcesEntry['block']>,
  missing: readonly ResourceRequirement[],
  limitRange: LimitRangeFact | undefined,
): OffsetFix[] {
  const lines = ['resources:'];
  let guessed = false;
  for (const role of ['requests', 'limits'] as const) {
    const items = missing.filter((item) => item.startsWith(`${role}.`));
    if (items.length === 0) continue;
    lines.push(`  ${role}:`);
    for (const item of items) {
      const known = limitRange?.defaults[item];
      const resource = item.slice(role.length + 1);
      if (known) lines.push(`    ${resource}: ${known} # default of LimitRange '${limitRange?.name ?? ''}'`);
      else lines.push(`    ${resource}: ${PLACEHOLDERS[item]} ${PLACEHOLDER_MARK}`);
      guessed ||= !known;
    }
  }
  const text = lines.map((line) => `${block.before}${line}${block.after}`).join('');
  const title = guessed
    ? 'Add a resources block (placeholder sizes to edit)'
    : "Add a resources block (the LimitRange's defaults)";
  // The sizes are guesses or the namespace's defaults, not the container's needs: offered
  // in the light bulb, never applied by fix-all.
  return [{ title, edits: [{ start: block.at[0], end: block.at[1], text }], fixAll: false }];
}

function memoryLimitFix(container: ContainerResourcesEntry, missing: readonly string[]): OffsetFix[] {
  const fix = container.memoryLimitFromRequest;
  if (!missing.includes('limits.memory') || !fix) return [];
  return [
    {
      title: `Set the memory limit to the request (${fix.value})`,
      edits: [{ start: fix.at[0], end: fix.at[1], text: fix.text }],
    },
  ];
}
