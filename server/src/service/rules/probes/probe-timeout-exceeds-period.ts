/**
 * A probe whose timeoutSeconds is above its periodSeconds, counting the API's
 * defaults (timeout 1 s, period 10 s) for a field left out. A timeout equal to the
 * period is fine: the next probe starts as soon as the last one times out.
 *
 * No fix: lowering the timeout may make a slow but healthy check fail (and, for
 * liveness, restart the container), while raising the period slows down detection.
 * Which one is right depends on the endpoint's real latency, which the file does not tell.
 */
import { findPair } from '../../document/yamlNodes';
import { allProbes, probeFieldNode, probeSetting } from '../../kubernetes/probes';
import { defineRule } from '../api/ruleTypes';

export const probeTimeoutExceedsPeriod = defineRule(
  {
    id: 'probe-timeout-exceeds-period',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { workloads: true },
    description: 'Every probe times out no later than its next run is due (timeoutSeconds at most periodSeconds).',
    why: 'The kubelet runs one probe at a time per container: while a check hangs until its timeout, the next runs are skipped. With timeoutSeconds above periodSeconds, a hanging endpoint is probed back to back, failures are counted at the pace of the timeout rather than the period, and failureThreshold × periodSeconds no longer says how long a failure takes to be noticed. A check that needs that long is usually doing too much work, such as calling a dependency.',
    remediation: 'Set timeoutSeconds to at most periodSeconds, making the check itself cheaper if it needs that long.',
    equivalents: [],
    messages: {
      timeoutNotBelowPeriod:
        "The {{probe}} of container '{{container}}' times out after {{timeout}} but is due every {{period}}: a hanging check delays the next one, so failures are noticed at the pace of the timeout. Keep timeoutSeconds at most periodSeconds.",
    },
    yieldsTo: {},
    fixable: false,
  },
  (context) => {
    const { doc } = context.object;
    for (const probe of allProbes(context.object)) {
      const timeout = probeSetting(doc, probe.map, 'timeoutSeconds');
      const period = probeSetting(doc, probe.map, 'periodSeconds');
      if (timeout === undefined || period === undefined || timeout <= period) continue;
      const timeoutPair = findPair(doc, probe.map, 'timeoutSeconds');
      const periodPair = findPair(doc, probe.map, 'periodSeconds');
      // Point at the field that was written: with both defaults the timeout is below the period.
      const pair = timeoutPair ?? periodPair;
      if (!pair) continue;
      context.report({
        node: probeFieldNode(probe, pair),
        messageId: 'timeoutNotBelowPeriod',
        data: {
          probe: probe.field,
          container: probe.containerName,
          timeout: timeoutPair ? `${timeout} s` : `${timeout} s (the default)`,
          period: periodPair ? `${period} s` : `${period} s (the default)`,
        },
        container: probe.containerName,
      });
    }
  },
);
