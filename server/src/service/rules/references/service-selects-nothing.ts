/**
 * A Service whose selector matches the pod template of no workload in the workspace
 * (kube-linter `dangling-service`, kube-score `service-targets-pod`): it has no backends,
 * and connections to it are refused. Silent when the workspace holds no workload in that
 * namespace: the pods may come from elsewhere (an operator, another repository), and when
 * a selector value names a custom object there (its operator makes the pods).
 */
import { objectFacts } from '../../facts/objects';
import { operatorObjectsByNamespace, workloadsByNamespace, workloadsByTemplateLabel } from '../../facts/factIndexes';
import { serviceFacts } from '../../facts/services';
import { workloadFacts } from '../../facts/workloads';
import { anyNamespaceKey, namespaceKey, namespaceWords, sameNamespaceIn } from '../../kubernetes/namespaces';
import { selectedThrough } from '../../kubernetes/serviceSelection';
import { kustomizationFacts, kustomizeLabelKeys, mayBeRemote } from '../../facts/kustomizations';
import { memoOf } from '../../kubernetes/listMemo';
import { defineWorkspaceRule } from '../api/ruleTypes';
import { operatorMayMakePods } from './operatorMade';

export const serviceSelectsNothing = defineWorkspaceRule(
  {
    id: 'service-selects-nothing',
    type: 'problem',
    defaultSeverity: 'warning',
    description: "A Service's selector matches the pod template of a workload in its namespace.",
    why: 'A Service sends traffic to the pods whose labels include every label of its selector, in its namespace. A selector that matches no pod template (a label renamed in the Deployment, a typo, a value changed in one place) leaves the Service with no endpoints: connections are refused or time out, while both objects apply cleanly and look healthy.',
    remediation: "Make the Service's selector a subset of the pod template labels of the workload it serves.",
    equivalents: ['kube-linter:dangling-service', 'kube-score:service-targets-pod'],
    messages: {
      nothing:
        'Selector {{selector}} of Service {{name}} matches no pod template in {{namespace}} (workloads there: {{count}}): the Service has no backends.',
    },
    fixable: false,
    facts: [serviceFacts, workloadFacts, objectFacts, kustomizationFacts],
  },
  (context) => {
    // Reading the whole workspace costs a pass over every file: only when this file has something to check.
    if (context.inFile(serviceFacts).length === 0) return;
    const kustomizations = context.all(kustomizationFacts);
    // Once per list of kustomizations, not once per judged document.
    const kustomized = memoOf(kustomizations, 'labelKeys', () => kustomizeLabelKeys(kustomizations));
    // Asked of indexes rather than scanned: a judgement depends on whether the namespace has
    // workloads and on those carrying the selector's first label (their number only when it reports).
    const count = (namespace: string): number => context.count(workloadsByNamespace, namespaceKey(namespace));
    for (const service of context.inFile(serviceFacts)) {
      if (!service.selector || Object.keys(service.selector).length === 0 || service.type === 'ExternalName') continue;
      // Labels a kustomization writes into templates may match: judge only the rest of the selector.
      const selector = Object.fromEntries(Object.entries(service.selector).filter(([key]) => !kustomized.has(key)));
      if (Object.keys(selector).length === 0 || mayBeRemote(kustomizations, service.namespace)) continue;
      // As inNamespace: no workload unless one is written with exactly the Service's namespace.
      if (!context.has(workloadsByNamespace, namespaceKey(service.namespace))) continue;
      const selected = selectedThrough({ namespace: service.namespace, selector }, (label) =>
        context.lookup(workloadsByTemplateLabel, label),
      );
      if (selected.length > 0) continue;
      const operators = sameNamespaceIn((...keys) => context.lookup(operatorObjectsByNamespace, ...keys), service.namespace);
      if (operatorMayMakePods(selector, operators, service.namespace)) continue;
      // The workloads that may live there: those of the namespace and those that name none (every one, for a Service that names none).
      const candidates =
        service.namespace === '' ? context.count(workloadsByNamespace, anyNamespaceKey()) : count(service.namespace) + count('');
      context.report({
        fact: service,
        at: service.selectorAt,
        messageId: 'nothing',
        data: {
          selector: Object.entries(service.selector)
            .map(([key, value]) => `${key}=${value}`)
            .join(','),
          name: service.name || '(unnamed)',
          namespace: namespaceWords(service.namespace),
          count: candidates,
        },
      });
    }
  },
);
