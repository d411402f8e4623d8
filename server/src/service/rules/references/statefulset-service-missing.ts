/**
 * A StatefulSet whose `serviceName` names no Service of its namespace, or one that is not
 * headless (kube-score `statefulset-has-servicename`). The governing Service gives each pod
 * its stable DNS name (`<pod>.<service>.<namespace>.svc.cluster.local`); without a headless
 * one, those names do not exist. Silent when the workspace holds no Service in that namespace.
 */
import { serviceFacts } from '../../facts/services';
import { workloadFacts } from '../../facts/workloads';
import { namespaceKey, namespaceWords, sameNamespace } from '../../kubernetes/namespaces';
import { kustomizationFacts, mayBeRemote } from '../../facts/kustomizations';
import { servicesByName, servicesByNamespace } from '../../facts/factIndexes';
import { defineWorkspaceRule } from '../api/ruleTypes';

export const statefulsetServiceMissing = defineWorkspaceRule(
  {
    id: 'statefulset-service-missing',
    type: 'problem',
    defaultSeverity: 'warning',
    description: "A StatefulSet's serviceName names a headless Service of its namespace.",
    why: "A StatefulSet's pods get stable DNS names (`web-0.web.shop.svc.cluster.local`) from the governing Service that `serviceName` names, which must be headless (`clusterIP: None`). When that Service is missing or has a cluster IP, the per-pod names do not resolve, and the peers of a database or a quorum cannot find each other, although the pods run.",
    remediation:
      'Create a headless Service (clusterIP: None) of that name selecting the pods, or point serviceName at the existing headless one.',
    equivalents: ['kube-score:statefulset-has-servicename'],
    messages: {
      missing: "serviceName '{{service}}' names no Service in {{namespace}}: the pods get no stable DNS names.",
      notHeadless:
        "Service '{{service}}' is not headless (clusterIP: None): the StatefulSet's pods get no per-pod DNS names from it.",
    },
    fixable: false,
    facts: [workloadFacts, serviceFacts, kustomizationFacts],
  },
  (context) => {
    // Reading the whole workspace costs a pass over every file: only when this file has something to check.
    if (context.inFile(workloadFacts).every((w) => !w.serviceName)) return;
    for (const workload of context.inFile(workloadFacts)) {
      const reference = workload.serviceName;
      if (!reference) continue;
      // As inNamespace: nothing to judge unless a Service is written with exactly the workload's namespace.
      if (!context.has(servicesByNamespace, namespaceKey(workload.namespace))) continue;
      if (mayBeRemote(context.all(kustomizationFacts), workload.namespace)) continue;
      // Looked up by name: the judgement depends on the Services of that name.
      const service = context.lookup(servicesByName, reference.name).find((s) => sameNamespace(s.namespace, workload.namespace));
      const data = { service: reference.name, namespace: namespaceWords(workload.namespace) };
      if (!service) context.report({ fact: workload, at: reference.at, messageId: 'missing', data });
      else if (service.clusterIP !== 'None') context.report({ fact: workload, at: reference.at, messageId: 'notHeadless', data });
    }
  },
);
