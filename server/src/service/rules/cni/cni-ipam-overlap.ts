/**
 * host-local's range sets: each one a pool of one address family (it refuses "mixed
 * address families"), and no two ranges handing out the same addresses, in one set or
 * across sets (it refuses overlaps, which would give two interfaces one address).
 */
import { cniConfigs } from '../../cni/cniDocument';
import { defaultRange } from '../../cni/addresses';
import { defineDocumentRule } from '../api/ruleTypes';
import { nodeOf, readableConfig } from './cniRule';
import { addressIpams, rangeSets } from './ipamRanges';
import type { RangeEntry } from './ipamRanges';

interface Allocatable {
  entry: RangeEntry;
  set: number;
  family: 4 | 6;
  start: bigint;
  end: bigint;
  text: string;
}

export const cniIpamOverlap = defineDocumentRule(
  {
    id: 'cni-ipam-overlap',
    type: 'problem',
    defaultSeverity: 'error',
    documents: cniConfigs,
    description: 'The ranges of a host-local IPAM section do not overlap, and each range set holds one address family.',
    why: 'Each host-local range set gives the interface one address, so a set mixing IPv4 and IPv6 ranges has no meaning and host-local refuses it ("mixed address families"). Ranges that overlap, in one set or across sets, could hand the same address out twice; host-local refuses them too ("subnets … overlap"). Either way every pod on the node fails to start.',
    remediation:
      'Give each range set ranges of one family, and make the ranges disjoint (separate subnets, or rangeStart/rangeEnd that do not meet).',
    equivalents: [],
    messages: {
      mixed:
        '{{text}} is IPv{{family}} in a range set that starts with IPv{{other}}: one set is one address, of one family. Put it in a range set of its own.',
      overlapInSet: '{{text}} overlaps {{other}} in the same range set: host-local refuses overlapping ranges.',
      overlapAcrossSets: '{{text}} overlaps {{other}} in range set {{otherSet}}: host-local refuses overlapping range sets.',
    },
    fixable: false,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    for (const ipam of addressIpams(config)) {
      if (ipam.type !== 'host-local') continue;
      const seen: Allocatable[] = [];
      rangeSets(config, ipam.map).forEach((set, setIndex) => {
        let family: 4 | 6 | undefined;
        for (const entry of set) {
          const cidr = entry.subnet?.cidr;
          if (!cidr || !entry.subnet) continue;
          const node = nodeOf(entry.subnet.pair.value);
          if (family !== undefined && cidr.family !== family) {
            context.report({ node, messageId: 'mixed', data: { text: cidr.text, family: cidr.family, other: family } });
            continue;
          }
          family = cidr.family;
          const bounds = defaultRange(cidr);
          const start = entry.rangeStart?.ip?.family === cidr.family ? entry.rangeStart.ip.value : bounds.start;
          const end = entry.rangeEnd?.ip?.family === cidr.family ? entry.rangeEnd.ip.value : bounds.end;
          const range: Allocatable = { entry, set: setIndex, family: cidr.family, start, end, text: cidr.text };
          const clash = seen.find(
            (other) => other.family === range.family && other.start <= range.end && range.start <= other.end,
          );
          if (clash) {
            context.report({
              node,
              messageId: clash.set === setIndex ? 'overlapInSet' : 'overlapAcrossSets',
              data: { text: range.text, other: clash.text, otherSet: clash.set + 1 },
            });
            continue;
          }
          seen.push(range);
        }
      });
    }
  },
);
