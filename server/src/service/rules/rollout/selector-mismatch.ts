/**
 * A controller whose selector does not select its own pod template: the API rejects it
 * ("selector does not match template labels"), and an apps/v1 selector that is empty
 * (it would select every pod in the namespace) is rejected too.
 *
 * Fixes change the template, never the selector: a selector is immutable once a
 * Deployment, StatefulSet or DaemonSet exists, so aligning the template is the edit that
 * applies to an existing object as well as a new one. A missing label is added with the
 * selector's text; a differing value is set to the selector's. Unmatched expressions get
 * no fix: which value would satisfy `notin` or `in` is a choice, not a fact.
 */
import { isMap, isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import { findPair, getMap, getMapAt, resolveNode } from '../../document/yamlNodes';
import { knownKind } from '../../kubernetes/kinds';
import {
  describeRequirement,
  equalityRequirements,
  isEmptyLabelSelector,
  labelSelectorRequirements,
  matches,
} from '../../kubernetes/labelSelector';
import type { LabelLookup, Requirement } from '../../kubernetes/labelSelector';
import { insertIntoBlockMap } from '../api/fixes/insertIntoMap';
import { replaceScalar } from '../api/fixes/replaceScalar';
import { defineRule } from '../api/ruleTypes';
import type { OffsetEdit, OffsetFix, RuleContext } from '../api/ruleTypes';

const KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController'];

export const selectorMismatch = defineRule(
  {
    id: 'selector-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { kinds: KINDS },
    description: "A controller's selector selects the labels of its own pod template.",
    why: "A controller finds its pods by its selector, and the pods it creates get their labels from the template. When the two disagree, the controller would create pods it cannot see and keep creating more, so the API rejects the object with 'selector does not match template labels'. The selector of a Deployment, StatefulSet or DaemonSet cannot be changed once created, so a typo there means deleting and recreating the object; an empty apps/v1 selector is rejected because it would claim every pod in the namespace.",
    remediation:
      'Make the pod template labels satisfy every part of the selector (change the template, since the selector is immutable).',
    equivalents: [
      'kube-linter:mismatching-selector',
      'kube-score:deployment-pod-selector-labels-match-template-metadata-labels',
      'kube-score:statefulset-pod-selector-labels-match-template-metadata-labels',
    ],
    messages: {
      labelMissing:
        "The selector requires '{{key}}: {{value}}', but the pod template has no '{{key}}' label: the API rejects the {{kind}} (selector does not match template labels).",
      labelDiffers:
        "The selector requires '{{key}}: {{value}}', but the pod template has '{{key}}: {{actual}}': the API rejects the {{kind}} (selector does not match template labels).",
      expressionUnmatched:
        "The selector requirement '{{requirement}}' is not met by the pod template's labels: the API rejects the {{kind}} (selector does not match template labels).",
      emptySelector: 'The selector is empty: the API rejects a {{kind}} whose selector would claim every pod in the namespace.',
    },
    fixable: true,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: true,
  },
  (context) => {
    const { doc, root, ref } = context.object;
    if (!knownKind(ref.apiVersion, ref.kind)) return;
    const spec = getMap(doc, root, 'spec');
    const selectorPair = spec && findPair(doc, spec, 'selector');
    const selector = selectorPair && resolveNode(doc, selectorPair.value);
    const template = getMap(doc, spec, 'template');
    // No template (a patch, a partial manifest) leaves nothing to compare against.
    if (!selectorPair || !isMap(selector) || !template) return;
    const replicationController = ref.kind === 'ReplicationController';
    if (!replicationController && ref.apiVersion.startsWith('apps/') && isEmptyLabelSelector(doc, selector)) {
      context.report({ node: selectorPair, messageId: 'emptySelector', data: { kind: ref.kind } });
      return;
    }
    // A ReplicationController's selector is a plain map (and, when empty, defaults to the template's labels).
    const requirements = replicationController ? equalityRequirements(doc, selector) : labelSelectorRequirements(doc, selector);
    const labels = getMapAt(doc, template, ['metadata', 'labels']);
    const lookup: LabelLookup = (key) => {
      const pair = labels && findPair(doc, labels, key);
      if (!pair) return undefined;
      const value = resolveNode(doc, pair.value);
      return { value: isScalar(value) && typeof value.value === 'string' ? value.value : undefined };
    };
    const unmet = requirements.filter((requirement) => matches(requirement, lookup) === false);
    const missing = unmet.filter((requirement) => requirement.type === 'label' && !lookup(requirement.key));
    let missingFixOffered = false;
    for (const requirement of unmet) {
      const data = { kind: ref.kind, key: requirement.key };
      if (requirement.type === 'expression') {
        const requirementText = describeRequirement(requirement);
        context.report({
          node: requirement.node,
          messageId: 'expressionUnmatched',
          data: { ...data, requirement: requirementText },
        });
        continue;
      }
      const actual = lookup(requirement.key)?.value;
      if (actual === undefined) {
        // With a labels map, each finding adds its own line; without one, the first
        // finding creates the map with every missing label (two would create it twice).
        const fix = labels
          ? addLabels(context, labels, [requirement])
          : missingFixOffered
            ? []
            : createLabels(context, template, missing);
        missingFixOffered = true;
        context.report({
          node: requirement.pair,
          messageId: 'labelMissing',
          data: { ...data, value: requirement.value },
          fixes: fix,
        });
      } else {
        const fix = labels ? setLabel(context, labels, requirement) : [];
        context.report({
          node: requirement.pair,
          messageId: 'labelDiffers',
          data: { ...data, value: requirement.value, actual },
          fixes: fix,
        });
      }
    }
  },
);

type LabelRequirement = Extract<Requirement, { type: 'label' }>;

/** `key: value` as written in the selector, when both are single-line scalars. */
function sourceLine(context: RuleContext, requirement: Requirement): string | undefined {
  if (requirement.type !== 'label') return undefined;
  const key = sourceOf(context.text, requirement.pair.key);
  const value = sourceOf(context.text, requirement.pair.value);
  return key === undefined || value === undefined ? undefined : `${key}: ${value}`;
}

function sourceOf(text: string, node: unknown): string | undefined {
  // An alias would copy a reference to an anchor that may come later in the document.
  if (!isScalar(node) || !node.range) return undefined;
  const source = text.slice(node.range[0], node.range[1]);
  return source.includes('\n') || source === '' ? undefined : source;
}

function addLabels(context: RuleContext, labels: YAMLMap, requirements: readonly Requirement[]): OffsetFix[] {
  const lines = requirements.map((requirement) => sourceLine(context, requirement));
  if (lines.some((line) => line === undefined)) return [];
  const edit = insertIntoBlockMap(context.text, labels, lines as string[]);
  return fix(
    requirements.length === 1
      ? `Add label '${lines[0] ?? ''}' to the pod template`
      : 'Add the selector labels to the pod template',
    edit,
  );
}

function createLabels(context: RuleContext, template: YAMLMap, requirements: readonly Requirement[]): OffsetFix[] {
  const lines = requirements.map((requirement) => sourceLine(context, requirement));
  if (lines.some((line) => line === undefined)) return [];
  const { doc } = context.object;
  const metadataPair = findPair(doc, template, 'metadata');
  const metadata = getMap(doc, template, 'metadata');
  const title = 'Add the selector labels to the pod template';
  if (metadata) {
    if (findPair(doc, metadata, 'labels')) return []; // `labels:` with no map: not ours to guess
    return fix(title, insertIntoBlockMap(context.text, metadata, ['labels:', ...lines.map((line) => `  ${line ?? ''}`)]));
  }
  if (metadataPair) return [];
  return fix(
    title,
    insertIntoBlockMap(context.text, template, ['metadata:', '  labels:', ...lines.map((line) => `    ${line ?? ''}`)]),
  );
}

function setLabel(context: RuleContext, labels: YAMLMap, requirement: LabelRequirement): OffsetFix[] {
  const pair = findPair(context.object.doc, labels, requirement.key);
  const value = sourceOf(context.text, requirement.pair.value);
  // A label merged in from an anchor is shared: not ours to change.
  if (!pair || value === undefined || !labels.items.includes(pair)) return [];
  return fix(
    `Set the pod template label '${requirement.key}' to '${requirement.value}'`,
    replaceScalar(context.text, pair.value, value),
  );
}

/** Every fix here changes which pods carry which labels: offered, never applied on save. */
function fix(title: string, edit: OffsetEdit | undefined): OffsetFix[] {
  return edit ? [{ title, edits: [edit], fixAll: false }] : [];
}
