/**
 * What a ServiceMonitor or PodMonitor scrapes, from the workspace: a PodMonitor selects
 * pod templates directly; a ServiceMonitor selects Services by their labels, and each
 * Service's selector picks the pods. Every endpoint is scraped on every pod, so
 * targets = pods × endpoints. An empty selector selects everything it can see.
 */
import { selects } from '../kubernetes/labelSelector';
import type { MonitorFact } from '../facts/sizingPrometheus';
import type { WorkloadFact } from '../facts/workloads';
import type { Located, SizingWorkspace } from './workspace';

export interface MonitorTargets {
  monitor: Located<MonitorFact>;
  pods: number;
  targets: number;
  /** Distinct values of each label the monitor copies onto targets, among what it scrapes. */
  labelValues: Record<string, number>;
  workloads: string[];
}

function inNamespaces(monitor: MonitorFact, namespace: string): boolean {
  if (monitor.namespaces === 'any') return true;
  return (monitor.namespaces ?? [monitor.namespace]).includes(namespace);
}

function selected(selector: MonitorFact['selector'], labels: Readonly<Record<string, string>>): boolean {
  return selector.length === 0 || selects(selector, labels);
}

export function monitorTargets(monitor: Located<MonitorFact>, workspace: SizingWorkspace): MonitorTargets {
  const scraped: { workload: WorkloadFact; labels: Record<string, string> }[] = [];
  if (monitor.kind === 'PodMonitor') {
    for (const workload of workspace.workloads) {
      if (inNamespaces(monitor, workload.namespace) && selected(monitor.selector, workload.templateLabels)) {
        scraped.push({ workload, labels: { ...workload.templateLabels } });
      }
    }
  } else {
    for (const service of workspace.services) {
      if (!inNamespaces(monitor, service.namespace) || !selected(monitor.selector, service.labels) || !service.selector) continue;
      const serviceSelector = Object.entries(service.selector).map(([key, value]) => ({
        key,
        operator: 'In' as const,
        values: [value],
      }));
      for (const workload of workspace.workloads) {
        if (workload.namespace === service.namespace && selects(serviceSelector, workload.templateLabels)) {
          scraped.push({ workload, labels: { ...service.labels, ...workload.templateLabels } });
        }
      }
    }
  }
  const endpoints = Math.max(monitor.endpoints.length, 1);
  const pods = scraped.reduce((sum, { workload }) => sum + workload.pods, 0);
  const labelValues: Record<string, number> = {};
  for (const label of monitor.targetLabels) {
    labelValues[label] = new Set(scraped.flatMap(({ labels }) => (labels[label] !== undefined ? [labels[label]] : []))).size;
  }
  return {
    monitor,
    pods,
    targets: pods * endpoints,
    labelValues,
    workloads: [...new Set(scraped.map(({ workload }) => `${workload.object.kind} ${workload.name}`))],
  };
}

export function monitorName(monitor: MonitorFact): string {
  return `${monitor.kind} ${monitor.namespace ? `${monitor.namespace}/` : ''}${monitor.name}`;
}
