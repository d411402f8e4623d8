/**
 * promql-high-cardinality-grouping: a recording or alerting rule that aggregates
 * `by (…)` a label named for an unbounded value (`user_id`, `path`, `ip`…): the result
 * keeps one series per value, which is what the aggregation was meant to remove. The
 * names are kubernetes/highCardinalityNames.ts's defaults.
 */
import { findPair } from '../../document/yamlNodes';
import { DEFAULT_HIGH_CARDINALITY_NAMES, matchesHighCardinalityName } from '../../kubernetes/highCardinalityNames';
import { readPromql } from '../../kubernetes/prometheus/promql';
import { TEMPLATED } from '../../kubernetes/labelSyntax';
import { defineRule } from '../api/ruleTypes';
import { ruleEntries } from './monitoringObjects';
import { embeddedText } from '../api/embeddedText';

export const promqlHighCardinalityGrouping = defineRule(
  {
    id: 'promql-high-cardinality-grouping',
    type: 'suggestion',
    defaultSeverity: 'warning',
    scope: { kinds: ['PrometheusRule'] },
    description: 'Rule expressions do not aggregate by labels that hold unbounded values (user ids, paths, addresses).',
    why: 'An aggregation keeps one output series per combination of its `by` labels. Grouping by `user_id`, `path`, `ip` or `request_id` keeps one series per user, path or address: a recording rule then writes as many new series as the raw data had, and an alert fires once per value. Queries should touch hundreds of series, not thousands; above some 10,000 they are slow and Prometheus needs far more memory.',
    remediation:
      'Aggregate by bounded labels (service, route template, status code) and leave per-user or per-request detail to logs and traces.',
    equivalents: [],
    messages: {
      grouping:
        "'{{operator}} by ({{label}})' keeps one series per {{label}} value ({{name}} is unbounded): the rule writes as many series as the raw data has.",
    },
    fixable: false,
  },
  (context) => {
    const { doc } = context.object;
    for (const { rule } of ruleEntries(context.object)) {
      const pair = findPair(doc, rule, 'expr');
      const text = pair ? embeddedText(pair.value, context.text) : undefined;
      if (!text || TEMPLATED.test(text.text)) continue;
      for (const grouping of readPromql(text.text)?.groupings ?? []) {
        if (grouping.modifier !== 'by') continue;
        for (const label of grouping.labels) {
          const name = matchesHighCardinalityName(label.name, DEFAULT_HIGH_CARDINALITY_NAMES);
          if (!name) continue;
          const [start, end] = text.toDocument(label.from, label.to);
          context.report({
            at: [start, end],
            messageId: 'grouping',
            data: { operator: grouping.operator, label: label.name, name },
          });
        }
      }
    }
  },
);
