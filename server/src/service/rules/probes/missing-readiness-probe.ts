/**
 * An app container without a readinessProbe, when readiness would gate something: the
 * container declares a port, or a Service of the workspace selects its pod. Readiness
 * only decides whether a Service sends the pod traffic, so a container with no port that
 * no Service selects (a node agent in a DaemonSet, a queue worker, a controller) needs
 * none. In a file alone, a declared port is what tells; with the workspace, Services do.
 *
 * The fix (a starter probe on the first declared TCP port) is recorded with the facts,
 * because findings across files are built from facts alone.
 */
import { containersNeedingReadiness, readinessFacts, serviceSelecting } from '../../facts/readiness';
import { serviceFacts } from '../../facts/services';
import { servicesByFirstSelectorLabel } from '../../facts/factIndexes';
import { defineWorkspaceRule } from '../api/ruleTypes';

/** Run to completion: nothing to gate. */
const EXEMPT_KINDS: readonly string[] = ['Job', 'CronJob'];
const EQUIVALENTS = [
  'kube-linter:no-readiness-probe',
  'kube-score:pod-probes',
  'polaris:readinessProbeMissing',
  'checkov:CKV_K8S_9',
];

export const missingReadinessProbe = defineWorkspaceRule(
  {
    id: 'missing-readiness-probe',
    type: 'problem',
    defaultSeverity: 'warning',
    description: 'Every long-running container that declares a port or that a Service selects has a readinessProbe.',
    why: 'Without a readiness probe, Kubernetes sends traffic to a container as soon as its process starts, before it has loaded its config, warmed its caches or opened its connections, so the first requests of every rollout and restart fail. A readiness probe also takes an overloaded pod out of the Service until it recovers, and it is what makes a rolling update zero-downtime. Readiness gates only the traffic a Service sends: a container that declares no port and that no Service in the workspace selects (a node agent, a queue worker, a controller) is not reported.',
    remediation: 'Add a readinessProbe (httpGet on a cheap health endpoint, or tcpSocket on the serving port) to the container.',
    equivalents: EQUIVALENTS,
    messages: {
      missingWithPorts:
        "Container '{{container}}' declares ports but has no readinessProbe: it gets traffic as soon as its process starts, ready or not.",
      missingSelected:
        "Container '{{container}}' has no readinessProbe, and Service '{{service}}' selects its pod: it gets traffic as soon as its process starts, ready or not.",
    },
    yieldsTo: {},
    fixable: true,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: true,
    facts: [readinessFacts, serviceFacts],
  },
  (context) => {
    const byFirstLabel = (...labels: string[]) => context.lookup(servicesByFirstSelectorLabel, ...labels);
    for (const pod of context.inFile(readinessFacts)) {
      if (EXEMPT_KINDS.includes(pod.object.kind)) continue;
      if (pod.ignores.some((check) => EQUIVALENTS.includes(check))) continue;
      const service = serviceSelecting(pod, byFirstLabel);
      for (const container of containersNeedingReadiness(pod, service)) {
        const fix = container.addProbe;
        context.report({
          fact: pod,
          at: container.at,
          ...(service
            ? { messageId: 'missingSelected', data: { container: container.name, service: service.name || '(unnamed)' } }
            : { messageId: 'missingWithPorts', data: { container: container.name } }),
          container: container.name,
          fixes: fix ? [{ title: 'Add readinessProbe', edits: [{ start: fix.at[0], end: fix.at[1], text: fix.text }] }] : [],
        });
      }
    }
  },
);
