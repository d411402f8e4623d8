/** The YAML node a violation's target names, found by walking the object's AST by path. */
import { isMap, isSeq } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { findPair, resolveNode } from '../document/yamlNodes';
import type { Violation } from './validate';

export function targetNode(
  doc: Document.Parsed,
  root: YAMLMap,
  target: Violation['target'],
): Node | Pair<unknown, unknown> | undefined {
  const { path, part } = target;
  let current: unknown = root;
  let pair: Pair<unknown, unknown> | undefined;
  for (const segment of path) {
    const node = resolveNode(doc, current);
    if (typeof segment === 'number') {
      if (!isSeq(node)) return undefined;
      current = node.items[segment];
      pair = undefined;
    } else {
      if (!isMap(node)) return undefined;
      pair = findPair(doc, node, segment);
      if (!pair) return undefined;
      current = pair.value;
    }
  }
  if (part === 'key') return (pair?.key as Node | undefined) ?? pair;
  if (part === 'firstKey') {
    const item = resolveNode(doc, current);
    const first = isMap(item) ? item.items[0] : undefined;
    return (first?.key as Node | undefined) ?? (item as Node | undefined);
  }
  const value = resolveNode(doc, current) as Node | null | undefined;
  // A block map or list spans lines: underline its key, not the whole block.
  if ((isMap(value) || isSeq(value)) && !value.flow && pair?.key) return pair.key as Node;
  return (current as Node | null | undefined) ?? (pair?.key as Node | undefined) ?? pair;
}
