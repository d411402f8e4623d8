/**
 * Every plugin (and every IPAM section) names its executable in `type`: present, a
 * string, a bare file name (the runtime looks it up in CNI_PATH, /opt/cni/bin), and not
 * a near miss of a reference plugin's name (`Bridge`, `host_local`), which no node has.
 */
import { isMap, isScalar } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import { cniConfigs } from '../../cni/cniDocument';
import { REFERENCE_IPAM_TYPES, REFERENCE_PLUGIN_TYPES } from '../../cni/cniSchema';
import { ipamOf, pluginsOf } from '../../cni/configModel';
import { holdsPlaceholder } from '../../cni/placeholders';
import { editDistance, nearestName } from '../../document/nearestName';
import { findPair } from '../../document/yamlNodes';
import { defineDocumentRule } from '../api/ruleTypes';
import type { DocumentRuleContext, OffsetFix } from '../api/ruleTypes';
import type { CniDocument } from '../../cni/cniDocument';
import { describeJsonType, nodeOf, openingBrace, readableConfig } from './cniRule';
import { replaceValue } from './jsonEdits';

/** Third-party plugins close to a reference name that are not misspellings of it. */
const THIRD_PARTY = new Set(['macvtap', 'sriov', 'ib-sriov', 'ovs', 'bond', 'dummy', 'static-ipam', 'whereabouts']);

export const cniPluginType = defineDocumentRule(
  {
    id: 'cni-plugin-type',
    type: 'problem',
    defaultSeverity: 'error',
    documents: cniConfigs,
    description: 'Every CNI plugin and IPAM section names its executable in type: a bare file name, spelled as the binary is.',
    why: 'The runtime runs the file named by "type" from its CNI_PATH (/opt/cni/bin on Kubernetes nodes). Without a type the config is refused; a path ("/opt/cni/bin/bridge") is refused too, because the spec forbids / and \\ in it; and a name spelled differently from the binary ("Bridge", "host_local") fails every pod’s network setup with "failed to find plugin … in path" only once pods are scheduled.',
    remediation: 'Set type to the name of the plugin’s binary in /opt/cni/bin, without a path (bridge, host-local, portmap…).',
    equivalents: [],
    messages: {
      missing: 'This plugin has no "type": the runtime cannot know which binary to run.',
      ipamMissing: 'This ipam section has settings but no "type": no IPAM plugin runs, and they are ignored.',
      notString: '"type" is {{type}}; it is the name of the plugin’s binary.',
      empty: '"type" is empty; it is the name of the plugin’s binary.',
      path: '"{{value}}" is a path: the runtime looks "type" up by name in CNI_PATH (/opt/cni/bin) and refuses / and \\. Write "{{name}}".',
      nearMiss: 'No plugin binary is called "{{value}}"; the reference plugin is "{{suggestion}}" (binaries are case-sensitive).',
    },
    fixable: true,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    const { doc } = config;
    for (const plugin of pluginsOf(config.document)) {
      checkType(context, plugin.map, plugin.typePair, REFERENCE_PLUGIN_TYPES, 'missing');
      const ipamPair = findPair(doc, plugin.map, 'ipam');
      const ipam = ipamOf(doc, plugin);
      if (ipam && isMap(ipamPair?.value) && ipam.map.items.length > 0) {
        checkType(context, ipam.map, findPair(doc, ipam.map, 'type'), REFERENCE_IPAM_TYPES, 'ipamMissing');
      }
    }
  },
);

function checkType(
  context: DocumentRuleContext<CniDocument>,
  map: YAMLMap,
  pair: Pair<unknown, unknown> | undefined,
  reference: readonly string[],
  missing: 'missing' | 'ipamMissing',
): void {
  if (!pair) {
    context.report({ at: openingBrace(map), messageId: missing });
    return;
  }
  const value = isScalar(pair.value) ? pair.value.value : undefined;
  if (typeof value !== 'string') {
    context.report({ node: nodeOf(pair.value), messageId: 'notString', data: { type: describeJsonType(value) } });
    return;
  }
  if (holdsPlaceholder(value) || value.includes('{{')) return;
  if (value.trim() === '') {
    context.report({ node: nodeOf(pair.value), messageId: 'empty' });
    return;
  }
  const fixes: OffsetFix[] = [];
  if (/[/\\]/.test(value)) {
    const name = value.split(/[/\\]/).filter(Boolean).pop() ?? '';
    const edit = name ? replaceValue(pair.value, JSON.stringify(name)) : undefined;
    if (edit) fixes.push({ title: `Change to "${name}"`, edits: [edit] });
    context.report({ node: nodeOf(pair.value), messageId: 'path', data: { value, name: name || value }, fixes });
    return;
  }
  if (reference.includes(value) || THIRD_PARTY.has(value)) return;
  const suggestion = nearestName(value, reference);
  if (!suggestion || !closeEnough(value, suggestion)) return;
  const edit = replaceValue(pair.value, JSON.stringify(suggestion));
  if (edit) fixes.push({ title: `Change to "${suggestion}"`, edits: [edit] });
  context.report({ node: nodeOf(pair.value), messageId: 'nearMiss', data: { value, suggestion }, fixes });
}

/**
 * Third-party plugins have names of their own: only case, `-`/`_` or one slip in a long
 * name counts as a misspelling of a reference plugin.
 */
function closeEnough(value: string, suggestion: string): boolean {
  const fold = (name: string): string => name.toLowerCase().replace(/[-_]/g, '');
  return fold(value) === fold(suggestion) || (value.length >= 6 && editDistance(value.toLowerCase(), suggestion) <= 1);
}
