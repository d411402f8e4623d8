/**
 * Keys the runtime writes into each plugin's config at execution time (runtimeConfig,
 * args, prevResult, anything under cni.dev/): set in the file, they are overwritten or
 * mislead. The fix removes the key; it is never applied on save.
 */
import { isScalar } from 'yaml';
import { cniConfigs } from '../../cni/cniDocument';
import { pluginsOf } from '../../cni/configModel';
import { defineDocumentRule } from '../api/ruleTypes';
import { nodeOf, readableConfig } from './cniRule';
import { removeMember } from './jsonEdits';

const OWNED = new Set(['runtimeConfig', 'args', 'prevResult']);

export const cniRuntimeOwnedKey = defineDocumentRule(
  {
    id: 'cni-runtime-owned-key',
    type: 'problem',
    defaultSeverity: 'warning',
    documents: cniConfigs,
    description:
      'A CNI network configuration does not set the keys the runtime fills in: runtimeConfig, args, prevResult and cni.dev/ keys.',
    why: 'The spec reserves these keys for the runtime, which writes them into each plugin’s config at execution time: runtimeConfig from the capabilities the plugin asks for (port mappings, bandwidth), prevResult from the previous plugin in the chain, cni.dev/ keys for its own bookkeeping. Written in the file they are replaced or merged unpredictably, and a value that seems to configure the plugin does nothing. To receive runtime data, a plugin asks for it under "capabilities".',
    remediation:
      'Remove the key; to get runtime data such as port mappings, set the capability to true under "capabilities" instead.',
    equivalents: [],
    messages: {
      owned: '"{{key}}" is filled in by the runtime when it runs the plugin: set here, it is replaced or ignored.',
      ownedCapability: '"runtimeConfig" is filled in by the runtime: ask for {{capabilities}} under "capabilities" instead.',
    },
    fixable: true,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    for (const plugin of pluginsOf(config.document)) {
      for (const pair of plugin.map.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof key !== 'string' || !(OWNED.has(key) || key.startsWith('cni.dev/'))) continue;
        const edit = removeMember(context.text, plugin.map, pair);
        const fixes = edit ? [{ title: `Remove "${key}"`, edits: [edit], fixAll: false as const }] : [];
        const capabilities = key === 'runtimeConfig' ? runtimeConfigKeys(pair.value) : [];
        if (capabilities.length > 0) {
          context.report({
            node: nodeOf(pair.key),
            messageId: 'ownedCapability',
            data: { capabilities: capabilities.join(', ') },
            fixes,
          });
        } else {
          context.report({ node: nodeOf(pair.key), messageId: 'owned', data: { key }, fixes });
        }
      }
    }
  },
);

function runtimeConfigKeys(value: unknown): string[] {
  const items = (value as { items?: { key?: unknown }[] } | null)?.items ?? [];
  return items.flatMap((pair) => (isScalar(pair.key) && typeof pair.key.value === 'string' ? [`"${pair.key.value}": true`] : []));
}
