/**
 * host-local subnets (and static addresses) as the plugin parses them: a CIDR, with the
 * network address (host-local refuses host bits), and room to allocate from (it refuses
 * IPv4 /31 and /32, IPv6 /127 and /128). The fix writes the network address; it is never
 * applied on save, since the block it names may not be the one meant.
 */
import { cniConfigs } from '../../cni/cniDocument';
import { hasHostBits, networkCidr, parseCidr } from '../../cni/addresses';
import { defineDocumentRule } from '../api/ruleTypes';
import { nodeOf, readableConfig } from './cniRule';
import { addressIpams, rangeSets, staticAddresses, stringField } from './ipamRanges';
import { replaceValue } from './jsonEdits';

export const cniIpamSubnet = defineDocumentRule(
  {
    id: 'cni-ipam-subnet',
    type: 'problem',
    defaultSeverity: 'error',
    documents: cniConfigs,
    description:
      'Every host-local subnet is a CIDR written with its network address and large enough to allocate from; every static address is a CIDR.',
    why: 'host-local parses each subnet with Go’s net.ParseCIDR and then refuses, at the first pod, a block written with host bits set ("10.244.1.1/24": "network has host bits set") and a block too small to allocate from (an IPv4 /31 or /32, an IPv6 /127 or /128). A typo such as "10.244.0.0/33" or a missing prefix fails the same way. Every pod on the node then fails to start with "failed to set up sandbox".',
    remediation:
      'Write each subnet as its network address and a prefix of at most /30 (IPv4) or /126 (IPv6), such as 10.244.1.0/24.',
    equivalents: [],
    messages: {
      invalid: '"{{text}}" is not a CIDR (an address and a prefix length, such as 10.244.0.0/16): host-local refuses it.',
      noPrefix: '"{{text}}" has no prefix length: a subnet is a CIDR, such as {{text}}/24.',
      hostBits: '{{text}} has host bits set: host-local refuses it. The network address of this /{{prefix}} is {{network}}.',
      tooSmall:
        '{{text}} is too small to allocate from: host-local needs at least a /{{largest}} (a network and a broadcast address, a gateway, one pod).',
      invalidAddress: '"{{text}}" is not an address with a prefix length (such as 10.10.0.1/24): the static plugin refuses it.',
    },
    fixable: true,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    for (const ipam of addressIpams(config)) {
      if (ipam.type === 'static') {
        for (const address of staticAddresses(config, ipam.map)) {
          const field = stringField(config, address, 'address');
          if (field && !parseCidr(field.text)) {
            context.report({ node: nodeOf(field.pair.value), messageId: 'invalidAddress', data: { text: field.text } });
          }
        }
        continue;
      }
      for (const set of rangeSets(config, ipam.map)) {
        for (const range of set) {
          const subnet = range.subnet;
          if (!subnet) continue;
          const node = nodeOf(subnet.pair.value);
          const cidr = subnet.cidr;
          if (!cidr) {
            const noPrefix = !subnet.text.includes('/') && parseCidr(`${subnet.text}/0`) !== undefined;
            context.report({ node, messageId: noPrefix ? 'noPrefix' : 'invalid', data: { text: subnet.text } });
            continue;
          }
          if (hasHostBits(cidr)) {
            const network = networkCidr(cidr);
            const edit = replaceValue(subnet.pair.value, JSON.stringify(network));
            context.report({
              node,
              messageId: 'hostBits',
              data: { text: cidr.text, prefix: cidr.prefix, network },
              fixes: edit ? [{ title: `Change to ${network}`, edits: [edit], fixAll: false }] : [],
            });
            continue;
          }
          const largest = cidr.family === 4 ? 30 : 126;
          if (cidr.prefix > largest) context.report({ node, messageId: 'tooSmall', data: { text: cidr.text, largest } });
        }
      }
    }
  },
);
