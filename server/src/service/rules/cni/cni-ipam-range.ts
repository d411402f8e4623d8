/**
 * A host-local range's bounds and gateway: addresses of the subnet's family, inside the
 * subnet, and rangeStart no later than rangeEnd (host-local refuses the rest, or, for a
 * gateway outside the subnet, hands out a route nobody can use).
 */
import { cniConfigs } from '../../cni/cniDocument';
import { contains, defaultRange } from '../../cni/addresses';
import { defineDocumentRule } from '../api/ruleTypes';
import { nodeOf, readableConfig } from './cniRule';
import { addressIpams, rangeSets } from './ipamRanges';
import type { AddressField } from './ipamRanges';

export const cniIpamRange = defineDocumentRule(
  {
    id: 'cni-ipam-range',
    type: 'problem',
    defaultSeverity: 'error',
    documents: cniConfigs,
    description:
      'A host-local range’s rangeStart, rangeEnd and gateway are addresses inside its subnet, with rangeStart before rangeEnd.',
    why: 'host-local refuses a rangeStart or rangeEnd outside the subnet ("RangeStart … not in network …"), and a rangeEnd before rangeStart leaves nothing to allocate: every pod on the node then fails to start. A gateway outside the subnet is accepted, and the pods get a default route through an address they cannot reach: they start, and have no way out.',
    remediation:
      'Keep rangeStart, rangeEnd and gateway inside the subnet (same address family), with rangeStart at or before rangeEnd.',
    equivalents: [],
    messages: {
      notAnAddress: '{{key}} "{{text}}" is not an IP address.',
      outside: '{{key}} {{text}} is outside the subnet {{subnet}}: host-local refuses it.',
      gatewayOutside:
        'The gateway {{text}} is outside the subnet {{subnet}}: pods get a route through an address they cannot reach.',
      startAfterEnd: 'rangeStart {{start}} comes after rangeEnd {{end}}: the range is empty and host-local refuses it.',
    },
    fixable: false,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    for (const ipam of addressIpams(config)) {
      if (ipam.type !== 'host-local') continue;
      for (const set of rangeSets(config, ipam.map)) {
        for (const range of set) {
          const cidr = range.subnet?.cidr;
          const check = (field: AddressField | undefined, key: string): boolean => {
            if (!field) return true;
            const node = nodeOf(field.pair.value);
            if (!field.ip) {
              context.report({ node, messageId: 'notAnAddress', data: { key, text: field.text } });
              return false;
            }
            if (cidr && !contains(cidr, field.ip)) {
              const data = { key, text: field.text, subnet: cidr.text };
              context.report({ node, messageId: key === 'gateway' ? 'gatewayOutside' : 'outside', data });
              return false;
            }
            return true;
          };
          const startOk = check(range.rangeStart, 'rangeStart');
          const endOk = check(range.rangeEnd, 'rangeEnd');
          check(range.gateway, 'gateway');
          if (!cidr || !startOk || !endOk || !(range.rangeStart || range.rangeEnd)) continue;
          const start = range.rangeStart?.ip?.value ?? defaultRange(cidr).start;
          const end = range.rangeEnd?.ip?.value ?? defaultRange(cidr).end;
          if (start > end) {
            const field = range.rangeEnd ?? range.rangeStart!;
            context.report({
              node: nodeOf(field.pair.value),
              messageId: 'startAfterEnd',
              data: { start: range.rangeStart?.text ?? 'the default', end: range.rangeEnd?.text ?? 'the default' },
            });
          }
        }
      }
    }
  },
);
