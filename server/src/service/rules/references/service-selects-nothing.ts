/**
 * A Service whose selector matches the pod template of no workload in the workspace
 * (kube-linter `dangling-service`, kube-score `service-targets-pod`): it has no backends,
 * and connections to it are refused. Silent when the workspace holds no workload in that
 * namespace: the pods may come from elsewhere (an operator, another repository), and when
 * a selector value names a custom object there (its operator makes the pods).
 */
import { objectFacts } from '../../facts/objects';
import { serviceFacts } from '../../facts/services';
import { workloadFacts } from '../../facts/workloads';
import { inNamespace, namespaceWords } from '../../kubernetes/namespaces';
import { selectedBy } from '../../kubernetes/serviceSelection';
import { kustomizationFacts, kustomizeLabelKeys, mayBeRemote } from '../../facts/kustomizations';
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
    const workloads = context.all(workloadFacts);
    const kustomizations = context.all(kustomizationFacts);
    const kustomized = kustomizeLabelKeys(kustomizations);
    for (const service of context.inFile(serviceFacts)) {
      if (!service.selector || Object.keys(service.selector).length === 0 || service.type === 'ExternalName') continue;
      // Labels a kustomization writes into templates may match: judge only the rest of the selector.
      const selector = Object.fromEntries(Object.entries(service.selector).filter(([key]) => !kustomized.has(key)));
      if (Object.keys(selector).length === 0 || mayBeRemote(kustomizations, service.namespace)) continue;
      const candidates = inNamespace(workloads, service.namespace);
      if (candidates.length === 0 || selectedBy({ namespace: service.namespace, selector }, candidates).length > 0) continue;
      if (operatorMayMakePods(selector, context.all(objectFacts), service.namespace)) continue;
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
          count: candidates.length,
        },
      });
    }
  },
);
