/**
 * monitor-copies-high-cardinality-label: `targetLabels` or `podTargetLabels` of a
 * ServiceMonitor or PodMonitor copying a label that the workspace shows as unbounded:
 * a Service or pod template it scrapes (any, when it scrapes nothing in the workspace)
 * gives it a value shaped like a UUID, a hash or a timestamp, or its name is one that
 * invites unbounded values.
 */
import { DEFAULT_HIGH_CARDINALITY_NAMES, matchesHighCardinalityName } from '../../kubernetes/highCardinalityNames';
import { labelFacts } from '../../facts/labels';
import { monitorFacts } from '../../facts/monitors';
import { monitorTargets, objectKey } from '../../facts/monitorTargets';
import { serviceFacts } from '../../facts/services';
import { workloadFacts } from '../../facts/workloads';
import { defineWorkspaceRule } from '../api/ruleTypes';

export const monitorCopiesHighCardinalityLabel = defineWorkspaceRule(
  {
    id: 'monitor-copies-high-cardinality-label',
    type: 'suggestion',
    defaultSeverity: 'warning',
    description: 'ServiceMonitors and PodMonitors do not copy labels with unbounded values onto their targets.',
    why: "`targetLabels` and `podTargetLabels` copy a Service's or a pod's label onto every series scraped from it. A label whose values are unbounded (a commit hash, a build timestamp, a per-pod name) then multiplies every metric of the target by every value it ever had: each rollout leaves a full set of old series behind until retention, and queries over them slow down.",
    remediation: 'Copy only labels with a small, stable set of values, and move the unbounded ones to annotations.',
    equivalents: [],
    messages: {
      shaped:
        "'{{key}}' is copied onto every series, and {{object}} gives it a value that looks like {{shape}} ('{{value}}'): each new value is a new set of series for every metric of the target.",
      named:
        "'{{key}}' is copied onto every series, and its name invites unbounded values ({{name}}): each value is a new set of series for every metric of the target.",
    },
    fixable: false,
    facts: [monitorFacts, labelFacts, serviceFacts, workloadFacts],
  },
  (context) => {
    // Reading the whole workspace is a dependency on all of it: only when this document has a monitor.
    if (context.inFile(monitorFacts).length === 0) return;
    const labels = context.all(labelFacts);
    const facts = { labels, services: context.all(serviceFacts), workloads: context.all(workloadFacts) };
    for (const monitor of context.inFile(monitorFacts)) {
      // The objects it scrapes when the workspace shows them; every object otherwise.
      const { selected } = monitorTargets(monitor, facts);
      const candidates = selected.size > 0 ? labels.filter((fact) => selected.has(objectKey(fact))) : labels;
      for (const copy of monitor.copies) {
        const of = copy.from === 'service' ? 'object' : 'template';
        let reported = false;
        for (const fact of candidates) {
          if (copy.from === 'service' && fact.object.kind !== 'Service') continue;
          const entry = fact.labels.find((label) => label.of === of && label.key === copy.key && label.unbounded);
          if (!entry?.unbounded) continue;
          context.report({
            fact: monitor,
            at: copy.at,
            messageId: 'shaped',
            data: { key: copy.key, object: `${fact.object.kind} '${fact.name}'`, shape: entry.unbounded, value: entry.value },
          });
          reported = true;
          break;
        }
        const name = reported ? undefined : matchesHighCardinalityName(copy.key, DEFAULT_HIGH_CARDINALITY_NAMES);
        if (name) context.report({ fact: monitor, at: copy.at, messageId: 'named', data: { key: copy.key, name } });
      }
    }
  },
);
