/**
 * Endpoint addresses no Service can send traffic to: loopback (127.0.0.0/8, ::1), link-local
 * (169.254.0.0/16, fe80::/10), multicast and unspecified addresses (the API rejects most of
 * them for Endpoints, and kube-proxy would send traffic to the node itself), and a host
 * name where an IP is required (an Endpoints `ip`, an IPv4/IPv6 EndpointSlice).
 */
import { isScalar } from 'yaml';
import type { Node } from 'yaml';
import { findPair, getSeq, getString, mapItems, resolveNode } from '../../document/yamlNodes';
import { parseIp } from '../../kubernetes/ipAddresses';
import { defineRule } from '../api/ruleTypes';
import type { RuleContext } from '../api/ruleTypes';

export const endpointsAddressInvalid = defineRule(
  {
    id: 'endpoints-address-invalid',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { kinds: ['Endpoints', 'EndpointSlice'] },
    description: 'Endpoint addresses are routable IP addresses: not loopback, link-local, multicast or a host name.',
    why: "A Service without a selector sends its traffic to the addresses its Endpoints or EndpointSlices list, and kube-proxy programs every node to forward to them. A loopback address (127.0.0.0/8, ::1) would mean each node itself, a link-local one (169.254.0.0/16, fe80::/10) only the node's own link, and a multicast or unspecified address no host at all; the API rejects most of them. A host name is not an IP: for an outside host known by name, an ExternalName Service is the tool.",
    remediation:
      "Use the external host's routable IP address, or an ExternalName Service when the host is known by its DNS name.",
    equivalents: [],
    messages: {
      special: "'{{address}}' is a {{why}} address: no Service can send traffic to it through kube-proxy.",
      hostname: "'{{address}}' is not an IP address: endpoints need IPs. For a host known by name, use an ExternalName Service.",
    },
    fixable: false,
  },
  (context) => {
    const { doc, root, ref } = context.object;
    if (ref.kind === 'Endpoints') {
      for (const subset of mapItems(doc, getSeq(doc, root, 'subsets'))) {
        for (const field of ['addresses', 'notReadyAddresses']) {
          for (const address of mapItems(doc, getSeq(doc, subset, field))) {
            const pair = findPair(doc, address, 'ip');
            if (pair) check(context, resolveNode(doc, pair.value));
          }
        }
      }
      return;
    }
    const type = getString(doc, root, 'addressType');
    if (type !== 'IPv4' && type !== 'IPv6') return; // FQDN slices hold names
    for (const endpoint of mapItems(doc, getSeq(doc, root, 'endpoints'))) {
      for (const item of getSeq(doc, endpoint, 'addresses')?.items ?? []) check(context, resolveNode(doc, item));
    }
  },
);

function check(context: RuleContext, node: unknown): void {
  if (!isScalar(node) || typeof node.value !== 'string' || /\{\{|\$\{/.test(node.value)) return;
  const address = node.value;
  const ip = parseIp(address);
  if (!ip) {
    if (/^[A-Za-z0-9.-]+$/.test(address) && /[A-Za-z]/.test(address)) {
      context.report({ node: node as Node, messageId: 'hostname', data: { address } });
    }
    return;
  }
  if (ip.special) context.report({ node: node as Node, messageId: 'special', data: { address, why: ip.special } });
}
