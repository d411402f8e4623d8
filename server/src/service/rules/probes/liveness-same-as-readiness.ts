/**
 * A liveness probe identical to the readiness probe. "Identical" is compared on the
 * probe as the API stores it (merge keys applied, defaults filled in, key order
 * ignored), so `periodSeconds: 10` written on one side only still counts as the same.
 * Probes that differ in any value, a threshold included, are left alone: a tolerant
 * liveness on the same endpoint is a deliberate, if debatable, choice.
 *
 * The risk depends on the handler. Identical httpGet, exec or grpc checks: the same
 * failure (whatever the endpoint checks) fails both, and the kubelet restarts every
 * pod that fails it, so a warning. Identical tcpSocket checks cannot call a dependency;
 * what they miss is a hung process that still accepts connections, so information.
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
    why: 'Readiness answers "should this pod get traffic now?", liveness "is this process beyond saving?". When both are the same httpGet, exec or grpc check, anything that fails it (a slow dependency the endpoint calls, overload, a full disk) fails both at once on every pod: readiness empties the Service, which is right, but liveness then has the kubelet restart every pod together, so a slowdown becomes an outage and the restarts add a cold start on top. Liveness should check only that the process itself answers, and tolerate more failures than readiness. Two identical tcpSocket checks cannot call a dependency; they only show that the port accepts connections, which a hung process often still does, so they are reported as information.',
    remediation:
      'Point the livenessProbe at a cheaper check that covers only the process itself, and give it a higher failureThreshold than the readinessProbe.',
    equivalents: ['kube-score:pod-probes-identical'],
    messages: {
      identical:
        "The livenessProbe of container '{{container}}' is identical to its {{handler}} readinessProbe: whatever fails that check fails both at once, and the kubelet then restarts every pod that fails it. Give liveness a check of the process alone, and tolerate more failures.",
      identicalTcp:
        "The livenessProbe of container '{{container}}' is the same tcpSocket check as its readinessProbe: it only shows that the port accepts connections, which a hung process often still does. A liveness probe should test that the process still works (an httpGet or exec check of its own).",
    },
    yieldsTo: {
      'probe-handler-count': "probes with no handler are that rule's finding, not copies of each other.",
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
      const handlers = probeHandlers(object.doc, liveness.map);
      if (handlers.length === 0) continue;
      if (!isDeepStrictEqual(normalizedProbe(object.doc, liveness.map), normalizedProbe(object.doc, readiness.map))) continue;
      // Several handlers are probe-handler-count's finding; the copy is then judged by its riskiest one.
      const risky = handlers.find(({ handler }) => handler !== 'tcpSocket');
      context.report({
        node: probeKey(liveness),
        ...(risky ? { messageId: 'identical' } : { messageId: 'identicalTcp', severity: 'information' as const }),
        data: { container: liveness.containerName, handler: risky?.handler ?? 'tcpSocket' },
        container: liveness.containerName,
      });
    }
  },
);
