/**
 * monitor-labelmap-all-labels: a ServiceMonitor or PodMonitor relabeling with
 * `action: labelmap` over every pod, service, node or endpoint label
 * (`__meta_kubernetes_pod_label_(.+)`): each Kubernetes label, present and future,
 * becomes a dimension of every series of every target. The same in a plain
 * prometheus.yml held in a ConfigMap, on the characters inside the string.
 */
import { isNode } from 'yaml';
import { findPair, getSeq, getString, mapItems } from '../../document/yamlNodes';
import { defineRule } from '../api/ruleTypes';
import { scrapeEndpoints } from './monitoringObjects';
import { prometheusConfigsOf } from './prometheusConfig';

/** A regex that captures any label name after a Kubernetes `_label_` meta label. */
const ALL_LABELS = /__meta_kubernetes_(pod|service|node|endpoints?|endpointslice|namespace|ingress)_label_\(\.[+*]\)/;

export const monitorLabelmapAllLabels = defineRule(
  {
    id: 'monitor-labelmap-all-labels',
    type: 'suggestion',
    defaultSeverity: 'warning',
    scope: { kinds: ['ServiceMonitor', 'PodMonitor', 'ConfigMap'] },
    description:
      'Relabelings copy named labels onto targets, not every pod or service label (labelmap over `_label_(.+)`), in monitors and in prometheus.yml.',
    why: 'A `labelmap` relabeling over `__meta_kubernetes_pod_label_(.+)` turns every label of every pod into a dimension of every series scraped from it. Any label added later, by anyone (a commit hash, a build timestamp, a pod-template-hash), multiplies the series count of every metric, and a new value per rollout leaves the old series behind until retention. Copying named labels keeps the series count a decision.',
    remediation:
      'Replace the labelmap with `podTargetLabels` / `targetLabels` or with `replace` relabelings for the few labels you query by.',
    equivalents: [],
    messages: {
      labelmap:
        "labelmap over '{{regex}}' copies every {{what}} label onto every series: each label added later multiplies the series count. Copy the labels you need by name.",
    },
    fixable: false,
  },
  (context) => {
    const { doc } = context.object;
    for (const endpoint of scrapeEndpoints(context.object)) {
      for (const field of ['relabelings', 'metricRelabelings']) {
        for (const relabeling of mapItems(doc, getSeq(doc, endpoint, field))) {
          const action = getString(doc, relabeling, 'action');
          const regex = getString(doc, relabeling, 'regex');
          const match = regex === undefined ? undefined : ALL_LABELS.exec(regex);
          if (action?.toLowerCase() !== 'labelmap' || !match || regex === undefined) continue;
          context.report({
            node: findPair(doc, relabeling, 'regex') ?? relabeling,
            messageId: 'labelmap',
            data: { regex, what: match[1] ?? 'pod' },
          });
        }
      }
    }
    // The same in plain configuration: scrape_configs[].relabel_configs of a prometheus.yml.
    for (const config of prometheusConfigsOf(context.object, context.text)) {
      for (const job of config.scrapeConfigs) {
        for (const field of ['relabel_configs', 'metric_relabel_configs']) {
          for (const relabeling of mapItems(config.doc, getSeq(config.doc, job, field))) {
            const action = getString(config.doc, relabeling, 'action');
            const regex = getString(config.doc, relabeling, 'regex');
            const match = regex === undefined ? undefined : ALL_LABELS.exec(regex);
            const regexPair = findPair(config.doc, relabeling, 'regex');
            const at = isNode(regexPair?.value) ? config.locate(regexPair.value) : undefined;
            if (action?.toLowerCase() !== 'labelmap' || !match || regex === undefined || !at) continue;
            context.report({ at, messageId: 'labelmap', data: { regex, what: match[1] ?? 'pod' } });
          }
        }
      }
    }
  },
);
