/**
 * A single-plugin `.conf` (or `.json`) whose cniVersion is 1.0.0 or later: spec 1.0.0
 * removed single-plugin configurations, so the file contradicts the version it names.
 * The fix rewrites it as a plugin list and renames the file to `.conflist`; it is never
 * applied on save (a rename is for the author to choose).
 */
import { isNode, isScalar } from 'yaml';
import type { Pair } from 'yaml';
import { cniConfigs } from '../../cni/cniDocument';
import { compareVersions, isKnownVersion } from '../../cni/versions';
import { findPair } from '../../document/yamlNodes';
import { defineDocumentRule } from '../api/ruleTypes';
import type { ReadableConfig } from './cniRule';
import { nodeOf, readableConfig } from './cniRule';

/** What stays at the top of the list; every other key belongs to the plugin. */
const LIST_KEYS = ['cniVersion', 'cniVersions', 'name', 'disableCheck', 'disableGC'];

export const cniSinglePluginConf = defineDocumentRule(
  {
    id: 'cni-single-plugin-conf',
    type: 'suggestion',
    defaultSeverity: 'warning',
    documents: cniConfigs,
    description: 'A CNI configuration of spec 1.0.0 or later is a plugin list (.conflist), not a single-plugin .conf.',
    why: 'Spec 1.0.0 removed single-plugin configurations: a network is a list of plugins. libcni still wraps a .conf in a list for now, but a .conf that declares cniVersion 1.0.0 or later claims a spec that has no such file, and runtimes are free to stop reading them. A list also leaves room to chain portmap or bandwidth later without renaming the file the kubelet picks.',
    remediation:
      'Rewrite the file as a .conflist: keep cniVersion and name at the top and move the plugin into "plugins": [ … ].',
    equivalents: [],
    messages: {
      single:
        'Spec {{version}} has no single-plugin configurations (removed in 1.0.0): write this as a .conflist with the plugin in "plugins".',
    },
    fixable: true,
  },
  (context) => {
    const config = readableConfig(context);
    const origin = context.document.origin;
    if (!config || origin.kind !== 'file' || !['.conf', '.json'].includes(origin.extension)) return;
    const { doc, root } = config;
    if (findPair(doc, root, 'plugins') || !findPair(doc, root, 'type')) return;
    const versionPair = findPair(doc, root, 'cniVersion');
    const version = isScalar(versionPair?.value) ? versionPair.value.value : undefined;
    if (!versionPair || typeof version !== 'string' || !isKnownVersion(version) || compareVersions(version, '1.0.0') < 0) return;
    const text = asList(context.text, config);
    const renameTo = origin.fileName ? origin.fileName.replace(/\.(?:conf|json)$/i, '.conflist') : undefined;
    context.report({
      node: nodeOf(versionPair.key),
      messageId: 'single',
      data: { version },
      fixes:
        text && renameTo
          ? [{ title: `Rewrite as ${renameTo}`, edits: [{ start: 0, end: context.text.length, text }], renameTo, fixAll: false }]
          : [],
    });
  },
);

/** The config as a list, in the file's own layout: the list keys first, then the plugin object indented one level. */
function asList(source: string, config: ReadableConfig): string | undefined {
  const pairs = config.root.items;
  const text = (pair: Pair<unknown, unknown>): string | undefined => {
    const start = isNode(pair.key) ? pair.key.range?.[0] : undefined;
    const end = isNode(pair.value) ? pair.value.range?.[1] : undefined;
    return start === undefined || end === undefined ? undefined : source.slice(start, end);
  };
  const listPairs = pairs.filter((pair) => isScalar(pair.key) && LIST_KEYS.includes(String(pair.key.value)));
  const pluginPairs = pairs.filter((pair) => !listPairs.includes(pair));
  const listTexts = listPairs.map(text);
  const pluginTexts = pluginPairs.map(text);
  if ([...listTexts, ...pluginTexts].some((t) => t === undefined)) return undefined;
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)"/.exec(source)?.[1] ?? '  ';
  // The plugin's members move two levels deeper, their own lines with them.
  const plugin = pluginTexts.map((t) => `${indent.repeat(3)}${t!.replace(/\r?\n/g, `${eol}${indent.repeat(2)}`)}`);
  const lines = [
    '{',
    ...listTexts.map((t) => `${indent}${t},`),
    `${indent}"plugins": [`,
    `${indent.repeat(2)}{`,
    plugin.join(`,${eol}`),
    `${indent.repeat(2)}}`,
    `${indent}]`,
    '}',
  ];
  const trailing = /\r?\n$/.test(source) ? eol : '';
  return lines.join(eol) + trailing;
}
