/**
 * A pod whose requests are larger than a whole node can never be scheduled: it stays
 * Pending, nothing is evicted to make room, and only a bigger node helps (a cluster
 * autoscaler adds nodes of the same shape, which does not). The node shape is a
 * setting (`node:` in .kubewise.yaml, `kubewise.node.*`; default 2 CPU / 8Gi).
 *
 * The pod's requests are computed as the scheduler does (kubernetes/podResources.ts):
 * sidecars and app containers together, init containers one at a time, plus overhead.
 * A single container that is too big is reported on its own request; otherwise the
 * pod's total is reported on its `containers` key.
 *
 * With no node shape configured, the 2 CPU / 8Gi node is an assumption: the finding is
 * information and says so, and a pod that picks its nodes (nodeSelector, node affinity,
 * tolerations: GPU pools, large-memory pools) is compared with a configured shape only.
 * It yields to cpu-unit-slip and invalid-quantity: a resource with a value those rules
 * report is not summed again here (`cpu: 1000` is one finding, the slip).
 */
import type { YAMLMap } from 'yaml';
import { findPair, getMap, getSeq, getString, mapItems } from '../../document/yamlNodes';
import { amounts, podResources } from '../../kubernetes/podResources';
import { findPodSpecs } from '../../kubernetes/workloads';
import { exactDecimal, shortBytes } from '../../kubernetes/quantityWords';
import { parseQuantity, QUANTITY_PATTERN } from '../../kubernetes/quantity';
import { defineRule } from '../api/ruleTypes';
import type { RuleContext } from '../api/ruleTypes';
import { exactQuantities, readQuantityFields } from './quantityChecks';
import { isCpuSlip } from './cpu-unit-slip';

const RESOURCES = ['cpu', 'memory'] as const;
type Resource = (typeof RESOURCES)[number];

/** One node of the cluster, in nano-units; the default is a common small node (an AWS m5.large, a GKE e2-standard-2). */
export interface NodeShape {
  cpu: string;
  memory: string;
  cpuNanos: bigint;
  memoryNanos: bigint;
  /** False when neither value was set (in `.kubewise.yaml` or the settings): the shape is the assumed default. */
  configured: boolean;
}

const DEFAULT_NODE = { cpu: '2', memory: '8Gi' };

const positiveQuantity = {
  anyOf: [
    { type: 'string', pattern: QUANTITY_PATTERN },
    { type: 'number', exclusiveMinimum: 0 },
  ],
};

function nanosOf(value: unknown, fallback: string): { text: string; nanos: bigint } {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : fallback;
  const parsed = parseQuantity(text);
  if (parsed.ok && parsed.quantity.nanos > 0n) return { text, nanos: parsed.quantity.nanos };
  const fallbackParsed = parseQuantity(fallback);
  return { text: fallback, nanos: fallbackParsed.ok ? fallbackParsed.quantity.nanos : 0n };
}

export const podExceedsNode = defineRule(
  {
    id: 'pod-exceeds-node',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { workloads: true },
    description: "A pod's CPU or memory requests fit on one node of the configured shape (assumed 2 CPU, 8Gi when none is set).",
    why: 'The scheduler places a pod only on a node with room for all of its requests. A pod that asks for more than a whole node (2.5 CPU on nodes with 2 vCPUs) stays Pending forever: nothing is evicted for it, and a cluster autoscaler adds nodes of the same size, which do not help. A node also keeps some of its capacity for the system, so even a request equal to the node does not fit. Until you set your node shape, the 2 CPU / 8Gi node is an assumption: findings are then information, and pods that choose their nodes (nodeSelector, affinity, tolerations) are not compared with it. A value that cpu-unit-slip or invalid-quantity reports is not counted here again.',
    remediation:
      'Lower the requests to what the container really uses, or run it on a larger node pool (and set kubewise.node to that shape).',
    equivalents: [],
    messages: {
      container:
        "Container '{{container}}' alone requests {{amount}} {{resource}}, more than a whole node has ({{node}}): the pod stays Pending forever.",
      pod: 'The pod requests {{amount}} {{resource}} in total, more than a whole node has ({{node}}): it stays Pending forever.',
      containerAssumed:
        "Container '{{container}}' alone requests {{amount}} {{resource}}, larger than the assumed node ({{node}}): on nodes that small the pod stays Pending. Set `node:` in `.kubewise.yaml` or `kubewise.node.*` to your node shape.",
      podAssumed:
        'The pod requests {{amount}} {{resource}} in total, larger than the assumed node ({{node}}): on nodes that small it stays Pending. Set `node:` in `.kubewise.yaml` or `kubewise.node.*` to your node shape.',
    },
    yieldsTo: {
      'cpu-unit-slip':
        'a CPU amount it reports as a unit slip (`cpu: 1000`) is not summed again here, so the slip is the one finding.',
      'invalid-quantity': 'a quantity the API server rejects is not summed: its finding is the only one.',
    },
    fixable: false,
    options: {
      meta: {
        section: 'node',
        description: `The shape of your nodes, for rules that check whether a pod can ever be scheduled. Default: ${DEFAULT_NODE.cpu} CPU, ${DEFAULT_NODE.memory}.`,
        properties: {
          cpu: {
            schema: positiveQuantity,
            setting: {
              type: 'string',
              pattern: QUANTITY_PATTERN,
              patternErrorMessage: 'A Kubernetes quantity, e.g. "4" or "3920m".',
            },
            description: `Allocatable CPU of one node (a quantity, e.g. "4" or "3920m"). Default "${DEFAULT_NODE.cpu}".`,
            markdownDescription:
              'Allocatable CPU of one of your nodes (a quantity, e.g. `"4"` or `"3920m"`). Rules warn when a pod\'s requests can never fit on such a node. Overrides `node.cpu` in `.kubewise.yaml`. Unset: `.kubewise.yaml`, else 2 CPU (a common small node).',
            default: DEFAULT_NODE.cpu,
          },
          memory: {
            schema: positiveQuantity,
            setting: { type: 'string', pattern: QUANTITY_PATTERN, patternErrorMessage: 'A Kubernetes quantity, e.g. "16Gi".' },
            description: `Allocatable memory of one node (e.g. "16Gi"). Default "${DEFAULT_NODE.memory}".`,
            markdownDescription:
              'Allocatable memory of one of your nodes (e.g. `"16Gi"`). Overrides `node.memory` in `.kubewise.yaml`. Unset: `.kubewise.yaml`, else `8Gi`.',
            default: DEFAULT_NODE.memory,
          },
        },
      },
      resolve: (values, configured): NodeShape => {
        const cpu = nanosOf(values.cpu, DEFAULT_NODE.cpu);
        const memory = nanosOf(values.memory, DEFAULT_NODE.memory);
        return {
          cpu: cpu.text,
          memory: memory.text,
          cpuNanos: cpu.nanos,
          memoryNanos: memory.nanos,
          configured: configured.size > 0,
        };
      },
    },
  },
  (context) => {
    for (const podSpec of findPodSpecs(context.object)) {
      if (!context.options.configured && choosesNodes(context, podSpec)) continue;
      const total = podResources(context.object, podSpec).requests;
      const reported = reportedElsewhere(context, podSpec);
      for (const resource of RESOURCES) {
        const capacity = resource === 'cpu' ? context.options.cpuNanos : context.options.memoryNanos;
        if ((total.get(resource) ?? 0n) <= capacity) continue;
        // A total that counts a reported value would restate it; a container too big on its own still counts.
        const tooBig = reportTooBigContainers(context, podSpec, resource, capacity, reported.pairs);
        if (!tooBig && !reported.resources.has(resource)) {
          const containers = findPair(context.object.doc, podSpec, 'containers');
          context.report({
            node: containers ?? podSpec,
            ...severityOf(context, 'pod'),
            data: describe(context, resource, total.get(resource) ?? 0n),
          });
        }
      }
    }
  },
);

