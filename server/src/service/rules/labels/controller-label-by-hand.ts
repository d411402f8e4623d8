/**
 * controller-label-by-hand: a label only a controller should write (`pod-template-hash`,
 * `controller-revision-hash`, `statefulset.kubernetes.io/pod-name`…) written in a
 * manifest's labels or selector. Objects a controller made (with ownerReferences) are
 * left alone; a Service selecting one StatefulSet pod by its pod-name label is the
 * documented pattern and is not reported.
 */
import type { Node } from 'yaml';
import { CONTROLLER_LABELS } from '../../kubernetes/controllerLabels';
import { defineRule } from '../api/ruleTypes';
import { removeBlockPair } from '../api/fixes/removePair';
import { generatedObject } from './generatedObject';
import { labelPairsOf } from './labelPairs';

export const controllerLabelByHand = defineRule(
  {
    id: 'controller-label-by-hand',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { all: true },
    description: 'Labels that controllers write (pod-template-hash, controller-revision-hash, pod-name) are not written by hand.',
    why: "Controllers own some labels: the Deployment controller stamps `pod-template-hash` on each ReplicaSet and its pods, StatefulSets and DaemonSets stamp `controller-revision-hash` and `statefulset.kubernetes.io/pod-name`, Jobs stamp `controller-uid` and `job-name`. Written in a template they are overwritten with the controller's value; in a workload's selector they pin it to one revision, so the next rollout's pods no longer match and the rollout stalls. Their values are also per revision or per pod: as series dimensions they multiply series with every rollout.",
    remediation: 'Remove controller-written labels from templates and selectors, and select on your own stable labels instead.',
    equivalents: [],
    messages: {
      byHand:
        "'{{key}}' is written by a controller ({{owner}}): a value written here is overwritten, or pins a selector to one revision. Remove it.",
    },
    fixable: true,
  },
  (context) => {
    const { object } = context;
    if (generatedObject(object)) return;
    for (const label of labelPairsOf(object)) {
      const owner = CONTROLLER_LABELS.get(label.key);
      if (!owner) continue;
      // A Service selecting one StatefulSet pod by name is how per-pod Services are made.
      if (!label.labels && object.ref.kind === 'Service') continue;
      const edit = removeBlockPair(context.text, label.map, label.pair);
      context.report({
        node: label.keyNode as Node,
        messageId: 'byHand',
        data: { key: label.key, owner },
        fixes: edit ? [{ title: `Remove '${label.key}'`, edits: [edit], fixAll: false }] : [],
      });
    }
  },
);
