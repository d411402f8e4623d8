/**
 * The network's name: required in a plugin list (libcni refuses a list without one; a
 * single-plugin `.conf` may omit it, and Multus fills it in from the
 * NetworkAttachmentDefinition's own name), and made of the characters the spec allows,
 * since IPAM keeps its state in a folder named after it.
 */
import { isScalar } from 'yaml';
import { cniConfigs } from '../../cni/cniDocument';
import { holdsPlaceholder } from '../../cni/placeholders';
import { findPair } from '../../document/yamlNodes';
import { defineDocumentRule } from '../api/ruleTypes';
import type { OffsetFix } from '../api/ruleTypes';
import { describeJsonType, misspeltPair, nodeOf, openingBrace, readableConfig } from './cniRule';
import { renameKey, replaceValue } from './jsonEdits';

const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export const cniNetworkName = defineDocumentRule(
  {
    id: 'cni-network-name',
    type: 'problem',
    defaultSeverity: 'error',
    documents: cniConfigs,
    description: 'A CNI plugin list has a name, and every network name uses only the characters the spec allows.',
    why: 'The name identifies the network on the host: host-local IPAM keeps its allocations in /var/lib/cni/networks/<name>, runtimes that load several configs pick a network by it, and cached results are filed under it. libcni refuses a plugin list without one, and the spec allows only a letter or digit followed by letters, digits, "_", "." and "-": a space or a slash turns into a path nobody meant.',
    remediation: 'Give the network a name that starts with a letter or digit and uses only letters, digits, "_", "." and "-".',
    equivalents: [],
    messages: {
      missing: 'This plugin list has no name: libcni refuses it. Add "name" (unique on the host).',
      misspelt: '"{{key}}" is not read: the key is name, so this plugin list has no name.',
      notString: 'The network name is {{type}}; it is a string.',
      invalid:
        'The network name "{{name}}" {{reason}}: a name starts with a letter or digit, then only letters, digits, "_", "." and "-".',
    },
    fixable: true,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    const { doc, root, document } = config;
    const pair = findPair(doc, root, 'name');
    if (!pair) {
      // Multus names an unnamed config after its NetworkAttachmentDefinition; a .conf may go without.
      if (document.form !== 'conflist' || document.origin.kind === 'network-attachment') return;
      const misspelt = misspeltPair(root, 'name');
      const edit = misspelt ? renameKey(misspelt, 'name') : undefined;
      if (misspelt) {
        context.report({
          node: nodeOf(misspelt.key),
          messageId: 'misspelt',
          data: { key: String(isScalar(misspelt.key) ? misspelt.key.value : '') },
          fixes: edit ? [{ title: 'Rename to name', edits: [edit] }] : [],
        });
      } else {
        context.report({ at: openingBrace(root), messageId: 'missing' });
      }
      return;
    }
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof value !== 'string') {
      context.report({ node: nodeOf(pair.value), messageId: 'notString', data: { type: describeJsonType(value) } });
      return;
    }
    // Placeholders and templates are filled in before the runtime reads the name.
    if (VALID_NAME.test(value) || holdsPlaceholder(value) || value.includes('{{')) return;
    const fixes: OffsetFix[] = [];
    const repaired = value
      .replace(/[^a-zA-Z0-9_.-]+/g, '-')
      .replace(/^[^a-zA-Z0-9]+/, '')
      .replace(/-+$/, '');
    const edit = repaired && VALID_NAME.test(repaired) ? replaceValue(pair.value, JSON.stringify(repaired)) : undefined;
    if (edit) fixes.push({ title: `Rename the network to "${repaired}"`, edits: [edit], fixAll: false });
    context.report({ node: nodeOf(pair.value), messageId: 'invalid', data: { name: value, reason: reasonOf(value) }, fixes });
  },
);

function reasonOf(name: string): string {
  if (name === '') return 'is empty';
  if (!/^[a-zA-Z0-9]/.test(name)) return `starts with "${name[0]}"`;
  const bad = [...name].find((c) => !/[a-zA-Z0-9_.-]/.test(c)) ?? '';
  return bad === ' ' ? 'contains a space' : `contains "${bad}"`;
}
