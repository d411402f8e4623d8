/**
 * A liveness probe identical to the readiness probe. "Identical" is compared on the
 * probe as the API stores it (merge keys applied, defaults filled in, key order
 * ignored), so `periodSeconds: 10` written on one side only still counts as the same.
 * Probes that differ in any value, a threshold included, are left alone: a tolerant
 * liveness on the same endpoint is a deliberate, if debatable, choice.
 *
 * No fix: the right liveness check (a cheaper endpoint, a process check) depends on
 * the application, which the manifest does not tell.
 */
import { isDeepStrictEqual } from 'node:util';
import { probeHandlers, probeKey, probeOf, probingContainers, normalizedProbe } from '../../kubernetes/probes';
import { defineRule } from '../api/ruleTypes';

export const livenessSameAsReadiness = defineRule(
  {
    id: 'liveness-same-as-readiness',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { workloads: true },
    description: 'A container does not use its readiness probe as its liveness probe.',
    why: 'Readiness answers "should this pod get traffic now?", liveness "is this process beyond saving?". When both are the same check, a slow database or a saturated downstream makes every pod fail both at once: readiness empties the Service, which is right, but liveness then has the kubelet restart every pod together, so a slowdown becomes an outage and the restarts add a cold start on top. Liveness should check only that the process itself answers (a cheap endpoint that touches no dependency), and tolerate more failures than readiness.',
    remediation:
      'Point the livenessProbe at a cheaper check that covers only the process itself, and give it a higher failureThreshold than the readinessProbe.',
    equivalents: ['kube-score:pod-probes-identical'],
    messages: {
      identical:
        "The livenessProbe of container '{{container}}' is identical to its readinessProbe: when a dependency slows down, every pod fails both and the kubelet restarts them all at once. Check only the process in liveness (a cheaper endpoint) and tolerate more failures.",
    },
    fixable: false,
  },
  (context) => {
    const { object } = context;
    for (const container of probingContainers(object)) {
      const liveness = probeOf(object, container, 'livenessProbe');
      const readiness = probeOf(object, container, 'readinessProbe');
      if (!liveness || !readiness) continue;
      // A probe without a handler is probe-handler-count's finding, not a copy of anything.
      if (probeHandlers(object.doc, liveness.map).length === 0) continue;
      if (!isDeepStrictEqual(normalizedProbe(object.doc, liveness.map), normalizedProbe(object.doc, readiness.map))) continue;
      context.report({
        node: probeKey(liveness),
        messageId: 'identical',
        data: { container: liveness.containerName },
        container: liveness.containerName,
      });
    }
  },
);
