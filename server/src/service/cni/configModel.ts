/**
 * Walking a CNI config's tree: its plugins (the top level of a `.conf`, the `plugins` of a
 * list), their IPAM sections, the node at a JSON path, and the plain data ajv reads.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { findPair, plainData, resolveNode } from '../document/yamlNodes';
import type { CniDocument } from './cniDocument';

export type JsonPath = readonly (string | number)[];

export interface PluginRef {
  map: YAMLMap;
  /** JSON path of the plugin object: [] for a `.conf`, ['plugins', i] in a list. */
  path: JsonPath;
  /** Position in the chain; 0 for a `.conf`. */
  index: number;
  /** The `type` value when it is a string. */
  type: string | undefined;
  typePair: Pair<unknown, unknown> | undefined;
}

/** The plugins the runtime would run, in order; objects only (other entries are reported elsewhere). */
export function pluginsOf(document: CniDocument): PluginRef[] {
  const { doc, root } = document;
  if (!doc || !root) return [];
  if (document.form === 'conf' && !findPair(doc, root, 'plugins')) return [pluginRef(doc, root, [], 0)];
  const plugins = resolveNode(doc, findPair(doc, root, 'plugins')?.value);
  if (!isSeq(plugins)) return [];
  const refs: PluginRef[] = [];
  plugins.items.forEach((item, index) => {
    const map = resolveNode(doc, item);
    if (isMap(map)) refs.push(pluginRef(doc, map, ['plugins', index], index));
  });
  return refs;
}

function pluginRef(doc: Document.Parsed, map: YAMLMap, path: JsonPath, index: number): PluginRef {
  const typePair = findPair(doc, map, 'type');
  const type = resolveNode(doc, typePair?.value);
  return { map, path, index, type: isScalar(type) && typeof type.value === 'string' ? type.value : undefined, typePair };
}

/** A plugin's `ipam` section when it is an object, with its type. */
export function ipamOf(
  doc: Document.Parsed,
  plugin: PluginRef,
): { map: YAMLMap; type: string | undefined; path: JsonPath } | undefined {
  const map = resolveNode(doc, findPair(doc, plugin.map, 'ipam')?.value);
  if (!isMap(map)) return undefined;
  const type = resolveNode(doc, findPair(doc, map, 'type')?.value);
  return { map, type: isScalar(type) && typeof type.value === 'string' ? type.value : undefined, path: [...plugin.path, 'ipam'] };
}

/** The node at a JSON path (keys and indexes), with the pair that holds it when its parent is a map. */
export function nodeAt(
  doc: Document.Parsed,
  root: unknown,
  path: JsonPath,
): { node: Node | undefined; pair: Pair<unknown, unknown> | undefined } | undefined {
  let node: unknown = resolveNode(doc, root);
  let pair: Pair<unknown, unknown> | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!isSeq(node)) return undefined;
      node = resolveNode(doc, node.items[segment]);
      pair = undefined;
    } else {
      if (!isMap(node)) return undefined;
      pair = lastPair(doc, node, segment);
      if (!pair) return undefined;
      node = resolveNode(doc, pair.value);
    }
  }
  return { node: (node ?? undefined) as Node | undefined, pair };
}

const plainCache = new WeakMap<CniDocument, unknown>();

/** The config as plain data, as Go's decoder would see it (cached per document). */
export function plainConfig(document: CniDocument): unknown {
  if (!document.doc || !document.root) return undefined;
  if (!plainCache.has(document)) plainCache.set(document, plainData(document.doc, document.root));
  return plainCache.get(document);
}

/** The string value of a key, or undefined. */
export function stringAt(doc: Document.Parsed, map: YAMLMap, key: string): string | undefined {
  const value = resolveNode(doc, findPair(doc, map, key)?.value);
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

/** Go's JSON decoder keeps the last of duplicate keys: a finding points at the value it keeps. */
function lastPair(doc: Document.Parsed, map: YAMLMap, key: string): Pair<unknown, unknown> | undefined {
  for (let index = map.items.length - 1; index >= 0; index--) {
    const item = map.items[index];
    const itemKey = resolveNode(doc, item?.key);
    if (item && isScalar(itemKey) && String(itemKey.value) === key) return item;
  }
  return findPair(doc, map, key);
}
