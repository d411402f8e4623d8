/**
 * What the podspec rules share: the named items of a list (containers, ports, env
 * vars, volumes) and the names that repeat. A list item that carries a strategic-merge
 * directive (`$patch: delete`, `$patch: replace`) is an instruction to kustomize or
 * `kubectl patch`, not an item the API will see, so it is left out.
 */
import { isMap, isScalar } from 'yaml';
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { findPair, getString, hasKey, resolveNode } from '../../document/yamlNodes';

export interface NamedItem {
  name: string;
  /** The item as written in the list (an alias stays an alias). */
  item: unknown;
  map: YAMLMap;
  /** Where a finding about the item points: its name when written in the item, else the item. */
  node: Node | Pair<unknown, unknown>;
}

export function namedItems(doc: Document.Parsed, seq: YAMLSeq | undefined): NamedItem[] {
  if (!seq) return [];
  const items: NamedItem[] = [];
  for (const item of seq.items) {
    const map = resolveNode(doc, item);
    if (!isMap(map) || hasKey(doc, map, '$patch')) continue;
    const name = getString(doc, map, 'name');
    if (name === undefined) continue;
    const pair = findPair(doc, map, 'name');
    const written = item === map && pair !== undefined && map.items.includes(pair);
    const node = written && isScalar(pair.value) ? pair.value : (item as Node);
    items.push({ name, item, map, node });
  }
  return items;
}

/** Each item whose name an earlier item already has, with that earlier item. */
export function repeatedNames<T extends { name: string }>(items: readonly T[]): { earlier: T; later: T }[] {
  const seen = new Map<string, T>();
  const repeats: { earlier: T; later: T }[] = [];
  for (const item of items) {
    const earlier = seen.get(item.name);
    if (earlier) repeats.push({ earlier, later: item });
    seen.set(item.name, item);
  }
  return repeats;
}
