/**
 * invalid-prometheus-flag: Prometheus server flags in a container's command or args
 * whose value Prometheus cannot read; it exits at start with a flag error, and the pod
 * crash-loops. Both `--flag=value` and `--flag value` are read; the finding is on the
 * value's characters.
 */
import type { YAMLSeq } from 'yaml';
import { getSeq } from '../../document/yamlNodes';
import { allContainers } from '../../kubernetes/workloads';
import { TEMPLATED } from '../../kubernetes/labelSyntax';
import { DURATION_FORMAT, parseFlagSize, parsePrometheusDuration, SIZE_FORMAT } from '../../kubernetes/prometheus/notation';
import type { Parsed } from '../../kubernetes/prometheus/notation';
import { defineRule } from '../api/ruleTypes';
import type { RuleContext } from '../api/ruleTypes';
import { embeddedText } from '../api/embeddedText';

interface FlagFormat {
  parse(text: string): Parsed<number>;
  format: string;
}

const INTEGER: FlagFormat = {
  parse: (text) =>
    /^\d{1,18}$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, reason: 'it is not a whole number' },
  format: 'a whole number, such as 50000000',
};

const FLAGS: ReadonlyMap<string, FlagFormat> = new Map([
  ['--storage.tsdb.retention.time', { parse: parsePrometheusDuration, format: DURATION_FORMAT }],
  ['--storage.tsdb.retention', { parse: parsePrometheusDuration, format: DURATION_FORMAT }],
  ['--storage.tsdb.retention.size', { parse: parseFlagSize, format: SIZE_FORMAT }],
  ['--query.max-samples', INTEGER],
  ['--query.max-concurrency', INTEGER],
  ['--query.timeout', { parse: parsePrometheusDuration, format: DURATION_FORMAT }],
]);

export const invalidPrometheusFlag = defineRule(
  {
    id: 'invalid-prometheus-flag',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { workloads: true },
    description: 'Prometheus flags for retention and query limits in container args have values Prometheus can read.',
    why: 'Prometheus parses its flags at start and exits on the first value it cannot read: the pod crash-loops and no metrics are collected or served until the manifest is fixed. Retention is a duration (`15d`, not `15 days`), the retention size a number with a unit ending in B (`50GB`, not `50G` or `50Gi`), and `--query.max-samples` and `--query.max-concurrency` whole numbers. These flags are the guards against expensive queries and full disks, so a typo in them costs the guard too.',
    remediation:
      'Write the flag value in the format Prometheus expects: a duration such as 15d, a size such as 50GB, or a whole number.',
    equivalents: [],
    messages: {
      invalid: '{{flag}}={{value}} is not valid: {{reason}}. Prometheus exits at start. Expected {{format}}.',
    },
    fixable: false,
  },
  (context) => {
    for (const container of allContainers(context.object)) {
      for (const field of ['command', 'args'])
        checkArgs(context, getSeq(context.object.doc, container.node, field), container.name);
    }
  },
);

function checkArgs(context: RuleContext, seq: YAMLSeq | undefined, container: string | undefined): void {
  const items = seq?.items ?? [];
  items.forEach((item, index) => {
    const arg = embeddedText(item, context.text);
    if (!arg || TEMPLATED.test(arg.text)) return;
    const equals = arg.text.indexOf('=');
    const name = equals === -1 ? arg.text : arg.text.slice(0, equals);
    const format = FLAGS.get(name.replace(/^-(?!-)/, '--'));
    if (!format) return;
    // `--flag=value`, or `--flag` and the value as the next item.
    const valueArg = equals === -1 ? embeddedText(items[index + 1], context.text) : arg;
    if (!valueArg || TEMPLATED.test(valueArg.text)) return;
    const from = equals === -1 ? 0 : equals + 1;
    const value = valueArg.text.slice(from);
    const parsed = format.parse(value);
    if (parsed.ok) return;
    const [start, end] = valueArg.toDocument(from, valueArg.text.length);
    context.report({
      at: [start, Math.max(end, start)],
      messageId: 'invalid',
      data: { flag: name, value, reason: parsed.reason, format: format.format },
      ...(container === undefined ? {} : { container }),
    });
  });
}
