/**
 * Facts about the user's cluster that some rules need, and which resources every
 * container must declare. Set in `.kubewise.yaml` (`node:`, `resources:`) or in the
 * editor's `kubewise.node.*` / `kubewise.resources.require`; later sources win.
 *
 * The default node is a common small node (2 vCPU, 8 GiB: an AWS m5.large, a GKE
 * e2-standard-2). The default requirement leaves CPU limits out on purpose: a CPU limit
 * throttles a container even when the node has idle cores, so many operators set CPU
 * requests and memory limits but no CPU limit (see docs/rules/missing-resources.md).
 */
import { parseQuantity } from '../kubernetes/quantity';

export const RESOURCE_REQUIREMENTS = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'] as const;
export type ResourceRequirement = (typeof RESOURCE_REQUIREMENTS)[number];

export interface NodeShape {
  cpu: string;
  memory: string;
}

export interface RuleOptions {
  node: NodeShape & { cpuNanos: bigint; memoryNanos: bigint };
  requiredResources: readonly ResourceRequirement[];
}

/** What a source may say; anything missing or invalid falls through to the next source. */
export interface RuleOptionsInput {
  node?: Partial<NodeShape>;
  requiredResources?: readonly ResourceRequirement[];
}

export const DEFAULT_NODE: NodeShape = { cpu: '2', memory: '8Gi' };
export const DEFAULT_REQUIRED_RESOURCES: readonly ResourceRequirement[] = ['requests.cpu', 'requests.memory', 'limits.memory'];

export const DEFAULT_RULE_OPTIONS: RuleOptions = resolveRuleOptions();

export function resolveRuleOptions(...sources: (RuleOptionsInput | undefined)[]): RuleOptions {
  let cpu = DEFAULT_NODE.cpu;
  let memory = DEFAULT_NODE.memory;
  let requiredResources = DEFAULT_REQUIRED_RESOURCES;
  for (const source of sources) {
    if (source?.node?.cpu !== undefined && positiveNanos(source.node.cpu) !== undefined) cpu = source.node.cpu;
    if (source?.node?.memory !== undefined && positiveNanos(source.node.memory) !== undefined) memory = source.node.memory;
    if (source?.requiredResources) requiredResources = source.requiredResources.filter(isRequirement);
  }
  return {
    node: { cpu, memory, cpuNanos: positiveNanos(cpu) ?? 0n, memoryNanos: positiveNanos(memory) ?? 0n },
    requiredResources,
  };
}

/** A stable key for caching results that depend on the options. */
export function ruleOptionsKey(options: RuleOptions): string {
  return `${options.node.cpuNanos}/${options.node.memoryNanos}/${options.requiredResources.join(',')}`;
}

/** Reads options from untrusted input (a settings object or a parsed config file). */
export function readRuleOptionsInput(value: unknown): RuleOptionsInput {
  const input: RuleOptionsInput = {};
  if (typeof value !== 'object' || value === null) return input;
  const { node, resources } = value as { node?: unknown; resources?: unknown };
  if (typeof node === 'object' && node !== null) {
    const { cpu, memory } = node as { cpu?: unknown; memory?: unknown };
    const shape: Partial<NodeShape> = {};
    if (typeof cpu === 'string' || typeof cpu === 'number') shape.cpu = String(cpu);
    if (typeof memory === 'string' || typeof memory === 'number') shape.memory = String(memory);
    input.node = shape;
  }
  const require = typeof resources === 'object' && resources !== null ? (resources as { require?: unknown }).require : undefined;
  if (Array.isArray(require)) input.requiredResources = require.filter(isRequirement);
  return input;
}

function isRequirement(value: unknown): value is ResourceRequirement {
  return (RESOURCE_REQUIREMENTS as readonly unknown[]).includes(value);
}

function positiveNanos(text: string): bigint | undefined {
  const parsed = parseQuantity(text);
  return parsed.ok && parsed.quantity.nanos > 0n ? parsed.quantity.nanos : undefined;
}

/** The `node` and `resources` sections of the `.kubewise.yaml` schema. */
export function ruleOptionsSchema(): Record<string, unknown> {
  const pattern = '^[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$';
  const quantity = {
    anyOf: [
      { type: 'string', pattern },
      { type: 'number', exclusiveMinimum: 0 },
    ],
  };
  return {
    node: {
      type: 'object',
      description: `The shape of your nodes, for rules that check whether a pod can ever be scheduled. Default: ${DEFAULT_NODE.cpu} CPU, ${DEFAULT_NODE.memory}.`,
      additionalProperties: false,
      properties: {
        cpu: {
          ...quantity,
          description: `Allocatable CPU of one node (a quantity, e.g. "4" or "3920m"). Default "${DEFAULT_NODE.cpu}".`,
        },
        memory: { ...quantity, description: `Allocatable memory of one node (e.g. "16Gi"). Default "${DEFAULT_NODE.memory}".` },
      },
    },
    resources: {
      type: 'object',
      description: 'What every long-running container must declare (rule missing-resources).',
      additionalProperties: false,
      properties: {
        require: {
          type: 'array',
          uniqueItems: true,
          items: { enum: [...RESOURCE_REQUIREMENTS] },
          description: `Default: ${DEFAULT_REQUIRED_RESOURCES.join(', ')}. CPU limits are left out on purpose: they throttle even on an idle node.`,
        },
      },
    },
  };
}
