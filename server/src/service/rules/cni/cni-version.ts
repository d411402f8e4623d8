/**
 * cniVersion: present, a string, and a released spec version; cniVersions (spec 1.1.0),
 * a list of them. The fix for a version written short (`1.0`) writes the release it
 * means, and is never applied on save: the version decides the result format plugins use.
 */
import { isScalar, isSeq } from 'yaml';
import { cniConfigs } from '../../cni/cniDocument';
import { holdsPlaceholder } from '../../cni/placeholders';
import { CNI_VERSIONS, intendedVersion, isKnownVersion } from '../../cni/versions';
import { findPair, resolveNode } from '../../document/yamlNodes';
import { defineDocumentRule } from '../api/ruleTypes';
import type { OffsetFix } from '../api/ruleTypes';
import { describeJsonType, misspeltPair, nodeOf, openingBrace, readableConfig } from './cniRule';
import { renameKey, replaceValue } from './jsonEdits';

const RELEASED = CNI_VERSIONS.join(', ');

export const cniVersion = defineDocumentRule(
  {
    id: 'cni-version',
    type: 'problem',
    defaultSeverity: 'error',
    documents: cniConfigs,
    description: 'A CNI network configuration names a released spec version in cniVersion (and cniVersions).',
    why: 'The runtime passes cniVersion to every plugin, and each plugin answers in that version’s result format or refuses it. libcni rejects a config without one, and a version no plugin knows ("1.0" for "1.0.0", "0.4" for "0.4.0") fails every pod’s network setup with "incompatible CNI versions" at the first ADD, long after the file was written.',
    remediation: `Set cniVersion to a released spec version (${RELEASED}) that every plugin in the chain supports.`,
    equivalents: [],
    messages: {
      missing: 'This configuration has no cniVersion: libcni refuses it. Add one ({{versions}}).',
      misspelt: '"{{key}}" is not read: the key is cniVersion, so this configuration has no version.',
      notString: 'cniVersion is {{type}}; it is a string such as "1.0.0".',
      unknown: '"{{version}}" is not a released CNI spec version ({{versions}}).',
      unknownMeant: '"{{version}}" is not a released CNI spec version: did you mean "{{suggestion}}"?',
      versionsNotList: 'cniVersions is {{type}}; it is a list of spec versions.',
      unknownInList: '"{{version}}" in cniVersions is not a released CNI spec version ({{versions}}).',
    },
    fixable: true,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    const { doc, root } = config;
    const pair = findPair(doc, root, 'cniVersion');
    if (!pair) {
      const misspelt = misspeltPair(root, 'cniVersion');
      if (misspelt) {
        const edit = renameKey(misspelt, 'cniVersion');
        context.report({
          node: nodeOf(misspelt.key),
          messageId: 'misspelt',
          data: { key: String(isScalar(misspelt.key) ? misspelt.key.value : '') },
          fixes: edit ? [{ title: 'Rename to cniVersion', edits: [edit] }] : [],
        });
      } else {
        context.report({ at: openingBrace(root), messageId: 'missing', data: { versions: RELEASED } });
      }
    } else {
      checkVersion(pair.value, 'unknown');
    }
    const list = findPair(doc, root, 'cniVersions');
    const values = list ? resolveNode(doc, list.value) : undefined;
    if (list && !isSeq(values)) {
      context.report({
        node: nodeOf(list.value),
        messageId: 'versionsNotList',
        data: { type: describeJsonType(scalarOf(values)) },
      });
    } else if (isSeq(values)) {
      for (const item of values.items) checkVersion(resolveNode(doc, item), 'unknownInList');
    }

    function checkVersion(node: unknown, messageId: 'unknown' | 'unknownInList'): void {
      const value = isScalar(node) ? node.value : scalarOf(node);
      if (holdsPlaceholder(value)) return;
      if (typeof value !== 'string') {
        if (messageId === 'unknown')
          context.report({ node: nodeOf(node), messageId: 'notString', data: { type: describeJsonType(value) } });
        else context.report({ node: nodeOf(node), messageId, data: { version: String(value), versions: RELEASED } });
        return;
      }
      if (isKnownVersion(value)) return;
      const suggestion = intendedVersion(value);
      const fixes: OffsetFix[] = [];
      const edit = suggestion ? replaceValue(node, JSON.stringify(suggestion)) : undefined;
      if (suggestion && edit) fixes.push({ title: `Change to "${suggestion}"`, edits: [edit], fixAll: false });
      if (messageId === 'unknown' && suggestion) {
        context.report({ node: nodeOf(node), messageId: 'unknownMeant', data: { version: value, suggestion }, fixes });
      } else {
        context.report({ node: nodeOf(node), messageId, data: { version: value, versions: RELEASED }, fixes });
      }
    }
  },
);

function scalarOf(node: unknown): unknown {
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return [];
  return node === null || node === undefined ? null : {};
}
