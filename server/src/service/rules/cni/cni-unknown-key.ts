/**
 * Misspelt keys in the objects whose keys the schema knows (reference plugins, the
 * list itself, host-local ranges, routes, dns): `isGateWay`, `ipmasq`, `vlanid`. Plugins
 * ignore keys they do not know, so a misspelling silently keeps the default. Only near
 * misses are reported: a key that resembles nothing may be a newer plugin's.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import { cniConfigs } from '../../cni/cniDocument';
import { knownKeysAt } from '../../cni/cniSchema';
import type { JsonPath } from '../../cni/configModel';
import { nearestName } from '../../document/nearestName';
import { findPair, resolveNode } from '../../document/yamlNodes';
import { defineDocumentRule } from '../api/ruleTypes';
import type { DocumentRuleContext } from '../api/ruleTypes';
import type { CniDocument } from '../../cni/cniDocument';
import { nodeOf, readableConfig } from './cniRule';
import type { ReadableConfig } from './cniRule';
import { renameKey } from './jsonEdits';
import { ownerOf } from './schemaProblems';

/** Keys whose absence other rules report, misspelling included. */
const REPORTED_ELSEWHERE = new Set(['cniVersion', 'name', 'plugins', 'type']);
const RUNTIME_OWNED = new Set(['runtimeConfig', 'args', 'prevResult']);
const MAX_DEPTH = 12;

export const cniUnknownKey = defineDocumentRule(
  {
    id: 'cni-unknown-key',
    type: 'problem',
    defaultSeverity: 'warning',
    documents: cniConfigs,
    description: 'No key of a reference CNI plugin (or of the network, an IPAM range, a route) is a misspelling of one it reads.',
    why: 'Plugins decode their config into known fields and ignore everything else, without a word: "isGateWay": true or "hairpinmode": true keeps the default, and the network misbehaves in a way nothing reports (no gateway on the bridge, hairpin traffic dropped). Keys of third-party plugins are not judged; they are the plugin’s own.',
    remediation: 'Spell the key as the plugin documents it (keys are case-sensitive).',
    equivalents: [],
    messages: {
      misspelt: '"{{key}}" is not read by {{owner}}, which ignores it: did you mean "{{suggestion}}"?',
    },
    fixable: true,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    walk(context, config, config.root, [], 0);
  },
);

function walk(
  context: DocumentRuleContext<CniDocument>,
  config: ReadableConfig,
  map: YAMLMap,
  path: JsonPath,
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  const { doc } = config;
  const known = path[path.length - 1] === 'capabilities' ? undefined : knownKeysAt(config.data, path);
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof key !== 'string') continue;
    if (known && !known.has(key) && !RUNTIME_OWNED.has(key) && !key.startsWith('cni.dev/')) {
      const suggestion = nearestName(key, known);
      if (suggestion && !(REPORTED_ELSEWHERE.has(suggestion) && !findPair(doc, map, suggestion))) {
        const edit = renameKey(pair, suggestion);
        context.report({
          node: nodeOf(pair.key),
          messageId: 'misspelt',
          data: { owner: ownerOf(config, path), key, suggestion },
          fixes: edit ? [{ title: `Rename to "${suggestion}"`, edits: [edit], fixAll: false }] : [],
        });
      }
    }
    visit(context, config, doc, resolveNode(doc, pair.value), [...path, key], depth + 1);
  }
}

function visit(
  context: DocumentRuleContext<CniDocument>,
  config: ReadableConfig,
  doc: Document.Parsed,
  node: unknown,
  path: JsonPath,
  depth: number,
): void {
  if (isMap(node)) walk(context, config, node, path, depth);
  else if (isSeq(node))
    node.items.forEach((item, index) => visit(context, config, doc, resolveNode(doc, item), [...path, index], depth + 1));
}
