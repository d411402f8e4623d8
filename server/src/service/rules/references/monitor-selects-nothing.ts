/**
 * A ServiceMonitor whose selector matches no Service, or a PodMonitor whose selector
 * matches no pod template, in the namespaces it looks in (kube-linter
 * `dangling-servicemonitor`): Prometheus scrapes nothing and no alert says so. Silent when
 * the workspace holds no Service (or workload) in those namespaces, and when a selector
 * value names a custom object of the monitor's namespace (its operator makes Services and
 * pods labelled after it, which no manifest declares).
 */
import { monitorFacts } from '../../facts/monitors';
import type { MonitorFact } from '../../facts/monitors';
import { objectFacts } from '../../facts/objects';
import { serviceFacts } from '../../facts/services';
import { workloadFacts } from '../../facts/workloads';
import { selects } from '../../kubernetes/labelSelector';
import { sameNamespace } from '../../kubernetes/namespaces';
import { kustomizationFacts, kustomizeLabelKeys, mayBeRemote } from '../../facts/kustomizations';
import { memoOf } from '../../kubernetes/listMemo';
import { defineWorkspaceRule } from '../api/ruleTypes';
import { operatorMayMakePods } from './operatorMade';

export const monitorSelectsNothing = defineWorkspaceRule(
  {
    id: 'monitor-selects-nothing',
    type: 'problem',
    defaultSeverity: 'warning',
    description: "A ServiceMonitor's or PodMonitor's selector matches a Service or pod in the namespaces it watches.",
    why: 'The Prometheus Operator turns a ServiceMonitor into scrape targets from the Services its selector matches (a PodMonitor from the pods), in its own namespace unless `namespaceSelector` says otherwise. A selector that matches nothing (a label set on the Deployment instead of the Service, a renamed label, the wrong namespace) scrapes nothing: the dashboards go blank and no alert fires, because there is no target to be down.',
    remediation:
      'Make the selector match the labels of the Service (for a ServiceMonitor) or of the pod template (for a PodMonitor), and list their namespace in namespaceSelector if it is another one.',
    equivalents: ['kube-linter:dangling-servicemonitor'],
    messages: {
      services: 'This ServiceMonitor selects no Service in {{where}} (Services there: {{count}}): Prometheus scrapes nothing.',
      pods: 'This PodMonitor selects no pods in {{where}} (workloads there: {{count}}): Prometheus scrapes nothing.',
    },
    fixable: false,
    facts: [monitorFacts, serviceFacts, workloadFacts, objectFacts, kustomizationFacts],
  },
  (context) => {
    // Reading the whole workspace costs a pass over every file: only when this file has something to check.
    if (context.inFile(monitorFacts).length === 0) return;
    const kustomizations = context.all(kustomizationFacts);
    // Once per list of kustomizations, not once per judged document.
    const kustomized = memoOf(kustomizations, 'labelKeys', () => kustomizeLabelKeys(kustomizations));
    for (const monitor of context.inFile(monitorFacts)) {
      const selector = monitor.selector.filter((requirement) => !kustomized.has(requirement.key));
      if (selector.length === 0 || monitor.namespaces === 'any' || mayBeRemote(kustomizations, monitor.namespace)) continue;
      const watched = (namespace: string): boolean => watches(monitor, namespace);
      const candidates =
        monitor.kind === 'ServiceMonitor'
          ? context
              .all(serviceFacts)
              .filter((s) => watched(s.namespace))
              .map((s) => s.labels)
          : context
              .all(workloadFacts)
              .filter((w) => watched(w.namespace))
              .map((w) => w.templateLabels);
      if (candidates.length === 0 || candidates.some((labels) => selects(selector, labels))) continue;
      if (operatorMayMakePods(selector, context.all(objectFacts), monitor.namespace)) continue;
      const where = Array.isArray(monitor.namespaces) ? monitor.namespaces.join(', ') : monitor.namespace || 'its namespace';
      context.report({
        fact: monitor,
        at: monitor.selectorSite?.at,
        messageId: monitor.kind === 'ServiceMonitor' ? 'services' : 'pods',
        data: { where, count: candidates.length },
      });
    }
  },
);

function watches(monitor: MonitorFact, namespace: string): boolean {
  if (Array.isArray(monitor.namespaces)) return namespace === '' || monitor.namespaces.includes(namespace);
  return sameNamespace(namespace, monitor.namespace);
}
