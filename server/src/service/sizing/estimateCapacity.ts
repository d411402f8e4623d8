/** `Kubewise: Estimate Namespace Capacity` and `kubewise size capacity`. */
import { exactDecimal } from '../kubernetes/quantityWords';
import { shortBytes } from '../kubernetes/quantityWords';
import { clusterCapacity, overcommitHundredths } from './capacity';
import type { NamespaceCapacity, NodeShape } from './capacity';
import { value } from './estimate';
import type { Estimate } from './estimate';
import { maxPodsOf } from './eniLimits';
import type { EniLimits } from './eniLimits';
import { count, nanosToNumber, percent } from './format';
import { row } from './report';
import type { ChartSpec, ReportRow, ReportSection } from './report';
import { NANOS } from './units';

const cpu = (nanos: bigint): string => `${exactDecimal(nanos)} CPU`;
const memory = (nanos: bigint): string => shortBytes(nanos);

export const capacityEstimate: Estimate = {
  kind: 'capacity',
  title: 'Namespace and cluster capacity',
  summary: "Sum of a namespace's requests and limits, against its ResourceQuota and nodes of a shape",
  notes:
    'Reads the workloads and ResourceQuotas in the files or folders given. The AWS table has no vCPU or memory per\n' +
    'instance type: --instance-type sets max pods only; give the node shape with --node-cpu and --node-memory.',
  fields: [
    { name: 'namespace', label: 'Namespace', type: 'text', optional: true, prompt: 'One namespace (leave empty for all)' },
    {
      name: 'node-cpu',
      label: 'Node CPU',
      type: 'cpu',
      prompt: 'CPU of one node, e.g. 4',
      fallback: { value: '2', reason: "Kubewise's default node shape (setting kubewise.node.cpu)" },
    },
    {
      name: 'node-memory',
      label: 'Node memory',
      type: 'memory',
      prompt: 'Memory of one node, e.g. 16Gi',
      fallback: { value: '8Gi', reason: "Kubewise's default node shape (setting kubewise.node.memory)" },
    },
    {
      name: 'instance-type',
      label: 'Instance type',
      type: 'instance-type',
      optional: true,
      prompt: 'An EC2 instance type, for max pods per node (e.g. m5.large); its CPU and memory are not in the table',
    },
    {
      name: 'reserved-cpu',
      label: 'Reserved CPU per node',
      type: 'cpu',
      prompt: 'kube-reserved + system-reserved CPU, e.g. 100m',
      fallback: { value: '0', reason: 'no reservation given' },
    },
    {
      name: 'reserved-memory',
      label: 'Reserved memory per node',
      type: 'memory',
      prompt: 'kube-reserved + system-reserved + eviction threshold, e.g. 1Gi',
      fallback: { value: '0', reason: 'no reservation given' },
    },
  ],
  defaults: () => ({}),
  run(resolved, workspace) {
    const limits = value<EniLimits>(resolved, 'instance-type');
    const shape: NodeShape = {
      cpuNanos: value<bigint>(resolved, 'node-cpu') ?? 2n * NANOS,
      memoryNanos: value<bigint>(resolved, 'node-memory') ?? 8n * 1024n ** 3n * NANOS,
      reservedCpuNanos: value<bigint>(resolved, 'reserved-cpu') ?? 0n,
      reservedMemoryNanos: value<bigint>(resolved, 'reserved-memory') ?? 0n,
    };
    if (limits) shape.maxPods = maxPodsOf(limits);
    const namespace = value<string>(resolved, 'namespace') || undefined;
    const cluster = clusterCapacity(workspace.workloads, workspace.quotas, shape, namespace);
    const warnings: string[] = [];
    const customShape = resolved.used.filter((u) => u.field.name === 'node-cpu' || u.field.name === 'node-memory');
    if (limits && customShape.some((u) => u.source.startsWith('default'))) {
      warnings.push(
        `The AWS VPC CNI table has no vCPU or memory for ${limits.instanceType}: CPU and memory use the custom shape (${cpu(shape.cpuNanos)}, ${memory(shape.memoryNanos)}); give the node's real shape.`,
      );
    }
    if (cluster.allocatable.cpu <= 0n || cluster.allocatable.memory <= 0n) {
      warnings.push('Reservations and DaemonSets take a whole node: nothing else fits.');
    }
    if (cluster.total.workloads === 0) warnings.push('No workloads found: give the files or folders of your manifests.');
    const sections: ReportSection[] = cluster.namespaces.map((n) => namespaceSection(n, warnings));
    const nodeRows: ReportRow[] = [
      row('allocatableCpu', 'Allocatable CPU per node', nanosToNumber(cluster.allocatable.cpu), cpu(cluster.allocatable.cpu), {
        unit: 'CPU',
        detail: `${cpu(shape.cpuNanos)} − ${cpu(shape.reservedCpuNanos)} reserved − ${cpu(cluster.daemonSets.cpu)} DaemonSets`,
      }),
      row(
        'allocatableMemory',
        'Allocatable memory per node',
        nanosToNumber(cluster.allocatable.memory),
        memory(cluster.allocatable.memory),
        {
          unit: 'bytes',
          detail: `${memory(shape.memoryNanos)} − ${memory(shape.reservedMemoryNanos)} reserved − ${memory(cluster.daemonSets.memory)} DaemonSets`,
        },
      ),
      row('nodesForCpu', 'Nodes for CPU requests', Number(cluster.nodes.cpu), nodesText(cluster.nodes.cpu)),
      row('nodesForMemory', 'Nodes for memory requests', Number(cluster.nodes.memory), nodesText(cluster.nodes.memory)),
    ];
    if (cluster.nodes.pods !== undefined) {
      nodeRows.push(
        row(
          'nodesForPods',
          `Nodes for ${count(cluster.total.pods)} pods`,
          Number(cluster.nodes.pods),
          nodesText(cluster.nodes.pods),
          {
            detail: `max pods ${shape.maxPods} on ${limits?.instanceType}`,
          },
        ),
      );
    }
    nodeRows.push(row('nodesNeeded', 'Nodes needed (at least)', Number(cluster.nodes.needed), nodesText(cluster.nodes.needed)));
    sections.push({ title: namespace ? `Nodes for ${namespace}` : 'Nodes for all namespaces', rows: nodeRows });
    const scope = namespace
      ? `Namespace ${namespace}`
      : `${cluster.namespaces.length} namespace${cluster.namespaces.length === 1 ? '' : 's'}`;
    return {
      estimate: 'capacity',
      title: 'Namespace capacity',
      summary: `${scope} request ${cpu(cluster.total.requests.cpu)} and ${memory(cluster.total.requests.memory)} for ${count(cluster.total.pods)} pods: at least ${nodesText(cluster.nodes.needed)} of ${cpu(shape.cpuNanos)} / ${memory(shape.memoryNanos)}.`,
      sections,
      assumptions: [],
      warnings,
      chart: capacityChart(cluster.total, cluster.allocatable),
    };
  },
};