/** Reports every container whose own request is too big; true when there was one. */
function reportTooBigContainers(
  context: RuleContext<NodeShape>,
  podSpec: YAMLMap,
  resource: Resource,
  capacity: bigint,
  reportedPairs: ReadonlySet<unknown>,
): boolean {
  const { doc } = context.object;
  let reported = false;
  for (const field of ['initContainers', 'containers']) {
    for (const container of mapItems(doc, getSeq(doc, podSpec, field))) {
      const resources = getMap(doc, container, 'resources');
      // The request, or the limit Kubernetes copies into it when there is none.
      const map = [getMap(doc, resources, 'requests'), getMap(doc, resources, 'limits')].find(
        (candidate) => candidate && amounts(context.object, candidate).has(resource),
      );
      const amount = map ? amounts(context.object, map).get(resource) : undefined;
      if (!map || amount === undefined || amount <= capacity) continue;
      if (reportedPairs.has(findPair(doc, map, resource))) continue;
      const name = getString(doc, container, 'name') ?? '(unnamed)';
      context.report({
        node: findPair(doc, map, resource) ?? map,
        ...severityOf(context, 'container'),
        data: { ...describe(context, resource, amount), container: name },
        container: name,
      });
      reported = true;
    }
  }
  return reported;
}

function describe(context: RuleContext<NodeShape>, resource: Resource, nanos: bigint): Record<string, string> {
  const node = context.options;
  if (resource === 'cpu') return { amount: exactDecimal(nanos), resource: 'CPU', node: `${node.cpu} CPU` };
  return { amount: shortBytes(nanos), resource: 'of memory', node: node.memory };
}

const ASSUMED = { pod: 'podAssumed', container: 'containerAssumed' } as const;

/** The configured node is a fact (a warning); the assumed one an assumption (information, and says so). */
function severityOf(
  context: RuleContext<NodeShape>,
  messageId: 'pod' | 'container',
): { messageId: string; severity?: 'information' } {
  return context.options.configured ? { messageId } : { messageId: ASSUMED[messageId], severity: 'information' };
}

/** A pod that picks its nodes by label, affinity or toleration runs on a pool the default shape knows nothing about. */
function choosesNodes(context: RuleContext<NodeShape>, podSpec: YAMLMap): boolean {
  const { doc } = context.object;
  const selector = getMap(doc, podSpec, 'nodeSelector');
  if (selector && selector.items.length > 0) return true;
  if (getMap(doc, getMap(doc, podSpec, 'affinity'), 'nodeAffinity')) return true;
  const tolerations = getSeq(doc, podSpec, 'tolerations');
  return tolerations !== undefined && tolerations.items.length > 0;
}

/**
 * Resources of this pod with a value another rule reports (invalid, or a CPU unit slip):
 * a total computed with it would restate that finding.
 */
function reportedElsewhere(context: RuleContext<NodeShape>, podSpec: YAMLMap): { resources: Set<string>; pairs: Set<unknown> } {
  const reported = { resources: new Set<string>(), pairs: new Set<unknown>() };
  const add = (field: { resource: string; pair: unknown }): void => {
    reported.resources.add(field.resource);
    reported.pairs.add(field.pair);
  };
  for (const { field, parse } of readQuantityFields(context.object)) {
    if (field.podSpec === podSpec && (!parse.ok || parse.quantity.roundedUp || parse.quantity.capped)) add(field);
  }
  for (const parsed of exactQuantities(context.object)) {
    if (parsed.field.podSpec === podSpec && isCpuSlip(context.object, parsed)) add(parsed.field);
  }
  return reported;
}
