/**
 * A replicated, rolling-updated workload in which nothing gates readiness: the object-level
 * lesson behind missing-readiness-probe, on the `replicas` line. It follows the same logic
 * (readiness only matters for pods that get Service traffic: a container declaring a port,
 * or a pod a Service of the workspace selects), and it yields to missing-readiness-probe:
 * when that rule reports a container of the object, this finding would only restate it, so
 * it stays silent. What is left is the gap that rule does not see, such as a native
 * sidecar serving the pod's ports with no probe anywhere.
 *
 * A startupProbe also holds a new pod out of the Service until it passes, and a native
 * sidecar's (restartPolicy: Always) readinessProbe counts towards the pod's readiness:
 * either one means the rollout waits for something, so neither is reported.
 *
 * kube-linter's no-readiness-probe reports every object this rule reports; listing it as
 * the equivalent honours its ignore annotation, which says "no readiness probe, on purpose".
 */
import { containersNeedingReadiness, readinessFacts, serviceSelecting } from '../../facts/readiness';
import { serviceFacts } from '../../facts/services';
import { servicesByFirstSelectorLabel } from '../../facts/factIndexes';
import { defineWorkspaceRule } from '../api/ruleTypes';

/** Built-in kinds with a pod template but no rolling update of replicas. */
const NOT_ROLLED: readonly string[] = [
  'Pod',
  'PodTemplate',
  'Job',
  'CronJob',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
];
const EQUIVALENTS = ['kube-linter:no-readiness-probe'];

export const replicasWithoutReadiness = defineWorkspaceRule(
  {
    id: 'replicas-without-readiness',
    type: 'suggestion',
    defaultSeverity: 'information',
    description: 'A workload with several replicas has a readiness probe to gate its rolling updates.',
    why: 'Several replicas suggest the service must stay up, but replicas alone do not make a rolling update zero-downtime. Without a readiness probe a new pod counts as ready as soon as its process starts: the Service sends it traffic while it is still loading, and the rollout removes the next old pod at once, so every rollout drops requests, and a new version that never comes up still replaces all the old pods. The readiness probe is what makes the controller wait, and maxUnavailable and maxSurge only keep capacity if readiness is real. Pods that get no Service traffic (no declared port, no Service selecting them) are not reported, and a workload on which missing-readiness-probe reports a container is left to that finding.',
    remediation: 'Add a readinessProbe to the serving container, so that a rollout moves on only when new pods can serve.',
    equivalents: EQUIVALENTS,
    messages: {
      noReadiness:
        '{{replicas}} replicas, but no container has a readinessProbe: a rolling update sends traffic to new pods before they are ready and removes the old ones anyway.',
    },
    yieldsTo: {
      'missing-readiness-probe':
        'when it reports a container of the object, this rule stays silent on the replicas line, which would only restate it.',
    },
    fixable: false,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: true,
    facts: [readinessFacts, serviceFacts],
  },
  (context) => {
    const byFirstLabel = (...labels: string[]) => context.lookup(servicesByFirstSelectorLabel, ...labels);
    for (const pod of context.inFile(readinessFacts)) {
      if (NOT_ROLLED.includes(pod.object.kind) || pod.replicas === undefined || pod.replicas <= 1 || !pod.replicasAt) continue;
      if (pod.ignores.some((check) => EQUIVALENTS.includes(check))) continue;
      if (pod.containers.length === 0 || pod.containers.some((c) => c.readiness || c.startup)) continue;
      const service = serviceSelecting(pod, byFirstLabel);
      if (service === undefined && !pod.containers.some((c) => c.declaresPorts)) continue;
      // missing-readiness-probe reports this gap on a container: one mistake, one finding.
      if (containersNeedingReadiness(pod, service).length > 0) continue;
      context.report({ fact: pod, at: pod.replicasAt, messageId: 'noReadiness', data: { replicas: pod.replicas } });
    }
  },
);
