/**
 * invalid-label: label keys, values and selector requirements the API server rejects.
 * The grammar is apimachinery's (kubernetes/labelSyntax.ts); a value YAML reads as a
 * number or a boolean is a type error kubectl reports before the grammar is even read,
 * and the fix writes the same text as a quoted string.
 */
import { isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { findPair, getString, getValue, resolveNode } from '../../document/yamlNodes';
import { labelKeyProblem, labelValueProblem, nonStringScalarType, TEMPLATED } from '../../kubernetes/labelSyntax';
import { defineRule } from '../api/ruleTypes';
import type { OffsetFix, RuleContext } from '../api/ruleTypes';
import { replaceScalar } from '../api/fixes/replaceScalar';
import { labelPairsOf, selectorExpressionsOf } from './labelPairs';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export const invalidLabel = defineRule(
  {
    id: 'invalid-label',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { all: true },
    description: 'Label keys, values and selector requirements are ones the API server accepts.',
    why: 'The API server validates every label and selector, and rejects the whole object when one is wrong: `kubectl apply` fails and a GitOps sync stops there. A key is an optional DNS-subdomain prefix (at most 253 characters) and `/`, then a name of at most 63 characters; a value is empty or at most 63 characters; both start and end with a letter or digit and hold only letters, digits, `-`, `_` and `.`. Labels are strings: `version: 1.0` or `enabled: true` is a number or a boolean in YAML, and the decoder refuses it (kubectl reads YAML 1.1, where `yes` and `on` are booleans too). In a selector, `In` and `NotIn` need values and `Exists` and `DoesNotExist` take none.',
    remediation: 'Quote label values that YAML reads as numbers or booleans, and keep keys and values to the label grammar.',
    equivalents: ['kube-score:label-values'],
    messages: {
      key: "Label key '{{key}}' is rejected by the API server: {{reason}}.",
      value: "The value '{{value}}' of label '{{key}}' is rejected by the API server: {{reason}}.",
      notString:
        "The value of label '{{key}}' is {{type}} in YAML, not a string: the API server rejects the object. Quote it: {{quoted}}.",
      notScalar: "The value of label '{{key}}' must be a string, not a list or a map.",
      operator: "'{{operator}}' is not a selector operator: write In, NotIn, Exists or DoesNotExist.",
      valuesRequired: "Operator {{operator}} needs a non-empty 'values' list: the API server rejects the selector without one.",
      valuesForbidden: "Operator {{operator}} takes no 'values': the API server rejects the selector with them.",
    },
    fixable: true,
  },
  (context) => {
    const { object } = context;
    for (const label of labelPairsOf(object)) {
      if (TEMPLATED.test(label.key)) continue;
      const keyProblem = labelKeyProblem(label.key);
      if (keyProblem)
        context.report({ node: label.keyNode as Node, messageId: 'key', data: { key: label.key, reason: keyProblem } });
      checkValue(context, label.key, label.value, label.pair);
    }
    for (const expression of selectorExpressionsOf(object)) {
      const key = getString(object.doc, expression, 'key');
      const keyPair = findPair(object.doc, expression, 'key');
      if (key !== undefined && keyPair && !TEMPLATED.test(key)) {
        const problem = labelKeyProblem(key);
        if (problem) context.report({ node: keyPair.value as Node, messageId: 'key', data: { key, reason: problem } });
      }
      const operatorPair = findPair(object.doc, expression, 'operator');
      const operator = getString(object.doc, expression, 'operator');
      if (operator === undefined || !operatorPair) continue;
      if (!OPERATORS.includes(operator)) {
        if (!TEMPLATED.test(operator))
          context.report({ node: operatorPair.value as Node, messageId: 'operator', data: { operator } });
        continue;
      }
      const values = getValue(object.doc, expression, 'values');
      const valuesPair = findPair(object.doc, expression, 'values');
      const count = isSeq(values) ? values.items.length : 0;
      if ((operator === 'In' || operator === 'NotIn') && count === 0) {
        context.report({ node: valuesPair ?? operatorPair, messageId: 'valuesRequired', data: { operator } });
      } else if ((operator === 'Exists' || operator === 'DoesNotExist') && count > 0 && valuesPair) {
        context.report({ node: valuesPair, messageId: 'valuesForbidden', data: { operator } });
      }
      if (!isSeq(values)) continue;
      for (const item of values.items) checkValue(context, key ?? '(key)', resolveNode(object.doc, item), undefined);
    }
  },
);

function checkValue(context: RuleContext, key: string, value: unknown, pair: unknown): void {
  if (value === null || value === undefined) return;
  if (!isScalar(value)) {
    if (pair) context.report({ node: value as Node, messageId: 'notScalar', data: { key } });
    return;
  }
  if (value.value === null) return;
  const type = nonStringScalarType(value);
  if (type) {
    const source = value.range ? context.text.slice(value.range[0], value.range[1]) : String(value.value);
    const quoted = JSON.stringify(source);
    const edit = replaceScalar(context.text, value, quoted);
    const fixes: OffsetFix[] = edit ? [{ title: `Quote the value: ${quoted}`, edits: [edit] }] : [];
    context.report({ node: value, messageId: 'notString', data: { key, type, quoted }, fixes });
    return;
  }
  if (typeof value.value !== 'string' || TEMPLATED.test(value.value)) return;
  const problem = labelValueProblem(value.value);
  if (problem) context.report({ node: value, messageId: 'value', data: { key, value: value.value, reason: problem } });
}
