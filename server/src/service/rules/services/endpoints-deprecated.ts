/**
 * The core/v1 Endpoints API is deprecated since Kubernetes 1.33 in favour of
 * discovery.k8s.io/v1 EndpointSlice (KNOWLEDGE §4): information, with a fix that writes
 * the equivalent slices (one per subset and address family; not-ready addresses keep
 * `ready: false`). The fix needs every address to be an IP: a slice of one family holds
 * nothing else.
 */
import { getScalarValue, getSeq, getString, mapItems } from '../../document/yamlNodes';
import { parseIp } from '../../kubernetes/ipAddresses';
import { defineRule } from '../api/ruleTypes';
import type { OffsetFix, RuleContext } from '../api/ruleTypes';
import { endpointSliceLines, eolOf } from './endpointSliceText';
import type { SliceEndpoint, SlicePort, SliceText } from './endpointSliceText';

export const endpointsDeprecated = defineRule(
  {
    id: 'endpoints-deprecated',
    type: 'suggestion',
    defaultSeverity: 'information',
    scope: { kinds: ['Endpoints'] },
    description: 'Hand-written endpoints use EndpointSlice rather than the Endpoints API, deprecated since Kubernetes 1.33.',
    why: 'Since Kubernetes 1.33 the core/v1 Endpoints API is deprecated: kube-proxy and the other consumers read EndpointSlices (discovery.k8s.io/v1), and an Endpoints object reaches them only through the mirroring controller, which caps it at 1,000 addresses. A selector-less Service gets the same endpoints from an EndpointSlice labelled `kubernetes.io/service-name: <service>`, with ports named as the Service names them.',
    remediation: 'Replace the Endpoints object with an EndpointSlice labelled kubernetes.io/service-name with the Service name.',
    equivalents: [],
    messages: {
      deprecated:
        "The Endpoints API is deprecated since Kubernetes 1.33: write an EndpointSlice labelled 'kubernetes.io/service-name: {{name}}' instead.",
    },
    fixable: true,
  },
  (context) => {
    const { object } = context;
    if (object.ref.apiVersion !== 'v1') return;
    const fix = sliceFix(context);
    context.report({
      node: object.root.items[0] ?? object.root,
      messageId: 'deprecated',
      data: { name: object.ref.name ?? '<service>' },
      fixes: fix ? [fix] : [],
    });
  },
);

function sliceFix(context: RuleContext): OffsetFix | undefined {
  const { doc, root, ref } = context.object;
  if (root !== doc.contents || !ref.name || !root.range) return undefined;
  const slices: Omit<SliceText, 'name'>[] = [];
  for (const subset of mapItems(doc, getSeq(doc, root, 'subsets'))) {
    const ports: SlicePort[] = [];
    for (const port of mapItems(doc, getSeq(doc, subset, 'ports'))) {
      const number = getScalarValue(doc, port, 'port');
      if (typeof number !== 'number') return undefined;
      ports.push({ name: getString(doc, port, 'name'), port: number, protocol: getString(doc, port, 'protocol') });
    }
    const byFamily = new Map<'IPv4' | 'IPv6', SliceEndpoint[]>();
    for (const [field, ready] of [
      ['addresses', true],
      ['notReadyAddresses', false],
    ] as const) {
      for (const address of mapItems(doc, getSeq(doc, subset, field))) {
        const ip = getString(doc, address, 'ip');
        const parsed = ip === undefined ? undefined : parseIp(ip);
        if (!ip || !parsed) return undefined;
        const list = byFamily.get(parsed.family) ?? [];
        list.push({ address: ip, ready });
        byFamily.set(parsed.family, list);
      }
    }
    for (const [addressType, endpoints] of byFamily) {
      slices.push({ namespace: ref.namespace, serviceName: ref.name, addressType, ports, endpoints });
    }
  }
  if (slices.length === 0) return undefined;
  const eol = eolOf(context.text);
  const text = slices
    .map((slice, index) =>
      endpointSliceLines({ ...slice, name: slices.length === 1 ? ref.name! : `${ref.name}-${index + 1}` }).join(eol),
    )
    .join(`${eol}---${eol}`);
  // The document's comments stay where they are; only the object is replaced.
  const [start, end] = [root.range[0], contentEnd(context.text, root.range[1])];
  return { title: 'Rewrite as an EndpointSlice', edits: [{ start, end, text }], fixAll: false };
}

/** The end of the object's last non-blank character: the line break after it stays. */
function contentEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1] ?? '')) at--;
  return at;
}
