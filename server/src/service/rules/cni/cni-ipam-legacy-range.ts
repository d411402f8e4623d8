/**
 * host-local's legacy single range (`subnet`, `rangeStart`, `rangeEnd`, `gateway` at the
 * top of the ipam section): still read, but deprecated in favour of `ranges`. The fix
 * moves the keys into a `ranges` entry, which host-local reads the same way.
 */
import { isNode, isScalar } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import { cniConfigs } from '../../cni/cniDocument';
import { findPair } from '../../document/yamlNodes';
import { defineDocumentRule } from '../api/ruleTypes';
import type { OffsetEdit } from '../api/ruleTypes';
import { nodeOf, readableConfig } from './cniRule';
import { addressIpams } from './ipamRanges';

const LEGACY = ['subnet', 'rangeStart', 'rangeEnd', 'gateway'];

export const cniIpamLegacyRange = defineDocumentRule(
  {
    id: 'cni-ipam-legacy-range',
    type: 'suggestion',
    defaultSeverity: 'information',
    documents: cniConfigs,
    description: 'A host-local IPAM section lists its ranges in ranges, not as the deprecated single range at its top.',
    why: 'Older host-local versions took one range written at the top of the ipam section ("subnet", "rangeStart", "rangeEnd", "gateway"). That form is deprecated: it can hold only one address family, so adding IPv6 (dual stack) means rewriting it anyway, and configs that mix both forms are easy to misread (host-local puts the legacy range first).',
    remediation: 'Move the range into "ranges": [[{"subnet": …, "rangeStart": …, "rangeEnd": …, "gateway": …}]].',
    equivalents: [],
    messages: {
      legacy:
        'A single range at the top of the ipam section is deprecated: write it as "ranges": [[{"subnet": "{{subnet}}"…}]] (host-local reads it the same way).',
    },
    fixable: true,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    for (const ipam of addressIpams(config)) {
      if (ipam.type !== 'host-local') continue;
      const subnet = findPair(config.doc, ipam.map, 'subnet');
      if (!subnet) continue;
      const edits = findPair(config.doc, ipam.map, 'ranges') ? undefined : rangesEdits(context.text, ipam.map);
      context.report({
        node: nodeOf(subnet.key),
        messageId: 'legacy',
        data: { subnet: isScalar(subnet.value) ? String(subnet.value.value) : '…' },
        fixes: edits ? [{ title: 'Move the range into "ranges"', edits }] : [],
      });
    }
  },
);

/** Replaces `subnet` with a `ranges` entry holding every legacy key, and removes the others. */
function rangesEdits(text: string, map: YAMLMap): OffsetEdit[] | undefined {
  const items = map.items;
  const legacy = items.filter((pair) => isScalar(pair.key) && LEGACY.includes(String(pair.key.value)));
  const subnet = legacy.find((pair) => isScalar(pair.key) && pair.key.value === 'subnet');
  const spans = legacy.map(span);
  if (!subnet || spans.some((s) => s === undefined)) return undefined;
  const members = legacy.map((pair, i) => text.slice(spans[i]![0], spans[i]![1]));
  const edits: OffsetEdit[] = [];
  const [subnetStart, subnetEnd] = span(subnet)!;
  edits.push({ start: subnetStart, end: subnetEnd, text: `"ranges": [[{${members.join(', ')}}]]` });
  // The other legacy keys go, in runs of neighbours, each run with the commas around it.
  let index = 0;
  while (index < items.length) {
    const pair = items[index]!;
    if (pair === subnet || !legacy.includes(pair)) {
      index++;
      continue;
    }
    let last = index;
    while (last + 1 < items.length && legacy.includes(items[last + 1]!) && items[last + 1] !== subnet) last++;
    const next = items[last + 1];
    const runStart = span(pair)![0];
    const runEnd = span(items[last]!)![1];
    if (next) {
      const nextStart = span(next)?.[0];
      if (nextStart === undefined || !/^\s*,\s*$/.test(text.slice(runEnd, nextStart))) return undefined;
      edits.push({ start: runStart, end: nextStart, text: '' });
    } else {
      const previousEnd = index > 0 ? span(items[index - 1]!)?.[1] : undefined;
      if (previousEnd === undefined || !/^\s*,\s*$/.test(text.slice(previousEnd, runStart))) return undefined;
      edits.push({ start: previousEnd, end: runEnd, text: '' });
    }
    index = last + 1;
  }
  return edits;
}

function span(pair: Pair<unknown, unknown>): [number, number] | undefined {
  const start = isNode(pair.key) ? pair.key.range?.[0] : undefined;
  const end = isNode(pair.value) ? pair.value.range?.[1] : undefined;
  return start === undefined || end === undefined ? undefined : [start, end];
}
