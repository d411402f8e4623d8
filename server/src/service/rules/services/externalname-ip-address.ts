/**
 * An ExternalName Service whose `externalName` is an IP address. ExternalName is a DNS
 * CNAME (KNOWLEDGE §4): CoreDNS answers with a CNAME to the literal "10.0.0.5", which no
 * resolver turns into that address, so clients fail to resolve the Service. The way to
 * give an outside IP a Service name is a selector-less Service plus an EndpointSlice.
 */
import { findPair, getMap, getSeq, getString, mapItems, getScalarValue } from '../../document/yamlNodes';
import { parseIp } from '../../kubernetes/ipAddresses';
import { removeBlockPair } from '../api/fixes/removePair';
import { defineRule } from '../api/ruleTypes';
import type { OffsetEdit, OffsetFix, RuleContext } from '../api/ruleTypes';
import { appendDocuments, endpointSliceLines } from './endpointSliceText';
import type { SlicePort } from './endpointSliceText';

export const externalnameIpAddress = defineRule(
  {
    id: 'externalname-ip-address',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { kinds: ['Service'] },
    description: "An ExternalName Service's externalName is a DNS name, not an IP address.",
    why: 'An ExternalName Service is a DNS CNAME record: cluster DNS answers a lookup of the Service with the name written in `externalName`. An IP address written there becomes a CNAME to a host literally named "10.0.0.5", which resolvers do not turn back into the address, so clients of the Service fail to resolve it (or behave differently per resolver). An outside IP gets a Service name another way: a Service without a selector, and an EndpointSlice (labelled `kubernetes.io/service-name`) that lists the IP and the port.',
    remediation:
      'Write the DNS name of the external host, or turn the Service into a selector-less ClusterIP Service with an EndpointSlice that lists the IP address.',
    equivalents: [],
    messages: {
      ipAddress:
        "externalName '{{value}}' is an IP address: an ExternalName is a DNS CNAME, and a CNAME to an address does not resolve to it. Use a Service without a selector and an EndpointSlice for an IP.",
    },
    fixable: true,
  },
  (context) => {
    const { doc, root } = context.object;
    const spec = getMap(doc, root, 'spec');
    if (!spec || getString(doc, spec, 'type') !== 'ExternalName') return;
    const value = getString(doc, spec, 'externalName');
    const pair = findPair(doc, spec, 'externalName');
    const ip = value === undefined ? undefined : parseIp(value.trim());
    if (!pair || value === undefined || !ip) return;
    const fix = rewriteFix(context, value.trim(), ip.family);
    context.report({ node: pair, messageId: 'ipAddress', data: { value }, fixes: fix ? [fix] : [] });
  },
);

/** Selector-less ClusterIP Service plus an EndpointSlice, when the ports say what the slice must list. */
function rewriteFix(context: RuleContext, address: string, family: 'IPv4' | 'IPv6'): OffsetFix | undefined {
  const { doc, root, ref } = context.object;
  const spec = getMap(doc, root, 'spec');
  if (!spec || root !== doc.contents || !ref.name || findPair(doc, spec, 'selector')) return undefined;
  const ports: SlicePort[] = [];
  for (const port of mapItems(doc, getSeq(doc, spec, 'ports'))) {
    const number = getScalarValue(doc, port, 'port');
    const target = getScalarValue(doc, port, 'targetPort');
    // A remapped port would start to apply after the rewrite: what the slice must list is then unknowable.
    if (typeof number !== 'number' || (target !== undefined && target !== number)) return undefined;
    ports.push({ name: getString(doc, port, 'name'), port: number, protocol: getString(doc, port, 'protocol') });
  }
  if (ports.length === 0) return undefined;
  const edits: OffsetEdit[] = [];
  for (const key of ['type', 'externalName']) {
    const pair = findPair(doc, spec, key);
    const edit = pair && removeBlockPair(context.text, spec, pair);
    if (!edit) return undefined;
    edits.push(edit);
  }
  const slice = endpointSliceLines({
    name: ref.name,
    namespace: ref.namespace,
    serviceName: ref.name,
    addressType: family,
    ports,
    endpoints: [{ address, ready: true }],
  });
  const end = context.text.length;
  edits.push({ start: end, end, text: appendDocuments(context.text, [slice]) });
  return { title: 'Rewrite as a selector-less Service with an EndpointSlice', edits, fixAll: false };
}
