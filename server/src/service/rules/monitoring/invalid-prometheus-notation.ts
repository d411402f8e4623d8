/**
 * invalid-prometheus-notation: durations and sizes of the Prometheus Operator's objects
 * that Prometheus cannot read (`for: 5 min`, `interval: 30`, `retentionSize: 50G`).
 * The CRDs validate them with patterns, so the API server rejects the object; without
 * the CRD's validation, Prometheus fails to load the generated configuration.
 */
import { isScalar } from 'yaml';
import type { Scalar, YAMLMap } from 'yaml';
import { findPair, getMap } from '../../document/yamlNodes';
import type { KubeObject } from '../../kubernetes/objects';
import { TEMPLATED } from '../../kubernetes/labelSyntax';
import { DURATION_FORMAT, parseOperatorSize, parsePrometheusDuration, SIZE_FORMAT } from '../../kubernetes/prometheus/notation';
import { defineRule } from '../api/ruleTypes';
import type { RuleContext } from '../api/ruleTypes';
import { isOperatorKind, ruleEntries, scrapeEndpoints } from './monitoringObjects';

const PROMETHEUS_DURATIONS = ['retention', 'scrapeInterval', 'scrapeTimeout', 'evaluationInterval'];
const ENDPOINT_DURATIONS = ['interval', 'scrapeTimeout'];

export const invalidPrometheusNotation = defineRule(
  {
    id: 'invalid-prometheus-notation',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { kinds: ['PrometheusRule', 'ServiceMonitor', 'PodMonitor', 'Probe', 'Prometheus'] },
    description: 'Durations and sizes in Prometheus Operator objects are in Prometheus notation (5m, 1h30m, 50GB).',
    why: "Prometheus reads durations as a number and a unit, largest unit first and each unit once (`30s`, `5m`, `1h30m`, `15d`): no spaces, no fractions, no bare numbers, no `min` or `hours`. Sizes are a number and a unit ending in B (`512MB`, `50GB`). The operator's CRDs validate these with patterns, so the API server rejects the object; where that validation is missing, Prometheus fails to load the configuration the operator generates, and keeps running the old one.",
    remediation: 'Write durations such as 30s, 5m or 1h30m, and sizes such as 512MB or 50GB.',
    equivalents: [],
    messages: {
      duration: "'{{key}}: {{text}}' is not a Prometheus duration: {{reason}}. Expected {{format}}.",
      size: "'{{key}}: {{text}}' is not a Prometheus size: {{reason}}. Expected {{format}}.",
    },
    fixable: false,
  },
  (context) => {
    const { object } = context;
    for (const { group, rule } of ruleEntries(object)) {
      checkDurations(context, group, ['interval']);
      checkDurations(context, rule, ['for', 'keep_firing_for']);
    }
    for (const endpoint of scrapeEndpoints(object)) checkDurations(context, endpoint, ENDPOINT_DURATIONS);
    const spec = getMap(object.doc, object.root, 'spec');
    if (isOperatorKind(object, 'Probe')) checkDurations(context, spec, ENDPOINT_DURATIONS);
    if (isOperatorKind(object, 'Prometheus')) {
      checkDurations(context, spec, PROMETHEUS_DURATIONS);
      checkSize(context, spec, 'retentionSize');
    }
  },
);

function checkDurations(context: RuleContext, map: YAMLMap | undefined, keys: readonly string[]): void {
  for (const key of keys) {
    const value = valueOf(context.object, map, key);
    if (!value) continue;
    const parsed = parsePrometheusDuration(value.text);
    if (!parsed.ok) {
      context.report({
        node: value.node,
        messageId: 'duration',
        data: { key, text: value.text, reason: parsed.reason, format: DURATION_FORMAT },
      });
    }
  }
}

function checkSize(context: RuleContext, map: YAMLMap | undefined, key: string): void {
  const value = valueOf(context.object, map, key);
  if (!value) return;
  const parsed = parseOperatorSize(value.text);
  if (!parsed.ok) {
    context.report({
      node: value.node,
      messageId: 'size',
      data: { key, text: value.text, reason: parsed.reason, format: SIZE_FORMAT },
    });
  }
}

/** A scalar's text (numbers as written: `for: 5` is a bare number); templated text is skipped. */
function valueOf(object: KubeObject, map: YAMLMap | undefined, key: string): { text: string; node: Scalar } | undefined {
  const pair = map ? findPair(object.doc, map, key) : undefined;
  const node = pair?.value;
  if (!isScalar(node) || node.value === null) return undefined;
  const text = String(node.value);
  if (TEMPLATED.test(text)) return undefined;
  return { text, node };
}
