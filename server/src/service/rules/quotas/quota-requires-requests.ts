/**
 * In a namespace whose ResourceQuota caps CPU or memory requests or limits, every pod
 * must declare that resource, or the API server refuses to create it ("failed quota:
 * must specify requests.cpu"). A LimitRange in the namespace that fills the value in
 * by default makes the pod acceptable again, so one in the workspace silences this.
 */
import { limitRangeFacts } from '../../facts/limitRanges';
import type { LimitRangeFact } from '../../facts/limitRanges';
import { quotaFacts } from '../../facts/quotas';
import type { QuotaFact } from '../../facts/quotas';
import { workloadFacts } from '../../facts/workloads';
import { limitRangesByNamespace, quotasByNamespace } from '../../facts/factIndexes';
import { namespaceKey } from '../../kubernetes/namespaces';
import { defineWorkspaceRule } from '../api/ruleTypes';

const COMPUTE_KEYS: Readonly<Record<string, string>> = {
  cpu: 'requests.cpu',
  memory: 'requests.memory',
  'requests.cpu': 'requests.cpu',
  'requests.memory': 'requests.memory',
  'limits.cpu': 'limits.cpu',
  'limits.memory': 'limits.memory',
};

export const quotaRequiresRequests = defineWorkspaceRule(
  {
    id: 'quota-requires-requests',
    type: 'problem',
    defaultSeverity: 'warning',
    description:
      "In a namespace with a CPU or memory ResourceQuota, containers declare the quota's resources (or a LimitRange fills them in).",
    why: 'A ResourceQuota on requests.cpu, requests.memory, limits.cpu or limits.memory makes the API server reject every pod that does not declare that value ("failed quota: must specify …"). The Deployment is accepted, but its ReplicaSet cannot create a single pod, and the error shows only in the ReplicaSet\'s events.',
    remediation:
      'Declare the resources the quota caps on every container, or add a LimitRange with defaults for them in the namespace.',
    equivalents: [],
    messages: {
      undeclared:
        "Container '{{container}}' declares no {{missing}}, but {{namespace}} has a ResourceQuota on it ('{{quota}}'): the API server rejects its pods.",
    },
    fixable: false,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: true,
    facts: [workloadFacts, quotaFacts, limitRangeFacts],
  },
  (context) => {
    // Once per namespace, not once per workload; looked up by namespace, so the judgement
    // depends on the quotas and LimitRanges written with the workload's namespace alone.
    const requiredByNamespace = new Map<string, Map<string, string>>();
    for (const workload of context.inFile(workloadFacts)) {
      let required = requiredByNamespace.get(workload.namespace);
      if (!required) {
        const key = namespaceKey(workload.namespace);
        const quotas = context.lookup(quotasByNamespace, key);
        const limitRanges = quotas.length === 0 ? [] : context.lookup(limitRangesByNamespace, key);
        requiredByNamespace.set(workload.namespace, (required = requiredIn(workload.namespace, quotas, limitRanges)));
      }
      if (required.size === 0) continue;
      for (const container of workload.containers) {
        const missing = [...required.keys()].filter((key) => !container.declares.has(key));
        if (missing.length === 0) continue;
        context.report({
          fact: workload,
          at: container.at,
          messageId: 'undeclared',
          container: container.name,
          data: {
            container: container.name,
            missing: missing.join(', '),
            namespace: workload.namespace ? `namespace '${workload.namespace}'` : 'the namespace these manifests are applied to',
            quota: [...new Set(missing.map((key) => required.get(key)))].join("', '"),
          },
        });
      }
    }
  },
);

/** `requests.cpu` … → the name of a quota that caps it, minus what a LimitRange fills in. */
function requiredIn(
  namespace: string,
  quotas: readonly QuotaFact[],
  limitRanges: readonly LimitRangeFact[],
): Map<string, string> {
  const required = new Map<string, string>();
  for (const quota of quotas) {
    if (quota.namespace !== namespace) continue;
    for (const entry of quota.hard) {
      const key = COMPUTE_KEYS[entry.key];
      if (key && !required.has(key)) required.set(key, quota.name || '(unnamed)');
    }
  }
  for (const limitRange of limitRanges) {
    if (limitRange.namespace !== namespace) continue;
    for (const key of limitRange.fillsIn) required.delete(key);
  }
  return required;
}
