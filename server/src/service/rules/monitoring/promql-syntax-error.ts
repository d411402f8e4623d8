/**
 * promql-syntax-error: a PrometheusRule expression that does not parse, reported at the
 * characters where the Prometheus grammar (lezer-promql, the parser of the Prometheus
 * UI) fails. Prometheus rejects the whole rule file, so every rule of it stops.
 */
import { findPair } from '../../document/yamlNodes';
import { readPromql } from '../../kubernetes/prometheus/promql';
import { TEMPLATED } from '../../kubernetes/labelSyntax';
import { defineRule } from '../api/ruleTypes';
import { ruleEntries } from './monitoringObjects';
import { embeddedText } from '../api/embeddedText';

export const promqlSyntaxError = defineRule(
  {
    id: 'promql-syntax-error',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { kinds: ['PrometheusRule'] },
    description: 'Every PrometheusRule expression is valid PromQL.',
    why: "The Prometheus Operator's admission webhook rejects a PrometheusRule whose expression does not parse; without the webhook, Prometheus fails to load the generated rule file and keeps evaluating the old one, so the whole file (every alert in it) silently stops changing. A typo in one alert can hide that none of the new alerts exist. Kubewise reads the expression with the Prometheus project's own grammar, the parser behind the Prometheus UI.",
    remediation:
      'Correct the expression at the marked characters, and test it in the Prometheus UI or with promtool check rules.',
    equivalents: [],
    messages: {
      syntax: 'PromQL syntax error at {{near}}: Prometheus rejects the rule file, and none of its rules are updated.',
      empty: "'expr' is empty: Prometheus rejects a rule without an expression.",
    },
    fixable: false,
  },
  (context) => {
    const { doc } = context.object;
    for (const { rule } of ruleEntries(context.object)) {
      const pair = findPair(doc, rule, 'expr');
      const text = pair ? embeddedText(pair.value, context.text) : undefined;
      if (!pair || !text || TEMPLATED.test(text.text)) continue;
      if (text.text.trim() === '') {
        context.report({ node: pair, messageId: 'empty' });
        continue;
      }
      // The first error only: the parser's recovery after it makes the rest guesses.
      const error = readPromql(text.text)?.errors[0];
      if (error) {
        // A missing token is an empty error: mark the character there, or the last one.
        const from = Math.min(error.from, text.text.length - 1);
        const [start, end] = text.toDocument(from, Math.max(error.to, from + 1));
        context.report({
          at: [start, end],
          messageId: 'syntax',
          data: { near: describeNear(text.text, error.from, error.to) },
        });
      }
    }
  },
);

function describeNear(expr: string, from: number, to: number): string {
  if (from >= expr.trimEnd().length) return 'the end of the expression (it stops before it is complete)';
  const near = expr.slice(from, Math.max(to, from + 1)).split('\n')[0] ?? '';
  return `'${near.length > 30 ? `${near.slice(0, 30)}…` : near}'`;
}
