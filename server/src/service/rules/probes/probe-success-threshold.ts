/**
 * successThreshold other than 1 on a liveness or startup probe, which the API rejects.
 * A value of 0 is fine: the API's defaulting turns it into 1.
 *
 * The fix writes 1 over the value, and only when the value is written in the probe
 * itself: a value merged in from shared defaults (`<<: *probe-defaults`), read through
 * an alias, or in an anchored probe also serves other probes, where another value
 * (readiness may wait for several successes) may be right.
 */
import { findPair } from '../../document/yamlNodes';
import { replaceScalar } from '../api/fixes/replaceScalar';
import { allProbes, probeFieldNode, probeSetting, writtenInProbe } from '../../kubernetes/probes';
import { defineRule } from '../api/ruleTypes';
import type { OffsetFix } from '../api/ruleTypes';

export const probeSuccessThreshold = defineRule(
  {
    id: 'probe-success-threshold',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { workloads: true },
    description: 'Liveness and startup probes have a successThreshold of 1.',
    why: 'The API server rejects a livenessProbe or startupProbe whose successThreshold is not 1 ("must be 1"), so the whole workload fails to apply. One success is all these probes can mean: the process answers, or it has started. Asking for several consecutive successes only makes sense for readiness, where it keeps a flapping pod out of the Service until it has answered a few times in a row.',
    remediation: 'Set successThreshold to 1 on liveness and startup probes (or remove it: 1 is the default).',
    equivalents: [],
    messages: {
      mustBeOne:
        "The {{probe}} of container '{{container}}' has successThreshold {{value}}: the API accepts only 1 for liveness and startup probes. Use a readinessProbe to wait for several successes.",
    },
    fixable: true,
  },
  (context) => {
    const { doc } = context.object;
    for (const probe of allProbes(context.object, ['livenessProbe', 'startupProbe'])) {
      const value = probeSetting(doc, probe.map, 'successThreshold');
      const pair = findPair(doc, probe.map, 'successThreshold');
      if (value === undefined || value === 1 || !pair) continue;
      const fixes: OffsetFix[] = [];
      const edit = writtenInProbe(probe, pair) ? replaceScalar(context.text, pair.value, '1') : undefined;
      if (edit) fixes.push({ title: 'Set successThreshold to 1', edits: [edit] });
      context.report({
        node: probeFieldNode(probe, pair),
        messageId: 'mustBeOne',
        data: { probe: probe.field, container: probe.containerName, value },
        container: probe.containerName,
        fixes,
      });
    }
  },
);
