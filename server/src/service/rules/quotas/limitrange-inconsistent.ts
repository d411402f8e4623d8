/**
 * A LimitRange item whose bounds contradict each other, as ValidateLimitRange rejects
 * them: per resource, min ≤ defaultRequest ≤ default ≤ max; maxLimitRequestRatio at
 * least 1 and at most max/min; and for resources that cannot be overcommitted (GPUs,
 * hugepages) default = defaultRequest. Each finding points where the API's error
 * points. No fix: which of the two bounds is wrong is not knowable from the file.
 */
import type { Pair } from 'yaml';
import { getMap, getSeq, getString, mapItems } from '../../document/yamlNodes';
import { parseQuantity } from '../../kubernetes/quantity';
import { isOvercommitAllowed } from '../../kubernetes/resourceNames';
import { quantityFieldsOf } from '../../kubernetes/quantityFields';
import type { QuantityField } from '../../kubernetes/quantityFields';
import { groupDigits } from '../../kubernetes/quantityWords';
import { quantityWithWords } from '../../kubernetes/quantityAmount';
import { defineRule } from '../api/ruleTypes';
import type { RuleContext } from '../api/ruleTypes';

const SECTIONS = ['min', 'max', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;
type Section = (typeof SECTIONS)[number];

export const limitrangeInconsistent = defineRule(
  {
    id: 'limitrange-inconsistent',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { kinds: ['LimitRange'] },
    description: "A LimitRange's bounds agree: min ≤ defaultRequest ≤ default ≤ max for each resource.",
    why: 'A LimitRange gives containers that say nothing a default request (`defaultRequest`) and a default limit (`default`), and refuses pods outside `min` and `max`. The API server rejects bounds that contradict each other ("min value … is greater than max value …", "default request value … is greater than default limit value …", "ratio … is greater than max/min"), so the namespace keeps its old guard or none. Missing values are filled in before that check, for `type: Container`: with `max` but no `default`, the default limit becomes `max`; with no `defaultRequest`, the default request becomes the default limit, and only when neither `default` nor `max` is set does it become `min`. So a LimitRange with just `min` and `max` gives every container request = limit = max, not min.',
    remediation: 'Reorder the values so that min ≤ defaultRequest ≤ default ≤ max for each resource.',
    equivalents: [],
    messages: {
      order:
        '{{resource}}: {{field}} {{value}} is greater than {{other}} {{otherValue}}. The API rejects this LimitRange, which must keep min ≤ defaultRequest ≤ default ≤ max.',
      ratioBelowOne:
        '{{resource}}: maxLimitRequestRatio {{value}} is less than 1. The API rejects it: a limit is never below its request, so a ratio under 1 could never be met.',
      ratioAboveMaxMin:
        '{{resource}}: maxLimitRequestRatio {{value}} is greater than max / min = {{bound}} ({{max}} / {{min}}). The API rejects it: no container between min and max could reach that ratio.',
      mustEqual:
        '{{resource}}: defaultRequest {{value}} differs from the default limit {{other}}{{derived}}. The API rejects it: {{resource}} cannot be overcommitted, so a request must equal its limit.',
    },
    fixable: false,
  },
  (context) => {
    const { doc } = context.object;
    const byPair = new Map<Pair<unknown, unknown>, QuantityField>();
    for (const field of quantityFieldsOf(context.object)) byPair.set(field.pair, field);
    const limits = getSeq(doc, getMap(doc, context.object.root, 'spec'), 'limits');
    for (const item of mapItems(doc, limits)) {
      const type = getString(doc, item, 'type');
      const values = new Map<string, Partial<Record<Section, Bound>>>();
      for (const section of SECTIONS) {
        // For type Pod the API forbids default and defaultRequest and leaves them out of these checks.
        if (type === 'Pod' && (section === 'default' || section === 'defaultRequest')) continue;
        for (const pair of getMap(doc, item, section)?.items ?? []) {
          const bound = boundOf(byPair.get(pair));
          if (!bound) continue;
          const entry = values.get(bound.field.key) ?? {};
          entry[section] = bound;
          values.set(bound.field.key, entry);
        }
      }
      for (const [resource, bounds] of values) checkResource(context, resource, bounds, type === 'Container');
    }
  },
);

interface Bound {
  field: QuantityField & { value: NonNullable<QuantityField['value']> };
  text: string;
  nanos: bigint;
}

function boundOf(field: QuantityField | undefined): Bound | undefined {
  if (!field?.value || typeof field.text !== 'string') return undefined;
  const parsed = parseQuantity(field.text);
  // A value that does not parse is another rule's finding.
  return parsed.ok ? { field: { ...field, value: field.value }, text: field.text, nanos: parsed.quantity.nanos } : undefined;
}

/** The ordering checks, in ValidateLimitRange's order: [greater, lesser, where the API reports]. */
const ORDER: readonly [Section, Section, Section][] = [
  ['min', 'max', 'min'],
  ['min', 'defaultRequest', 'defaultRequest'],
  ['defaultRequest', 'max', 'defaultRequest'],
  ['defaultRequest', 'default', 'defaultRequest'],
  ['min', 'default', 'default'],
  ['default', 'max', 'default'],
];

function checkResource(
  context: RuleContext,
  resource: string,
  bounds: Partial<Record<Section, Bound>>,
  isContainer: boolean,
): void {
  const words = (bound: Bound) => quantityWithWords(bound.text, bound.field.resource, bound.nanos);
  // Values filled in by defaulting only repeat these comparisons (default = max is
  // checked as max), so comparing what is written finds every ordering error once.
  for (const [greater, lesser, at] of ORDER) {
    const big = bounds[greater];
    const small = bounds[lesser];
    const target = bounds[at];
    if (!big || !small || !target || big.nanos <= small.nanos) continue;
    context.report({
      node: target.field.value,
      messageId: 'order',
      data: { resource, field: greater, value: words(big), other: lesser, otherValue: words(small) },
    });
  }

  const ratio = bounds.maxLimitRequestRatio;
  if (ratio) checkRatio(context, resource, ratio, bounds);

  // Defaulting can make these two differ: default is taken from max when it is not set.
  const request = bounds.defaultRequest;
  const limit = bounds.default ?? (isContainer ? bounds.max : undefined);
  if (request && limit && !isOvercommitAllowed(resource) && request.nanos !== limit.nanos) {
    context.report({
      node: request.field.value,
      messageId: 'mustEqual',
      data: {
        resource,
        value: words(request),
        other: words(limit),
        derived: bounds.default ? '' : ' (taken from max, as default is not set)',
      },
    });
  }
}

function checkRatio(context: RuleContext, resource: string, ratio: Bound, bounds: Partial<Record<Section, Bound>>): void {
  const value = ratio.text;
  if (ratio.nanos < 1_000_000_000n) {
    context.report({ node: ratio.field.value, messageId: 'ratioBelowOne', data: { resource, value } });
    return;
  }
  const { min, max } = bounds;
  if (!min || !max) return;
  // The API compares in milli-units (rounded up), as floating point: ratio > max / min.
  const [ratioMilli, minMilli, maxMilli] = [ratio.nanos, min.nanos, max.nanos].map(milli) as [bigint, bigint, bigint];
  if (minMilli <= 0n || ratioMilli * minMilli <= maxMilli * 1000n) return;
  context.report({
    node: ratio.field.value,
    messageId: 'ratioAboveMaxMin',
    data: { resource, value, bound: quotient(maxMilli, minMilli), max: max.text, min: min.text },
  });
}

function milli(nanos: bigint): bigint {
  return nanos > 0n ? (nanos + 999_999n) / 1_000_000n : nanos / 1_000_000n;
}

/** a / b to three decimals, marked "about" when that is not exact. */
function quotient(a: bigint, b: bigint): string {
  const thousandths = (a * 1000n) / b;
  const fraction = (thousandths % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  const text = `${groupDigits((thousandths / 1000n).toString())}${fraction ? `.${fraction}` : ''}`;
  return (a * 1000n) % b === 0n ? text : `about ${text}`;
}
