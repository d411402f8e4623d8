/** Routes of host-local and static IPAM: a destination CIDR, a gateway address of the same family. */
import { cniConfigs } from '../../cni/cniDocument';
import { parseCidr, parseIp } from '../../cni/addresses';
import { defineDocumentRule } from '../api/ruleTypes';
import { nodeOf, readableConfig } from './cniRule';
import { addressIpams, routesOf, stringField } from './ipamRanges';

export const cniIpamRoute = defineDocumentRule(
  {
    id: 'cni-ipam-route',
    type: 'problem',
    defaultSeverity: 'error',
    documents: cniConfigs,
    description: 'Every IPAM route has a destination CIDR and, if it names one, a gateway address of the same family.',
    why: 'IPAM plugins parse each route with Go’s net package and refuse the whole config on the first bad one: "dst": "0.0.0.0" (no prefix) or "default" fails every pod’s network setup on the node. A gateway of the other family (an IPv6 next hop for an IPv4 destination) is refused when the route is added in the pod, again at ADD time.',
    remediation: 'Write dst as a CIDR (0.0.0.0/0 for the default route, ::/0 in IPv6) and gw as an address of the same family.',
    equivalents: [],
    messages: {
      invalidDst: 'The route destination "{{text}}" is not a CIDR (such as 0.0.0.0/0 or 10.0.0.0/8): the IPAM plugin refuses it.',
      invalidGw: 'The route gateway "{{text}}" is not an IP address: the IPAM plugin refuses it.',
      familyMismatch:
        'The gateway {{gw}} is IPv{{gwFamily}}, the destination {{dst}} IPv{{dstFamily}}: the route cannot be added.',
    },
    fixable: false,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    for (const ipam of addressIpams(config)) {
      for (const route of routesOf(config, ipam.map)) {
        const dst = stringField(config, route, 'dst');
        const gw = stringField(config, route, 'gw');
        const cidr = dst ? parseCidr(dst.text) : undefined;
        if (dst && !cidr) context.report({ node: nodeOf(dst.pair.value), messageId: 'invalidDst', data: { text: dst.text } });
        const ip = gw ? parseIp(gw.text) : undefined;
        if (gw && !ip) context.report({ node: nodeOf(gw.pair.value), messageId: 'invalidGw', data: { text: gw.text } });
        if (gw && ip && cidr && ip.family !== cidr.family) {
          context.report({
            node: nodeOf(gw.pair.value),
            messageId: 'familyMismatch',
            data: { gw: gw.text, gwFamily: ip.family, dst: cidr.text, dstFamily: cidr.family },
          });
        }
      }
    }
  },
);
