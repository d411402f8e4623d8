/**
 * A ResourceQuota's `hard` values against the sum of what the workloads of its namespace
 * ask for at full scale (per-pod requests and limits, as the scheduler counts them,
 * times replicas), across every file of the workspace. Quota is admission control: the
 * pods past the limit are rejected at creation, so a Deployment scales to fewer
 * replicas than it says, with events nobody reads.
 */
import { resourceOfKey } from '../../kubernetes/quantityFields';
import { exactDecimal, shortAmount } from '../../kubernetes/quantityWords';
import { quotaFacts } from '../../facts/quotas';
import { workloadFacts } from '../../facts/workloads';
import type { WorkloadFact } from '../../facts/workloads';
import { workloadsByNamespace } from '../../facts/factIndexes';
import { namespaceKey } from '../../kubernetes/namespaces';
import { defineWorkspaceRule } from '../api/ruleTypes';

/** Quota keys this rule sums, and how to read each from a workload. */
const SUMMED: Readonly<Record<string, { role: 'requests' | 'limits' | 'pods'; resource: string }>> = {
  cpu: { role: 'requests', resource: 'cpu' },
  memory: { role: 'requests', resource: 'memory' },
  'requests.cpu': { role: 'requests', resource: 'cpu' },
  'requests.memory': { role: 'requests', resource: 'memory' },
  'limits.cpu': { role: 'limits', resource: 'cpu' },
  'limits.memory': { role: 'limits', resource: 'memory' },
  pods: { role: 'pods', resource: 'pods' },
};

const NANOS = 1_000_000_000n;

export const quotaExceeded = defineWorkspaceRule(
  {
    id: 'quota-exceeded',
    type: 'problem',
    defaultSeverity: 'warning',
    description: "The workloads of a namespace, at full scale, fit in its ResourceQuota's hard limits.",
    why: 'A ResourceQuota caps the sum of requests, limits and pods in a namespace, and it is enforced when a pod is created: the pods past the cap are rejected, so a Deployment quietly runs fewer replicas than it declares and a rollout that needs room for a surge pod stalls. Summing the manifests before they are applied shows the shortfall while it is still a one-line change.',
    remediation:
      "Raise the quota's hard value, or lower the replicas, requests or limits of the namespace's workloads so their sum fits (leave room for rolling-update surge pods).",
    equivalents: [],
    messages: {
      exceeded:
        "Workloads in {{namespace}} ask for {{total}} ({{breakdown}}), more than this quota's {{key}}: {{hard}}: the pods past it are rejected at creation.",
    },
    fixable: false,
    facts: [quotaFacts, workloadFacts],
  },
  (context) => {
    const quotas = context.inFile(quotaFacts);
    if (quotas.length === 0) return;
    // Sums per namespace and quota key, computed once: a file may hold many quotas of one namespace.
    const sums = new Map<string, { total: bigint; breakdown: () => string }>();
    const sumOf = (namespace: string, key: string, summed: Summed) => {
      const id = `${namespace}\u0000${key}`;
      let sum = sums.get(id);
      if (!sum) {
        // The workloads written with the quota's namespace, looked up: the judgement depends on those alone.
        const parts = context
          .lookup(workloadsByNamespace, namespaceKey(namespace))
          .map((workload) => ({ workload, amount: amountOf(workload, summed) }))
          .filter((p) => p.amount > 0n);
        let text: string | undefined;
        sum = { total: parts.reduce((total, p) => total + p.amount, 0n), breakdown: () => (text ??= breakdown(parts, summed)) };
        sums.set(id, sum);
      }
      return sum;
    };
    for (const quota of quotas) {
      for (const entry of quota.hard) {
        const summed = SUMMED[entry.key];
        if (!summed) continue;
        const { total, breakdown: describeParts } = sumOf(quota.namespace, entry.key, summed);
        if (total <= entry.nanos) continue;
        context.report({
          fact: quota,
          at: entry.at,
          messageId: 'exceeded',
          data: {
            namespace: quota.namespace ? `namespace '${quota.namespace}'` : 'the namespace these manifests are applied to',
            total: words(summed.resource, total),
            breakdown: describeParts(),
            key: entry.key,
            hard: entry.text,
          },
        });
      }
    }
  },
);

type Summed = { role: 'requests' | 'limits' | 'pods'; resource: string };

function amountOf(workload: WorkloadFact, summed: Summed): bigint {
  if (summed.role === 'pods') return BigInt(workload.pods) * NANOS;
  return (workload[summed.role].get(summed.resource) ?? 0n) * BigInt(workload.pods);
}

function words(resource: string, nanos: bigint): string {
  return resource === 'pods' ? `${exactDecimal(nanos)} pods` : shortAmount(nanos, resourceOfKey(resource));
}

/** "web 3 × 500m CPU, api 2 × 1 CPU", largest first, at most three named. */
function breakdown(parts: { workload: WorkloadFact; amount: bigint }[], summed: { role: string; resource: string }): string {
  const sorted = [...parts].sort((a, b) => (b.amount > a.amount ? 1 : b.amount < a.amount ? -1 : 0));
  const named = sorted.slice(0, 3).map(({ workload, amount }) => {
    const label = `${workload.object.kind} ${workload.name || '(unnamed)'}`;
    if (summed.role === 'pods') return `${label} ${workload.pods}`;
    return `${label} ${workload.pods} × ${words(summed.resource, amount / BigInt(workload.pods || 1))}`;
  });
  const rest = sorted.length - named.length;
  return rest > 0 ? `${named.join(', ')} and ${rest} more` : named.join(', ');
}
