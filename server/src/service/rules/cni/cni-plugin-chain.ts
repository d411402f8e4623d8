/**
 * The shape the runtime expects: a JSON object; in a plugin list, `plugins` as a
 * non-empty list of objects; a `.conflist` file holds a list and a `.conf` file one plugin
 * (libcni chooses how to read a file by its extension, not by its content).
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { cniConfigs } from '../../cni/cniDocument';
import { findPair, resolveNode } from '../../document/yamlNodes';
import { defineDocumentRule } from '../api/ruleTypes';
import { describeJsonType, misspeltPair, nodeOf, openingBrace, readableConfig } from './cniRule';
import { renameKey } from './jsonEdits';

export const cniPluginChain = defineDocumentRule(
  {
    id: 'cni-plugin-chain',
    type: 'problem',
    defaultSeverity: 'error',
    documents: cniConfigs,
    description:
      'A CNI network configuration is an object; a plugin list has a non-empty plugins list of objects, in a file named for it.',
    why: 'libcni decides how to read a file by its extension: a .conflist must hold a "plugins" list ("no plugins in list" otherwise), and a .conf is read as one plugin, so a list saved as .conf fails with "missing type". An empty list, or an entry that is not an object, fails the same way when the first pod is scheduled, and the node stays NotReady until the file is fixed.',
    remediation:
      'Put the plugins in a non-empty "plugins" list of objects, and name the file .conflist (.conf for a single plugin without a list).',
    equivalents: [],
    messages: {
      notAnObject: 'A network configuration is a JSON object; this is {{type}}.',
      listWithoutPlugins:
        'A .conflist holds a "plugins" list and this one has none: libcni refuses it ("no plugins in list"). Move the plugin into "plugins", or name the file .conf.',
      misspelt: '"{{key}}" is not read: the key is plugins, so this list has no plugins.',
      listInConf:
        'This .conf holds a plugin list: libcni reads a .conf as one plugin and refuses it ("missing type"). Name the file .conflist.',
      notList: '"plugins" is {{type}}; it is a list of plugin objects.',
      empty: '"plugins" is empty: the network has nothing to run and libcni refuses it.',
      entryNotObject: 'Each plugin is an object with a "type"; this entry is {{type}}.',
      inlinedWithoutPlugins: 'loadOnlyInlinedPlugins is true, but there is no "plugins" list: the spec does not allow that.',
    },
    fixable: true,
  },
  (context) => {
    const { document } = context;
    if (!document.readable || !document.doc) return;
    const doc = document.doc;
    if (!document.root) {
      const contents = resolveNode(doc, doc.contents);
      const type = isSeq(contents) ? 'a list' : describeJsonType(isScalar(contents) ? contents.value : null);
      context.report({ node: nodeOf(contents), messageId: 'notAnObject', data: { type } });
      return;
    }
    const config = readableConfig(context);
    if (!config) return;
    const { root } = config;
    const origin = document.origin;
    const pluginsPair = findPair(doc, root, 'plugins');
    if (!pluginsPair) {
      const misspelt = misspeltPair(root, 'plugins');
      if (misspelt && !findPair(doc, root, 'type')) {
        const edit = renameKey(misspelt, 'plugins');
        context.report({
          node: nodeOf(misspelt.key),
          messageId: 'misspelt',
          data: { key: String(isScalar(misspelt.key) ? misspelt.key.value : '') },
          fixes: edit ? [{ title: 'Rename to plugins', edits: [edit] }] : [],
        });
        return;
      }
      const namedList =
        (origin.kind === 'file' && origin.extension === '.conflist') ||
        (origin.kind === 'configmap' && /\.conflist$/i.test(origin.key));
      if (namedList) {
        const typePair = findPair(doc, root, 'type');
        context.report(
          typePair
            ? { node: nodeOf(typePair.key), messageId: 'listWithoutPlugins' }
            : { at: openingBrace(root), messageId: 'listWithoutPlugins' },
        );
      }
      const inlined = findPair(doc, root, 'loadOnlyInlinedPlugins');
      const inlinedValue = isScalar(inlined?.value) ? inlined.value.value : undefined;
      if (inlined && (inlinedValue === true || inlinedValue === 'true')) {
        context.report({ node: nodeOf(inlined.key), messageId: 'inlinedWithoutPlugins' });
      }
      return;
    }
    if (origin.kind === 'file' && origin.extension === '.conf' && !findPair(doc, root, 'type')) {
      const name = origin.fileName?.replace(/\.conf$/i, '.conflist');
      context.report({
        node: nodeOf(pluginsPair.key),
        messageId: 'listInConf',
        fixes: name ? [{ title: `Rename the file to ${name}`, edits: [], renameTo: name, fixAll: false }] : [],
      });
    }
    const plugins = resolveNode(doc, pluginsPair.value);
    if (!isSeq(plugins)) {
      context.report({
        node: nodeOf(pluginsPair.value),
        messageId: 'notList',
        data: { type: describeJsonType(isScalar(plugins) ? plugins.value : {}) },
      });
      return;
    }
    if (plugins.items.length === 0) {
      context.report({ node: nodeOf(plugins), messageId: 'empty' });
      return;
    }
    for (const item of plugins.items) {
      const entry = resolveNode(doc, item);
      if (isMap(entry)) continue;
      const type = isSeq(entry) ? 'a list' : describeJsonType(isScalar(entry) ? entry.value : null);
      context.report({ node: nodeOf(entry), messageId: 'entryNotObject', data: { type } });
    }
  },
);
