/**
 * high-cardinality-label-value: a label value shaped like something unbounded (a UUID,
 * a timestamp, a commit hash, an IP address, a per-pod name, a random string). The
 * shapes are in kubernetes/labelValueShape.ts, strict enough that names and versions
 * stay silent. The fix moves the pair to annotations, unless a selector of the object
 * reads the label.
 */
import { isScalar } from 'yaml';
import { labelValueShape } from '../../kubernetes/labelValueShape';
import { CONTROLLER_LABELS } from '../../kubernetes/controllerLabels';
import { TEMPLATED } from '../../kubernetes/labelSyntax';
import { defineRule } from '../api/ruleTypes';
import { labelPairsOf, selectorReads } from './labelPairs';
import { moveToAnnotations } from './moveToAnnotations';
import { generatedObject } from './generatedObject';

export const highCardinalityLabelValue = defineRule(
  {
    id: 'high-cardinality-label-value',
    type: 'suggestion',
    defaultSeverity: 'warning',
    scope: { all: true },
    description: 'Label values are bounded: no UUIDs, timestamps, hashes, addresses or per-pod names.',
    why: 'Every distinct combination of label values is a new time series. When kube-state-metrics exports labels (`kube_pod_labels`) or a ServiceMonitor copies them onto targets, a value that changes per deploy, per pod or per request (a commit hash, a timestamp, a UUID) creates new series each time while the old ones linger until retention: memory, index size and query time grow without bound. Above some 10,000 series a query is slow; a busy cluster reaches that quickly. Annotations hold the same information for people and tools and are never series dimensions.',
    remediation: 'Move unbounded values such as build ids, hashes and timestamps from labels to annotations.',
    equivalents: [],
    messages: {
      shaped:
        "The value of label '{{key}}' looks like {{shape}}: every new value is a new time series wherever this label is exported. Move it to annotations, which are never series dimensions.",
      selected:
        "The value of label '{{key}}' looks like {{shape}}: every new value is a new time series. {{selector}} selects on it, so it cannot simply move to annotations: select on a stable label, then move this one.",
    },
    fixable: true,
  },
  (context) => {
    const { object } = context;
    if (generatedObject(object)) return;
    for (const label of labelPairsOf(object)) {
      if (!label.labels || CONTROLLER_LABELS.has(label.key) || !isScalar(label.value)) continue;
      const value = label.value.value;
      if (typeof value !== 'string' || TEMPLATED.test(value)) continue;
      const shape = labelValueShape(value);
      if (!shape) continue;
      const selector = label.labels.of === 'template' ? selectorReads(object, label.key) : undefined;
      if (selector) {
        context.report({ node: label.value, messageId: 'selected', data: { key: label.key, shape: shape.shape, selector } });
        continue;
      }
      const fix = moveToAnnotations(object, context.text, label.labels, label.pair, label.key);
      context.report({
        node: label.value,
        messageId: 'shaped',
        data: { key: label.key, shape: shape.shape },
        fixes: fix ? [fix] : [],
      });
    }
  },
);
