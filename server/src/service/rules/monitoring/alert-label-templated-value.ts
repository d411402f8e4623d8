/**
 * alert-label-templated-value: an alert whose labels hold the expression's value
 * (`{{ $value }}`, `{{ .Value }}`). Labels identify an alert, so each new value is a new
 * alert: it resolves and fires again on every evaluation, notifications repeat and
 * silences stop matching (pint's `alerts/template`).
 */
import { isScalar } from 'yaml';
import { getMap } from '../../document/yamlNodes';
import { defineRule } from '../api/ruleTypes';
import { ruleEntries } from './monitoringObjects';

const VALUE_IN_TEMPLATE = /\{\{[^}]*(\$value|\.Value)\b[^}]*\}\}/;

export const alertLabelTemplatedValue = defineRule(
  {
    id: 'alert-label-templated-value',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { kinds: ['PrometheusRule'] },
    description: "Alert labels do not hold the expression's value ({{ $value }}).",
    why: 'Labels are what identify an alert. A label that holds `{{ $value }}` changes whenever the value does, so every evaluation ends one alert and starts another: Alertmanager sends a new notification each time, grouping and inhibition stop working, silences no longer match, and the `ALERTS` series gains a new label value at every change. The value belongs in an annotation, which is shown with the alert without identifying it.',
    remediation: "Move the templated value from the alert's labels to its annotations (for example `description`).",
    equivalents: ['pint:alerts/template'],
    messages: {
      value:
        "Label '{{key}}' holds the expression's value: every new value is a new alert, so it fires, resolves and notifies again at each change. Put the value in an annotation.",
    },
    fixable: false,
  },
  (context) => {
    const { doc } = context.object;
    for (const { rule } of ruleEntries(context.object)) {
      for (const pair of getMap(doc, rule, 'labels')?.items ?? []) {
        const value = pair.value;
        if (!isScalar(value) || typeof value.value !== 'string' || !VALUE_IN_TEMPLATE.test(value.value)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        context.report({ node: value, messageId: 'value', data: { key } });
      }
    }
  },
);
