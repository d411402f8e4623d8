/**
 * Which pods a ServiceMonitor or PodMonitor scrapes in the workspace, from facts: a
 * ServiceMonitor selects Services by their own labels (facts/labels.ts), each Service
 * selects pods by its selector (facts/services.ts); a PodMonitor selects pod templates
 * directly. Replicas count: a Deployment of 3 is 3 targets per endpoint.
 */
import { selects } from '../kubernetes/labelSelector';
import type { LabelsFact } from './labels';
import type { MonitorFact } from './monitors';
import type { ServiceFact } from './services';
import type { WorkloadFact } from './workloads';

export interface MonitorTargets {
  /** Objects that contribute targets, as `Kind/name` with their pods. */
  sources: { name: string; pods: number }[];
  /** Pods scraped, times endpoints. */
  targets: number;
  /** Services selected (ServiceMonitor only). */
  services: number;
  /** The objects whose labels become target labels: the workloads scraped, and the Services (ServiceMonitor). */
  selected: ReadonlySet<string>;
}

/** How `selected` names an object. */
export function objectKey(fact: { object: { kind: string }; namespace: string; name: string }): string {
  return `${fact.object.kind}/${fact.namespace}/${fact.name}`;
}

function inNamespaces(monitor: MonitorFact, namespace: string): boolean {
  if (monitor.namespaces === 'any') return true;
  if (monitor.namespaces) return monitor.namespaces.includes(namespace);
  return namespace === monitor.namespace;
}

function labelsOf(fact: LabelsFact, of: 'object' | 'template'): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const entry of fact.labels) if (entry.of === of) labels[entry.key] = entry.value;
  return labels;
}

export function monitorTargets(
  monitor: MonitorFact,
  facts: { labels: readonly LabelsFact[]; services: readonly ServiceFact[]; workloads: readonly WorkloadFact[] },
): MonitorTargets {
  const endpoints = Math.max(1, monitor.intervals.length);
  const podsOf = (selector: Readonly<Record<string, string>>, namespace: string): WorkloadFact[] =>
    facts.workloads.filter(
      (workload) =>
        workload.namespace === namespace &&
        Object.keys(selector).length > 0 &&
        Object.entries(selector).every(([key, value]) => workload.templateLabels[key] === value),
    );
  const sources = new Map<string, number>();
  const selected = new Set<string>();
  let services = 0;
  if (monitor.kind === 'PodMonitor') {
    for (const workload of facts.workloads) {
      if (inNamespaces(monitor, workload.namespace) && selects(monitor.selector, workload.templateLabels)) {
        sources.set(`${workload.object.kind}/${workload.name}`, workload.pods);
        selected.add(objectKey(workload));
      }
    }
  } else {
    for (const service of facts.services) {
      if (!inNamespaces(monitor, service.namespace) || !service.selector) continue;
      const own = facts.labels.find(
        (fact) => fact.object.kind === 'Service' && fact.name === service.name && fact.namespace === service.namespace,
      );
      if (!own || !selects(monitor.selector, labelsOf(own, 'object'))) continue;
      services++;
      selected.add(objectKey(service));
      for (const workload of podsOf(service.selector, service.namespace)) {
        sources.set(`${workload.object.kind}/${workload.name}`, workload.pods);
        selected.add(objectKey(workload));
      }
    }
  }
  const list = [...sources].map(([name, pods]) => ({ name, pods }));
  return { sources: list, targets: list.reduce((sum, source) => sum + source.pods, 0) * endpoints, services, selected };
}
