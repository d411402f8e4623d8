/**
 * invalid-quantity: a resource quantity the API server rejects (it does not parse, or it
 * is not a string or number), or one it silently changes (rounded up below 1n, capped
 * above 2^63-1). One fix per repair suggestQuantities finds, the likeliest first.
 */
import type { Quantity } from '../../kubernetes/quantity';
import { quantityFieldsOf } from '../../kubernetes/quantityFields';
import type { QuantityField } from '../../kubernetes/quantityFields';
import { suggestQuantities } from '../../kubernetes/quantitySuggestions';
import { ceilMillicores, changeTo, containerOf, readQuantityFields, shortestDecimal, someFixes } from './quantityChecks';
import { looksLikePlaceholder } from '../../kubernetes/placeholders';
import { defineRule } from '../api/ruleTypes';
import type { OffsetFix, RuleContext } from '../api/ruleTypes';

export const invalidQuantity = defineRule(
  {
    id: 'invalid-quantity',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { all: true },
    description: 'Every resource quantity is one Kubernetes can read, and keeps as written.',
    why: 'The API server rejects the whole object when one quantity does not parse: `kubectl apply` fails, and a GitOps sync stops at that object. The grammar is strict: suffixes are case-sensitive (`Mi`, not `mi`; `k`, not `K`), units such as `GB`, `MiB` or `cores` are not part of it, there is no space between number and suffix, and a quantity is a string or a number, never a boolean, list or map. Two values do parse but are silently changed: anything finer than one billionth (1n) is rounded up, and anything above 2^63-1 is capped or overflows, so the amount Kubernetes uses is not the one written.',
    remediation: 'Write the amount as a number with a case-correct suffix, such as 500m, 0.5, 256Mi or 1Gi.',
    equivalents: [],
    messages: {
      invalid: "'{{text}}' is not a valid quantity: {{reason}}.",
      invalidDidYouMean: "'{{text}}' is not a valid quantity: {{reason}}. Did you mean {{suggestions}}?",
      wrongType: "'{{key}}' must be a quantity (a string such as '500m' or '1Gi', or a number), not {{type}}.",
      noValue:
        "'{{key}}' has no value: Kubernetes reads null as 0, and a patch reads it as 'delete this key'. Write the amount, or remove the key.",
      roundedUp:
        "'{{text}}' has a fraction of 1n (one billionth), the finest step Kubernetes keeps: the API server rounds it up to {{stored}}.",
      capped:
        "'{{text}}' is above 2^63-1 (9,223,372,036,854,775,807), the largest amount Kubernetes can count: it is capped or overflows, so the amount used is not the one written.",
    },
    fixable: true,
  },
  (context) => {
    for (const field of quantityFieldsOf(context.object)) {
      if (typeof field.text === 'string') continue;
      if (field.text.wrongType === 'empty') {
        context.report({
          node: field.pair,
          messageId: 'noValue',
          data: { key: field.key },
          ...containerOf(context.object, field),
        });
      } else {
        context.report({
          node: field.value ?? field.pair,
          messageId: 'wrongType',
          data: { key: field.key, type: field.text.wrongType },
          ...containerOf(context.object, field),
        });
      }
    }
    for (const { field, text, parse } of readQuantityFields(context.object)) {
      // A placeholder (`__CPU__`, `${MEMORY}`) is filled in before the manifest is applied.
      if (!parse.ok && looksLikePlaceholder(text)) continue;
      if (!parse.ok) reportInvalid(context, field, text, parse.error.reason);
      else if (parse.quantity.roundedUp) reportRoundedUp(context, field, parse.quantity);
      else if (parse.quantity.capped) {
        context.report({
          node: field.value ?? field.pair,
          messageId: 'capped',
          data: { text },
          ...containerOf(context.object, field),
        });
      }
    }
  },
);

function reportInvalid(context: RuleContext, field: QuantityField, text: string, reason: string): void {
  const candidates = suggestQuantities(text, field.resource);
  // One repair is a correction; several are a guess, which fix-all must not make for the author.
  const guess = candidates.length > 1;
  const fixes = someFixes(...candidates.map((candidate) => changeTo(context, field, candidate, { changesMeaning: guess })));
  context.report({
    node: field.value ?? field.pair,
    messageId: candidates.length > 0 ? 'invalidDidYouMean' : 'invalid',
    data: { text, reason, suggestions: candidates.map((candidate) => `'${candidate}'`).join(' or ') },
    fixes,
    ...containerOf(context.object, field),
  });
}

/**
 * The fix writes what Kubernetes keeps, so it changes nothing the cluster sees. For CPU that
 * is the whole millicore the scheduler and kubelet round up to (1m is the smallest CPU step).
 */
function reportRoundedUp(context: RuleContext, field: QuantityField, quantity: Quantity): void {
  const stored = shortestDecimal(quantity.nanos);
  const cpu = field.resource === 'cpu' && quantity.nanos > 0n;
  const fix: OffsetFix | undefined = cpu
    ? changeTo(context, field, `${ceilMillicores(quantity.nanos)}m`, {
        title: `Change to ${ceilMillicores(quantity.nanos)}m (the smallest CPU step)`,
      })
    : changeTo(context, field, stored);
  context.report({
    node: field.value ?? field.pair,
    messageId: 'roundedUp',
    data: { text: quantity.text, stored },
    fixes: someFixes(fix),
    ...containerOf(context.object, field),
  });
}
