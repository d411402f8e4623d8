/**
 * A PodDisruptionBudget or NetworkPolicy whose selector matches the pod template of no
 * workload in its namespace (kube-linter `dangling-networkpolicy`): the budget protects
 * nothing, the policy isolates nothing. Silent when the workspace holds no workload in
 * that namespace or a selector value names a custom object there (its operator makes the
 * pods); empty selectors (every pod) are never dangling.
 */
import { disruptionBudgetFacts } from '../../facts/disruptionBudgets';
import { networkPolicyFacts } from '../../facts/networkPolicies';
import { objectFacts } from '../../facts/objects';
import { workloadFacts } from '../../facts/workloads';
import type { Fact } from '../../facts/factKind';
import { selects } from '../../kubernetes/labelSelector';
import { inNamespaceIn, namespaceKey, namespaceWords, sameNamespace, sameNamespaceIn } from '../../kubernetes/namespaces';
import { kustomizationFacts, kustomizeLabelKeys, mayBeRemote } from '../../facts/kustomizations';
import { operatorObjectsByNamespace, workloadsByNamespace } from '../../facts/factIndexes';
import { memoOf } from '../../kubernetes/listMemo';
import { defineWorkspaceRule } from '../api/ruleTypes';
import { operatorMayMakePods } from './operatorMade';

export const selectorMatchesNoPods = defineWorkspaceRule(
  {
    id: 'selector-matches-no-pods',
    type: 'problem',
    defaultSeverity: 'warning',
    description: "A PodDisruptionBudget's or NetworkPolicy's selector matches the pods of a workload in its namespace.",
    why: 'A PodDisruptionBudget and a NetworkPolicy act on the pods their selector matches in their namespace. When the selector matches no pod template (labels renamed in the workload only, a typo), the budget protects nothing through the next node drain and the policy leaves the pods it meant to isolate open; both apply cleanly and look in place.',
    remediation: 'Make the selector match the pod template labels of the workload it is meant for.',
    equivalents: ['kube-linter:dangling-networkpolicy'],
    messages: {
      budget: 'This PodDisruptionBudget selects no pods of {{namespace}} (workloads there: {{count}}): it protects nothing.',
      policy: 'This NetworkPolicy selects no pods of {{namespace}} (workloads there: {{count}}): it isolates nothing.',
    },
    fixable: false,
    facts: [disruptionBudgetFacts, networkPolicyFacts, workloadFacts, objectFacts, kustomizationFacts],
  },
  (context) => {
    // Reading the whole workspace costs a pass over every file: only when this file has something to check.
    if (context.inFile(disruptionBudgetFacts).length === 0 && context.inFile(networkPolicyFacts).length === 0) return;
    const kustomizations = context.all(kustomizationFacts);
    // Once per list of kustomizations, not once per judged document.
    const kustomized = memoOf(kustomizations, 'labelKeys', () => kustomizeLabelKeys(kustomizations));
    const check = (
      fact: Fact,
      selector: Parameters<typeof selects>[0] | undefined,
      at: readonly [number, number] | undefined,
      messageId: string,
    ): void => {
      const judged = (selector ?? []).filter((requirement) => !kustomized.has(requirement.key));
      if (judged.length === 0 || mayBeRemote(kustomizations, fact.namespace)) return;
      // As inNamespace: the namespace's workloads, counted and looked up, not scanned.
      const exists = context.has(workloadsByNamespace, namespaceKey(fact.namespace));
      const candidates = inNamespaceIn((...keys) => context.lookup(workloadsByNamespace, ...keys), exists, fact.namespace);
      if (candidates.length === 0) return;
      if (candidates.some((w) => sameNamespace(w.namespace, fact.namespace) && selects(judged, w.templateLabels))) return;
      const operators = sameNamespaceIn((...keys) => context.lookup(operatorObjectsByNamespace, ...keys), fact.namespace);
      if (operatorMayMakePods(judged, operators, fact.namespace)) return;
      context.report({ fact, at, messageId, data: { namespace: namespaceWords(fact.namespace), count: candidates.length } });
    };
    for (const budget of context.inFile(disruptionBudgetFacts)) check(budget, budget.selector, budget.selectorSite?.at, 'budget');
    for (const policy of context.inFile(networkPolicyFacts)) check(policy, policy.selector, policy.selectorSite?.at, 'policy');
  },
);
