/**
 * A workload with several replicas and no PodDisruptionBudget selecting its pods, in
 * any file of the workspace. Without one, a node drain (a node-pool upgrade, the
 * cluster autoscaler scaling down) may evict every replica at once: the voluntary
 * disruptions of KNOWLEDGE §7. One replica is left alone: a budget cannot keep a single
 * pod up through a drain, it can only block the drain.
 */
import { budgetsByNamespace } from '../../facts/factIndexes';
import { namespaceKey } from '../../kubernetes/namespaces';
import { disruptionBudgetFacts } from '../../facts/disruptionBudgets';
import { workloadFacts } from '../../facts/workloads';
import { selects } from '../../kubernetes/labelSelector';
import { defineWorkspaceRule } from '../api/ruleTypes';

const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'Rollout']);

export const missingPodDisruptionBudget = defineWorkspaceRule(
  {
    id: 'missing-pod-disruption-budget',
    type: 'suggestion',
    defaultSeverity: 'information',
    description: 'A workload with several replicas has a PodDisruptionBudget that selects its pods.',
    why: 'Rolling updates are only half of zero-downtime operations: node drains (node-pool upgrades, autoscaler scale-downs, maintenance) evict pods too, and without a PodDisruptionBudget they may evict every replica of a service at once. A budget such as `maxUnavailable: 1` makes the drain wait until the evicted pod is replaced and ready elsewhere.',
    remediation:
      'Add a PodDisruptionBudget (policy/v1) in the same namespace whose selector matches the pod template labels, with `maxUnavailable: 1` or a `minAvailable` below the replica count.',
    equivalents: ['kube-score:deployment-has-poddisruptionbudget', 'kube-score:statefulset-has-poddisruptionbudget'],
    messages: {
      missing:
        '{{kind}} {{name}} runs {{replicas}} replicas and no PodDisruptionBudget selects its pods: a node drain may evict them all at once.',
    },
    fixable: false,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: true,
    facts: [workloadFacts, disruptionBudgetFacts],
  },
  (context) => {
    for (const workload of context.inFile(workloadFacts)) {
      if (!REPLICATED_KINDS.has(workload.object.kind) || workload.pods < 2) continue;
      // Without readable template labels no selector can be matched: say nothing rather than guess.
      if (Object.keys(workload.templateLabels).length === 0) continue;
      // The budgets written with the workload's namespace, looked up: the judgement depends on those alone.
      const budgets = context.lookup(budgetsByNamespace, namespaceKey(workload.namespace));
      const covered = budgets.some((b) => selects(b.selector, workload.templateLabels));
      if (covered) continue;
      context.report({
        fact: workload,
        messageId: 'missing',
        data: { kind: workload.object.kind, name: workload.name || '(unnamed)', replicas: workload.pods },
      });
    }
  },
);
