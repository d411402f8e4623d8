/**
 * monitor-missing-limits: a ServiceMonitor, PodMonitor or Probe without `sampleLimit`.
 * Without it one target that starts exposing a high-cardinality metric (a label per
 * user or path) is ingested whole; with it, Prometheus fails that scrape and says so
 * (`up == 0`, `prometheus_target_scrapes_exceeded_sample_limit_total`).
 */
import { isNode } from 'yaml';
import { findPair, getMap, getString, hasKey } from '../../document/yamlNodes';
import { defineRule } from '../api/ruleTypes';
import { OPERATOR_GROUP } from './monitoringObjects';
import { prometheusConfigsOf } from './prometheusConfig';

/** A typical exporter (KNOWLEDGE.md's worked example: 1,700 targets of some 700 series each). */
const DEFAULT_SERIES_PER_TARGET = 700;

export const monitorMissingLimits = defineRule(
  {
    id: 'monitor-missing-limits',
    type: 'suggestion',
    defaultSeverity: 'information',
    scope: { kinds: ['ServiceMonitor', 'PodMonitor', 'Probe', 'ConfigMap'] },
    description: 'ServiceMonitors, PodMonitors, Probes and the scrape jobs of a prometheus.yml set a sample limit.',
    why: 'A scrape without limits ingests whatever the target exposes. One deploy that adds a label per user, path or request id to a metric can add hundreds of thousands of series in minutes, and the whole Prometheus server runs out of memory, not just that target. `sampleLimit` makes Prometheus reject such a scrape (the target shows `up == 0` and a counter records it) and `labelLimit` caps the labels per series: the damage stays with the target that caused it.',
    remediation: 'Set spec.sampleLimit (and spec.labelLimit) to a few times what the target exposes today.',
    equivalents: [],
    messages: {
      job: "Scrape job '{{job}}' sets no sample_limit: a target that starts exposing unbounded series is ingested whole, and can take the Prometheus server down (sample_limit: {{suggested}} for {{perTarget}} series per target).",
      missing:
        "{{kind}} '{{name}}' sets no {{missing}}: a target that starts exposing unbounded series is ingested whole, and can take the Prometheus server down. A few times what a target exposes is a start (sampleLimit: {{suggested}} for {{perTarget}} series per target).",
    },
    fixable: false,
    options: {
      meta: {
        section: 'monitoring',
        description: 'What Kubewise assumes about your scrape targets.',
        properties: {
          seriesPerTarget: {
            schema: { type: 'integer', minimum: 1 },
            setting: { type: 'integer', minimum: 1 },
            description: `Series one scrape target exposes, assumed by the ServiceMonitor/PodMonitor hover's samples-per-second estimate and the sampleLimit this rule suggests. Default ${DEFAULT_SERIES_PER_TARGET}.`,
            markdownDescription: `Series one scrape target exposes: the ServiceMonitor/PodMonitor hover multiplies its targets by this for samples per second (shown as an assumption), and \`monitor-missing-limits\` suggests a \`sampleLimit\` of four times it. Overrides \`monitoring.seriesPerTarget\` in \`.kubewise.yaml\`. Unset: \`.kubewise.yaml\`, else ${DEFAULT_SERIES_PER_TARGET}.`,
            default: DEFAULT_SERIES_PER_TARGET,
          },
        },
      },
      resolve: (values): number =>
        typeof values.seriesPerTarget === 'number' && values.seriesPerTarget >= 1
          ? values.seriesPerTarget
          : DEFAULT_SERIES_PER_TARGET,
    },
  },
  (context) => {
    const { object } = context;
    for (const config of prometheusConfigsOf(object, context.text)) {
      const global = getMap(config.doc, config.root, 'global');
      if (global && hasKey(config.doc, global, 'sample_limit')) continue;
      for (const job of config.scrapeConfigs) {
        if (hasKey(config.doc, job, 'sample_limit')) continue;
        const name = findPair(config.doc, job, 'job_name');
        const at = isNode(name?.value) ? config.locate(name.value) : undefined;
        if (!at) continue;
        const jobName = getString(config.doc, job, 'job_name') ?? '';
        context.report({
          at,
          messageId: 'job',
          data: { job: jobName, suggested: context.options * 4, perTarget: context.options },
        });
      }
    }
    if (!object.ref.apiVersion.startsWith(OPERATOR_GROUP)) return;
    const { doc } = object;
    const spec = getMap(doc, object.root, 'spec');
    if (!spec) return;
    const missing = ['sampleLimit', 'labelLimit'].filter((key) => !hasKey(doc, spec, key));
    if (missing.length === 0 || (missing.length === 1 && missing[0] === 'labelLimit')) return;
    const metadata = getMap(doc, object.root, 'metadata');
    context.report({
      node: (metadata ? findPair(doc, metadata, 'name') : undefined) ?? object.root,
      messageId: 'missing',
      data: {
        kind: object.ref.kind,
        name: object.ref.name ?? '',
        missing: missing.join(' or '),
        suggested: context.options * 4,
        perTarget: context.options,
      },
    });
  },
);
