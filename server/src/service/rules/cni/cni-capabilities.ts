/**
 * Capabilities are the runtime's to fill in, and it fills in only the ones the
 * conventions define (portMappings, bandwidth, ipRanges, dns, ips, mac, infinibandGUID,
 * deviceID, aliases, cgroupPath). A misspelt one asks for nothing. Namespaced names
 * (`io.kubernetes.cri.pod-annotations`) are runtime extensions and left alone.
 */
import { isMap, isScalar } from 'yaml';
import { cniConfigs } from '../../cni/cniDocument';
import { KNOWN_CAPABILITIES } from '../../cni/cniSchema';
import { pluginsOf } from '../../cni/configModel';
import { nearestName } from '../../document/nearestName';
import { findPair, resolveNode } from '../../document/yamlNodes';
import { defineDocumentRule } from '../api/ruleTypes';
import { nodeOf, readableConfig } from './cniRule';
import { renameKey } from './jsonEdits';

export const cniCapabilities = defineDocumentRule(
  {
    id: 'cni-capabilities',
    type: 'problem',
    defaultSeverity: 'warning',
    documents: cniConfigs,
    description: 'A CNI plugin asks only for capabilities the CNI conventions define, spelled as they are.',
    why: 'With "capabilities": {"portMappings": true} a plugin asks the runtime to pass it run-time data (here, the pod’s hostPort mappings) in runtimeConfig. The runtime passes only what it knows: "portMapping" or "PortMappings" asks for nothing, and hostPort silently stops working on every node.',
    remediation: `Ask only for the capabilities the conventions define (${KNOWN_CAPABILITIES.join(', ')}), spelled exactly.`,
    equivalents: [],
    messages: {
      misspelt: '"{{name}}" is not a capability: did you mean "{{suggestion}}"? As written, the runtime passes nothing for it.',
      unknown: '"{{name}}" is not a capability the CNI conventions define ({{known}}): the runtime passes nothing for it.',
    },
    fixable: true,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    for (const plugin of pluginsOf(config.document)) {
      const capabilities = resolveNode(config.doc, findPair(config.doc, plugin.map, 'capabilities')?.value);
      if (!isMap(capabilities)) continue;
      for (const pair of capabilities.items) {
        const name = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof name !== 'string' || KNOWN_CAPABILITIES.includes(name) || /[./]/.test(name)) continue;
        const suggestion = nearestName(name, KNOWN_CAPABILITIES);
        const edit = suggestion ? renameKey(pair, suggestion) : undefined;
        if (suggestion) {
          context.report({
            node: nodeOf(pair.key),
            messageId: 'misspelt',
            data: { name, suggestion },
            fixes: edit ? [{ title: `Rename to "${suggestion}"`, edits: [edit], fixAll: false }] : [],
          });
        } else {
          context.report({ node: nodeOf(pair.key), messageId: 'unknown', data: { name, known: KNOWN_CAPABILITIES.join(', ') } });
        }
      }
    }
  },
);
