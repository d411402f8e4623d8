/**
 * What a namespace asks of the cluster, summed the way the scheduler counts it (the
 * workload facts: per-pod requests with init containers, sidecars and overhead, times
 * the replicas), against its ResourceQuota and against nodes of a chosen shape.
 *
 * Nodes needed is a lower bound: the sums divided by one node's allocatable (its shape
 * minus the system reservation and the DaemonSets every node runs), and by max pods when
 * the shape has one; packing real pods can need more. Exact nano-unit arithmetic.
 */
import type { QuotaFact } from '../facts/quotas';
import type { WorkloadFact } from '../facts/workloads';
import { divCeil } from './units';

export interface NodeShape {
  cpuNanos: bigint;
  memoryNanos: bigint;
  /** From the instance type's ENI limits, when one was chosen. */
  maxPods?: number;
  reservedCpuNanos: bigint;
  reservedMemoryNanos: bigint;
}

export interface Amounts {
  cpu: bigint;
  memory: bigint;
}

export interface NamespaceCapacity {
  namespace: string;
  workloads: number;
  pods: number;
  requests: Amounts;
  limits: Amounts;
  /** Workloads whose pods set no CPU (memory) limit: their limits are unbounded. */
  withoutLimit: { cpu: number; memory: number };
  quota?: QuotaComparison[];
}

export interface QuotaComparison {
  /** `requests.cpu`, `limits.memory`, `pods`… */
  key: string;
  text: string;
  hard: bigint;
  used: bigint;
  exceeded: boolean;
}

export interface ClusterCapacity {
  namespaces: NamespaceCapacity[];
  total: NamespaceCapacity;
  /** What one node offers after reservations and DaemonSets; negative means nothing fits. */
  allocatable: Amounts;
  daemonSets: Amounts;
  nodes: { cpu: bigint; memory: bigint; pods: bigint | undefined; needed: bigint };
}

const QUOTA_KEYS: readonly [string, (n: NamespaceCapacity) => bigint][] = [
  ['requests.cpu', (n) => n.requests.cpu],
  ['cpu', (n) => n.requests.cpu],
  ['requests.memory', (n) => n.requests.memory],
  ['memory', (n) => n.requests.memory],
  ['limits.cpu', (n) => n.limits.cpu],
  ['limits.memory', (n) => n.limits.memory],
  ['pods', (n) => BigInt(n.pods) * 1_000_000_000n],
];

export function namespaceCapacity(
  namespace: string,
  workloads: readonly WorkloadFact[],
  quotas: readonly QuotaFact[],
): NamespaceCapacity {
  const result: NamespaceCapacity = {
    namespace,
    workloads: 0,
    pods: 0,
    requests: { cpu: 0n, memory: 0n },
    limits: { cpu: 0n, memory: 0n },
    withoutLimit: { cpu: 0, memory: 0 },
  };
  for (const workload of workloads) {
    if (workload.namespace !== namespace) continue;
    const pods = BigInt(workload.pods);
    result.workloads++;
    result.pods += workload.pods;
    result.requests.cpu += (workload.requests.get('cpu') ?? 0n) * pods;
    result.requests.memory += (workload.requests.get('memory') ?? 0n) * pods;
    result.limits.cpu += (workload.limits.get('cpu') ?? 0n) * pods;
    result.limits.memory += (workload.limits.get('memory') ?? 0n) * pods;
    if (!workload.limits.has('cpu')) result.withoutLimit.cpu++;
    if (!workload.limits.has('memory')) result.withoutLimit.memory++;
  }
  const quota = quotas.find((candidate) => candidate.namespace === namespace);
  if (quota) {
    result.quota = [];
    for (const [key, used] of QUOTA_KEYS) {
      const hard = quota.hard.find((entry) => entry.key === key);
      if (hard)
        result.quota.push({ key, text: hard.text, hard: hard.nanos, used: used(result), exceeded: used(result) > hard.nanos });
    }
  }
  return result;
}

export function clusterCapacity(
  workloads: readonly WorkloadFact[],
  quotas: readonly QuotaFact[],
  shape: NodeShape,
  onlyNamespace?: string,
): ClusterCapacity {
  // A DaemonSet runs on every node: its pods come off each node's allocatable instead.
  const daemonSets = workloads.filter((workload) => workload.object.kind === 'DaemonSet');
  const others = workloads.filter((workload) => workload.object.kind !== 'DaemonSet');
  const perNode: Amounts = { cpu: 0n, memory: 0n };
  for (const daemonSet of daemonSets) {
    perNode.cpu += daemonSet.requests.get('cpu') ?? 0n;
    perNode.memory += daemonSet.requests.get('memory') ?? 0n;
  }
  const names = [...new Set([...others.map((w) => w.namespace), ...quotas.map((q) => q.namespace)])]
    .filter((name) => onlyNamespace === undefined || name === onlyNamespace)
    .sort();
  if (onlyNamespace !== undefined && names.length === 0) names.push(onlyNamespace);
  const namespaces = names.map((name) => namespaceCapacity(name, others, quotas));
  const total = namespaces.reduce<NamespaceCapacity>(
    (sum, n) => ({
      ...sum,
      workloads: sum.workloads + n.workloads,
      pods: sum.pods + n.pods,
      requests: { cpu: sum.requests.cpu + n.requests.cpu, memory: sum.requests.memory + n.requests.memory },
      limits: { cpu: sum.limits.cpu + n.limits.cpu, memory: sum.limits.memory + n.limits.memory },
      withoutLimit: { cpu: sum.withoutLimit.cpu + n.withoutLimit.cpu, memory: sum.withoutLimit.memory + n.withoutLimit.memory },
    }),
    namespaceCapacity('(all)', [], []),
  );
  const allocatable = {
    cpu: shape.cpuNanos - shape.reservedCpuNanos - perNode.cpu,
    memory: shape.memoryNanos - shape.reservedMemoryNanos - perNode.memory,
  };
  const need = (sum: bigint, per: bigint): bigint => (sum === 0n ? 0n : per <= 0n ? -1n : divCeil(sum, per));
  const podsPerNode = shape.maxPods === undefined ? undefined : BigInt(shape.maxPods - daemonSets.length);
  const nodes = {
    cpu: need(total.requests.cpu, allocatable.cpu),
    memory: need(total.requests.memory, allocatable.memory),
    pods: podsPerNode === undefined ? undefined : need(BigInt(total.pods), podsPerNode),
    needed: 0n,
  };
  const candidates = [nodes.cpu, nodes.memory, nodes.pods ?? 0n];
  nodes.needed = candidates.includes(-1n) ? -1n : candidates.reduce((a, b) => (b > a ? b : a), 0n);
  return { namespaces, total, allocatable, daemonSets: perNode, nodes };
}

/** limits / requests in hundredths (1.5× → 150n); undefined without requests. */
export function overcommitHundredths(limits: bigint, requests: bigint): bigint | undefined {
  return requests === 0n ? undefined : (limits * 100n + requests / 2n) / requests;
}
