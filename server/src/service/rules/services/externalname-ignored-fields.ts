/**
 * Fields an ExternalName Service ignores or may not have: a selector (no endpoints are
 * made), a cluster IP (it has none), and a `targetPort` other than `port` (a CNAME
 * remaps nothing: clients connect to the external host on the port they dial).
 */
import { isMap } from 'yaml';
import { findPair, getMap, getScalarValue, getSeq, getString, mapItems, resolveNode } from '../../document/yamlNodes';
import { removeBlockPair } from '../api/fixes/removePair';
import { defineRule } from '../api/ruleTypes';

export const externalnameIgnoredFields = defineRule(
  {
    id: 'externalname-ignored-fields',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { kinds: ['Service'] },
    description: 'An ExternalName Service has no selector, no cluster IP and no remapped ports.',
    why: "An ExternalName Service is only a DNS CNAME to another host. It selects no pods (a selector makes no endpoints), it has no cluster IP (none is allocated, and the API refuses one), and it cannot remap ports: a client that connects to the Service's name reaches the external host on the port the client dials, so a `targetPort` different from `port` suggests a mapping that never happens. Ports that differ between environments are ExternalName's known limit: clients must be configured with the external port.",
    remediation:
      'Remove the selector, clusterIP and targetPort from the ExternalName Service, and make clients use the external port.',
    equivalents: [],
    messages: {
      selector: 'An ExternalName Service ignores its selector: it is a DNS CNAME and sends traffic to no pods.',
      clusterIP: "An ExternalName Service has no cluster IP: clusterIP '{{value}}' is refused or ignored.",
      targetPort:
        'An ExternalName Service remaps no ports: clients reach the external host on port {{port}}, not on targetPort {{target}}. Make clients use the external port.',
    },
    fixable: true,
  },
  (context) => {
    const { doc, root } = context.object;
    const spec = getMap(doc, root, 'spec');
    if (!spec || getString(doc, spec, 'type') !== 'ExternalName') return;
    const remove = (map: typeof spec, pair: NonNullable<ReturnType<typeof findPair>>, title: string) => {
      const edit = removeBlockPair(context.text, map, pair);
      return edit ? [{ title, edits: [edit] }] : [];
    };
    const selector = findPair(doc, spec, 'selector');
    const selectorValue = resolveNode(doc, selector?.value);
    if (selector && isMap(selectorValue) && selectorValue.items.length > 0) {
      context.report({ node: selector, messageId: 'selector', fixes: remove(spec, selector, 'Remove the selector') });
    }
    const clusterIP = findPair(doc, spec, 'clusterIP');
    const ip = getString(doc, spec, 'clusterIP');
    if (clusterIP && ip !== undefined && ip !== '' && ip !== 'None') {
      context.report({
        node: clusterIP,
        messageId: 'clusterIP',
        data: { value: ip },
        fixes: remove(spec, clusterIP, 'Remove clusterIP'),
      });
    }
    for (const port of mapItems(doc, getSeq(doc, spec, 'ports'))) {
      const number = getScalarValue(doc, port, 'port');
      const target = getScalarValue(doc, port, 'targetPort');
      const pair = findPair(doc, port, 'targetPort');
      if (!pair || target === undefined || target === null || target === number || String(target) === String(number)) continue;
      context.report({
        node: pair,
        messageId: 'targetPort',
        data: { port: String(number), target: String(target) },
        fixes: remove(port, pair, 'Remove targetPort'),
      });
    }
  },
);
