/**
 * Reads a label selector's requirements out of the YAML, each with the node that states
 * it, and tests them against a set of labels as apimachinery's labels.Selector does. What
 * the API would reject on its own (a value that is not a string, an unknown operator) or
 * what is resolved elsewhere (template markers) becomes no requirement at all, so that a
 * rule built on it never reports a guess.
 */
import { isScalar } from 'yaml';
import type { Document, Pair, YAMLMap } from 'yaml';
import { getMap, getSeq, getString, mapItems, resolveNode, isMergeKey } from '../document/yamlNodes';

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export type Requirement =
  | { type: 'label'; key: string; value: string; pair: Pair<unknown, unknown> }
  | { type: 'expression'; key: string; operator: Operator; values: string[]; node: YAMLMap };

/** Labels as a lookup: a label whose value is not a string is present but unreadable. */
export type LabelLookup = (key: string) => { value: string | undefined } | undefined;

const OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const TEMPLATED = /\{\{|\$\{/;

/** `matchLabels` pairs and `matchExpressions` of a LabelSelector. */
export function labelSelectorRequirements(doc: Document.Parsed, selector: YAMLMap): Requirement[] {
  const requirements = equalityRequirements(doc, getMap(doc, selector, 'matchLabels'));
  for (const node of mapItems(doc, getSeq(doc, selector, 'matchExpressions'))) {
    const key = getString(doc, node, 'key');
    const operator = getString(doc, node, 'operator');
    if (key === undefined || operator === undefined || !OPERATORS.includes(operator) || TEMPLATED.test(key)) continue;
    const values: string[] = [];
    let readable = true;
    for (const item of getSeq(doc, node, 'values')?.items ?? []) {
      const value = resolveNode(doc, item);
      if (isScalar(value) && typeof value.value === 'string' && !TEMPLATED.test(value.value)) values.push(value.value);
      else readable = false;
    }
    if (readable) requirements.push({ type: 'expression', key, operator: operator as Operator, values, node });
  }
  return requirements;
}

/** The `key: value` pairs of a map: matchLabels, or a ReplicationController's selector. */
export function equalityRequirements(doc: Document.Parsed, map: YAMLMap | undefined): Requirement[] {
  const requirements: Requirement[] = [];
  for (const pair of map?.items ?? []) {
    const key = resolveNode(doc, pair.key);
    const value = resolveNode(doc, pair.value);
    if (!isScalar(key) || !isScalar(value) || typeof key.value !== 'string' || typeof value.value !== 'string') continue;
    if (isMergeKey(doc, key) || TEMPLATED.test(key.value) || TEMPLATED.test(value.value)) continue;
    requirements.push({ type: 'label', key: key.value, value: value.value, pair });
  }
  return requirements;
}

/**
 * Whether the labels satisfy the requirement: true, false, or undefined when a label it
 * depends on is present with a value we cannot read.
 */
export function matches(requirement: Requirement, labels: LabelLookup): boolean | undefined {
  const label = labels(requirement.key);
  if (requirement.type === 'label') {
    if (!label) return false;
    return label.value === undefined ? undefined : label.value === requirement.value;
  }
  switch (requirement.operator) {
    case 'Exists':
      return label !== undefined;
    case 'DoesNotExist':
      return label === undefined;
    case 'In':
      if (!label) return false;
      return label.value === undefined ? undefined : requirement.values.includes(label.value);
    case 'NotIn':
      if (!label) return true;
      return label.value === undefined ? undefined : !requirement.values.includes(label.value);
  }
}

/** A requirement as kubectl prints selectors: `tier in (api,web)`, `tier`, `!tier`. */
export function describeRequirement(requirement: Requirement): string {
  if (requirement.type === 'label') return `${requirement.key}=${requirement.value}`;
  const values = `(${requirement.values.join(',')})`;
  switch (requirement.operator) {
    case 'In':
      return `${requirement.key} in ${values}`;
    case 'NotIn':
      return `${requirement.key} notin ${values}`;
    case 'Exists':
      return requirement.key;
    case 'DoesNotExist':
      return `!${requirement.key}`;
  }
}

/** Whether a LabelSelector map selects nothing in particular (`{}`, or empty parts). */
export function isEmptyLabelSelector(doc: Document.Parsed, selector: YAMLMap): boolean {
  const matchLabels = getMap(doc, selector, 'matchLabels');
  const expressions = getSeq(doc, selector, 'matchExpressions');
  const hasLabels = matchLabels !== undefined && matchLabels.items.length > 0;
  const hasExpressions = expressions !== undefined && expressions.items.length > 0;
  // Keys other than the two (a typo such as `matchLabel`) leave the selector empty too,
  // but then the API's error names the unknown field: only a selector made of nothing
  // but the two known keys, both empty, is reported as empty.
  const onlyKnownKeys = selector.items.every((pair) => {
    const key = resolveNode(doc, pair.key);
    return isScalar(key) && (key.value === 'matchLabels' || key.value === 'matchExpressions');
  });
  return onlyKnownKeys && !hasLabels && !hasExpressions;
}

/** A selector requirement without its YAML nodes: `matchLabels` entries become `In [value]`. */
export interface PlainRequirement {
  key: string;
  operator: Operator;
  values: readonly string[];
}

export function plainRequirement(requirement: Requirement): PlainRequirement {
  if (requirement.type === 'label') return { key: requirement.key, operator: 'In', values: [requirement.value] };
  return { key: requirement.key, operator: requirement.operator, values: requirement.values };
}

/** Whether a selector selects these labels; an empty selector selects nothing here (a PDB's selects every pod, rarely meant). */
export function selects(selector: readonly PlainRequirement[], labels: Readonly<Record<string, string>>): boolean {
  if (selector.length === 0) return false;
  return selector.every(({ key, operator, values }) => {
    const value = Object.hasOwn(labels, key) ? labels[key] : undefined;
    if (operator === 'Exists') return value !== undefined;
    if (operator === 'DoesNotExist') return value === undefined;
    if (operator === 'In') return value !== undefined && values.includes(value);
    return value === undefined || !values.includes(value);
  });
}
