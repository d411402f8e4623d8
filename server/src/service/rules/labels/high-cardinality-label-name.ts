/**
 * high-cardinality-label-name: a label named for something unbounded (`user_id`,
 * `request_id`, `trace_id`, `ip`, `url`…), whatever its value today. The names are an
 * option (`labels.highCardinalityNames`), so teams can add their own.
 */
import type { Node } from 'yaml';
import { CONTROLLER_LABELS } from '../../kubernetes/controllerLabels';
import { DEFAULT_HIGH_CARDINALITY_NAMES, matchesHighCardinalityName } from '../../kubernetes/highCardinalityNames';
import { defineRule } from '../api/ruleTypes';
import { generatedObject } from './generatedObject';
import { labelPairsOf, selectorReads } from './labelPairs';
import { moveToAnnotations } from './moveToAnnotations';

export const highCardinalityLabelName = defineRule(
  {
    id: 'high-cardinality-label-name',
    type: 'suggestion',
    defaultSeverity: 'warning',
    scope: { all: true },
    description: 'No label is named for an unbounded value, such as a user id, a request id, an address or a path.',
    why: 'Every distinct value of a label is a new time series wherever the label becomes a series dimension (kube-state-metrics exporting pod labels, a ServiceMonitor copying them). A label named `user_id`, `request_id`, `trace_id`, `ip` or `url` exists to hold one value per user, request, address or path: the series count grows with traffic, not with the system, until Prometheus runs out of memory. Such data belongs in annotations, logs or traces.',
    remediation: 'Move labels that hold per-user, per-request or per-address values to annotations.',
    equivalents: [],
    messages: {
      named:
        "Label '{{key}}' is named for an unbounded value ({{name}}): each distinct value is a new time series wherever it is exported. Move it to annotations.",
      selected:
        "Label '{{key}}' is named for an unbounded value ({{name}}): each distinct value is a new time series. {{selector}} selects on it, so select on a stable label first.",
    },
    fixable: true,
    options: {
      meta: {
        section: 'labels',
        description: 'Label names that invite unbounded values.',
        properties: {
          highCardinalityNames: {
            schema: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
            setting: { type: 'array', uniqueItems: true, items: { type: 'string' } },
            description: `Label names reported as inviting unbounded values (compared without prefix, case and -/_ differences). Default: ${DEFAULT_HIGH_CARDINALITY_NAMES.join(', ')}.`,
            markdownDescription:
              'Label names reported as inviting unbounded values (rule `high-cardinality-label-name`), compared on the name after any `prefix/`, ignoring case and `-`/`_`/`.` differences. Overrides `labels.highCardinalityNames` in `.kubewise.yaml`. Unset: `.kubewise.yaml`, else a list of common ones (`user_id`, `email`, `request_id`, `trace_id`, `ip`, `url`, `path`, `uuid`, `timestamp`…).',
            default: DEFAULT_HIGH_CARDINALITY_NAMES,
          },
        },
      },
      resolve: (values): readonly string[] =>
        Array.isArray(values.highCardinalityNames)
          ? values.highCardinalityNames.filter((name): name is string => typeof name === 'string')
          : DEFAULT_HIGH_CARDINALITY_NAMES,
    },
  },
  (context) => {
    const { object } = context;
    if (generatedObject(object)) return;
    for (const label of labelPairsOf(object)) {
      if (!label.labels || CONTROLLER_LABELS.has(label.key)) continue;
      const name = matchesHighCardinalityName(label.key, context.options);
      if (!name) continue;
      const node = label.keyNode as Node;
      const selector = label.labels.of === 'template' ? selectorReads(object, label.key) : undefined;
      if (selector) {
        context.report({ node, messageId: 'selected', data: { key: label.key, name, selector } });
        continue;
      }
      const fix = moveToAnnotations(object, context.text, label.labels, label.pair, label.key);
      context.report({ node, messageId: 'named', data: { key: label.key, name }, fixes: fix ? [fix] : [] });
    }
  },
);
