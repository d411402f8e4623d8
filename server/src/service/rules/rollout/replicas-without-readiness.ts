/**
 * A replicated, rolling-updated workload in which nothing gates readiness: the object-level
 * lesson behind missing-readiness-probe. That rule warns per container and carries the
 * fix; this one says what the gap costs at rollout time, on the `replicas` line.
 *
 * Severity information, not warning: it always fires together with missing-readiness-probe
 * on the same root cause, and two warnings for one missing probe would be noise. No fix for
 * the same reason: the per-container rule already offers one, and a second copy of the
 * same insertion would make fix-all write the probe twice.
 *
 * A startupProbe also holds a new pod out of the Service until it passes, and a native
 * sidecar's (restartPolicy: Always) readinessProbe counts towards the pod's readiness:
 * either one means the rollout waits for something, so neither is reported.
 *
 * kube-linter's no-readiness-probe reports every object this rule reports; listing it as
 * the equivalent honours its ignore annotation, which says "no readiness probe, on purpose".
 */
import { isScalar } from 'yaml';
import { findPair, getMapAt, getString, hasKey, resolveNode } from '../../document/yamlNodes';
import { allContainers } from '../../kubernetes/workloads';
import type { ContainerRef } from '../../kubernetes/workloads';
import { defineRule } from '../api/ruleTypes';

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
const GATES: readonly string[] = ['readinessProbe', 'startupProbe'];

export const replicasWithoutReadiness = defineRule(
  {
    id: 'replicas-without-readiness',
    type: 'suggestion',
    defaultSeverity: 'information',
    scope: { workloads: true, exceptKinds: NOT_ROLLED },
    description: 'A workload with several replicas has a readiness probe to gate its rolling updates.',
    why: 'Several replicas suggest the service must stay up, but replicas alone do not make a rolling update zero-downtime. Without a readiness probe a new pod counts as ready as soon as its process starts: the Service sends it traffic while it is still loading, and the rollout removes the next old pod at once, so every rollout drops requests, and a new version that never comes up still replaces all the old pods. The readiness probe is what makes the controller wait, and maxUnavailable and maxSurge only keep capacity if readiness is real.',
    remediation: 'Add a readinessProbe to the serving container, so that a rollout moves on only when new pods can serve.',
    equivalents: ['kube-linter:no-readiness-probe'],
    messages: {
      noReadiness:
        '{{replicas}} replicas, but no container has a readinessProbe: a rolling update sends traffic to new pods before they are ready and removes the old ones anyway.',
    },
    fixable: false,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: true,
  },
  (context) => {
    const { doc, root } = context.object;
    const spec = getMapAt(doc, root, ['spec']);
    const pair = spec && findPair(doc, spec, 'replicas');
    const replicas = pair && resolveNode(doc, pair.value);
    const count = isScalar(replicas) ? replicas.value : undefined;
    if (!pair || typeof count !== 'number' || !Number.isInteger(count) || count <= 1) return;
    const candidates = allContainers(context.object).filter((container) => servesTraffic(context.object.doc, container));
    if (candidates.length === 0) return;
    if (candidates.some((container) => GATES.some((probe) => hasKey(doc, container.node, probe)))) return;
    context.report({ node: pair, messageId: 'noReadiness', data: { replicas: count } });
  },
);

/** App containers, and native sidecars: init containers that keep running. */
function servesTraffic(doc: Parameters<typeof getString>[0], container: ContainerRef): boolean {
  if (container.kind === 'container') return true;
  return container.kind === 'initContainer' && getString(doc, container.node, 'restartPolicy') === 'Always';
}