function nodesText(nodes: bigint): string {
  return nodes < 0n ? 'none fit' : `${nodes} node${nodes === 1n ? '' : 's'}`;
}

function ratioText(limits: bigint, requests: bigint, unbounded: number): string {
  const hundredths = overcommitHundredths(limits, requests);
  const text = hundredths === undefined ? '—' : `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}×`;
  return unbounded > 0 ? `${text} (${unbounded} workload${unbounded === 1 ? '' : 's'} without a limit: unbounded)` : text;
}

function namespaceSection(n: NamespaceCapacity, warnings: string[]): ReportSection {
  const rows: ReportRow[] = [
    row('pods', 'Pods at full scale', n.pods, `${count(n.pods)} in ${n.workloads} workload${n.workloads === 1 ? '' : 's'}`),
    row('requestsCpu', 'CPU requests', nanosToNumber(n.requests.cpu), cpu(n.requests.cpu), { unit: 'CPU' }),
    row('limitsCpu', 'CPU limits', nanosToNumber(n.limits.cpu), cpu(n.limits.cpu), { unit: 'CPU' }),
    row(
      'overcommitCpu',
      'CPU overcommit (limits / requests)',
      ratio(n.limits.cpu, n.requests.cpu),
      ratioText(n.limits.cpu, n.requests.cpu, n.withoutLimit.cpu),
    ),
    row('requestsMemory', 'Memory requests', nanosToNumber(n.requests.memory), memory(n.requests.memory), { unit: 'bytes' }),
    row('limitsMemory', 'Memory limits', nanosToNumber(n.limits.memory), memory(n.limits.memory), { unit: 'bytes' }),
    row(
      'overcommitMemory',
      'Memory overcommit (limits / requests)',
      ratio(n.limits.memory, n.requests.memory),
      ratioText(n.limits.memory, n.requests.memory, n.withoutLimit.memory),
    ),
  ];
  for (const entry of n.quota ?? []) {
    const show = entry.key.includes('memory') ? memory : entry.key === 'pods' ? (v: bigint) => exactDecimal(v) : cpu;
    rows.push(
      row(
        `quota:${entry.key}`,
        `Quota ${entry.key}`,
        entry.exceeded ? 'exceeded' : 'fits',
        `${show(entry.used)} of ${entry.text} (${percent(entry.used, entry.hard)})`,
      ),
    );
    if (entry.exceeded) {
      warnings.push(
        `Namespace ${n.namespace || '(none)'}: ${entry.key} ${show(entry.used)} is over its ResourceQuota's ${entry.text}; pods past it are refused.`,
      );
    }
  }
  return { title: `Namespace ${n.namespace || '(no namespace set)'}`, rows };
}

function ratio(limits: bigint, requests: bigint): number | string {
  const hundredths = overcommitHundredths(limits, requests);
  return hundredths === undefined ? '—' : Number(hundredths) / 100;
}

/** Requests and limits in nodes' worth of allocatable: CPU and memory on one scale. */
function capacityChart(total: NamespaceCapacity, allocatable: { cpu: bigint; memory: bigint }): ChartSpec {
  const nodes = (amount: bigint, per: bigint): number => (per <= 0n ? 0 : Number((amount * 100n) / per) / 100);
  return {
    type: 'bar',
    title: 'Requests against node capacity',
    xLabel: 'resource',
    yLabel: "nodes' worth of allocatable",
    labels: ['CPU', 'memory'],
    series: [
      { name: 'requests', data: [nodes(total.requests.cpu, allocatable.cpu), nodes(total.requests.memory, allocatable.memory)] },
      { name: 'limits', data: [nodes(total.limits.cpu, allocatable.cpu), nodes(total.limits.memory, allocatable.memory)] },
      { name: 'one node', data: [1, 1], dashed: true },
    ],
  };
}
