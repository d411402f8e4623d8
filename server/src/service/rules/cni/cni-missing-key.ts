/**
 * Keys a reference plugin cannot do without: vlan's master and vlanId, a host-local
 * range's subnet, a route's dst, a static address's address (the schema's `required`),
 * and the ipam section of the plugins that give the interface its addresses (bridge,
 * macvlan, ptp, vlan; ipvlan unless a previous plugin in the chain gave them).
 */
import { isScalar } from 'yaml';
import { cniConfigs } from '../../cni/cniDocument';
import { pluginDefinition } from '../../cni/cniSchema';
import { pluginsOf } from '../../cni/configModel';
import type { PluginRef } from '../../cni/configModel';
import { findPair } from '../../document/yamlNodes';
import { defineDocumentRule } from '../api/ruleTypes';
import type { ReportTarget } from '../api/ruleTypes';
import { nodeOf, openingBrace, readableConfig } from './cniRule';
import type { ReadableConfig } from './cniRule';
import { describedAt, ownerOf, schemaProblems } from './schemaProblems';

export const cniMissingKey = defineDocumentRule(
  {
    id: 'cni-missing-key',
    type: 'problem',
    defaultSeverity: 'error',
    documents: cniConfigs,
    description:
      'Every reference CNI plugin has the keys it cannot work without, ipam included where it gives the interface its addresses.',
    why: 'A plugin refuses to run without what it needs: vlan without vlanId, a host-local range without a subnet, a route without a destination. Worse, bridge, macvlan, ptp and vlan without an ipam section create an interface with no address: pods start, and have no network. The runtime only finds out at the first ADD, on every node that got the file.',
    remediation:
      'Add the missing key; for a plugin that needs ipam but should leave the interface without addresses, write "ipam": {}.',
    equivalents: [],
    messages: {
      missing: '{{owner}} needs "{{key}}": {{description}}.',
      ipam: '{{type}} documents "ipam" as required: without it the interface gets no address (write "ipam": {} for an interface that should have none).',
      ipamFirst:
        'ipvlan is first in the chain, so it needs an "ipam" section: there is no previous plugin to take addresses from.',
    },
    fixable: false,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    for (const problem of schemaProblems(config)) {
      if (problem.keyword !== 'required') continue;
      const description =
        describedAt(config, [...problem.path, problem.key])?.replace(/\.$/, '') ?? 'see the plugin’s documentation';
      context.report({
        ...anchor(config, problem.path),
        messageId: 'missing',
        data: { owner: ownerOf(config, problem.path), key: problem.key, description: lowerFirst(description) },
      });
    }
    for (const plugin of pluginsOf(config.document)) {
      const rule = plugin.type ? pluginDefinition(plugin.type)?.['x-plugin']?.ipam : undefined;
      if (!rule || rule === 'optional' || findPair(config.doc, plugin.map, 'ipam')) continue;
      if (rule === 'unless-chained' && plugin.index > 0) continue;
      // bridge with its container interface down cannot use IPAM at all.
      if (plugin.type === 'bridge' && isTrue(findPair(config.doc, plugin.map, 'disableContainerInterface')?.value)) continue;
      context.report({
        ...typeAnchor(plugin),
        messageId: rule === 'unless-chained' ? 'ipamFirst' : 'ipam',
        data: { type: plugin.type ?? '' },
      });
    }
  },
);

/** Where a missing key is reported: the object's type, else its key, else its brace. */
function anchor(config: ReadableConfig, path: readonly (string | number)[]): ReportTarget {
  let node: unknown = config.root;
  let pairKey: unknown;
  for (const segment of path) {
    const items = (node as { items?: unknown[] } | null)?.items ?? [];
    if (typeof segment === 'number') {
      node = items[segment];
      pairKey = undefined;
    } else {
      const pair = (items as { key?: unknown; value?: unknown }[]).find((p) => isScalar(p.key) && p.key.value === segment);
      node = pair?.value;
      pairKey = pair?.key;
    }
  }
  const typePair = (node as { items?: { key?: unknown; value?: unknown }[] } | null)?.items?.find(
    (p) => isScalar(p.key) && p.key.value === 'type',
  );
  if (typePair) return { node: nodeOf(typePair.key) };
  if (pairKey) return { node: nodeOf(pairKey) };
  const range = (node as { range?: [number, number] } | null)?.range;
  return range ? { at: [range[0], range[0] + 1] } : { at: openingBrace(config.root) };
}

function typeAnchor(plugin: PluginRef): ReportTarget {
  return plugin.typePair ? { node: plugin.typePair } : { at: openingBrace(plugin.map) };
}

function isTrue(node: unknown): boolean {
  const value = isScalar(node) ? node.value : undefined;
  return value === true || value === 'true';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
