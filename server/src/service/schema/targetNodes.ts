/** The YAML node a violation's target names, found by walking the object's AST by path. */
import { isMap, isScalar, isSeq } from 'yaml';
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

/**
 * Whether the map holding the target's last key already has `name` as a key, even with an
 * empty value (which the data the schema judges leaves out): renaming to it writes the key twice.
 */
export function siblingKeyExists(doc: Document.Parsed, root: YAMLMap, target: Violation['target'], name: string): boolean {
  const ownerPath = target.path.slice(0, -1);
  let owner: unknown = root;
  for (const segment of ownerPath) {
    const node = resolveNode(doc, owner);
    if (typeof segment === 'number') owner = isSeq(node) ? node.items[segment] : undefined;
    else owner = isMap(node) ? findPair(doc, node, segment)?.value : undefined;
  }
  owner = resolveNode(doc, owner);
  if (!isMap(owner)) return false;
  return owner.items.some((item) => {
    const key = resolveNode(doc, item.key);
    return isScalar(key) && String(key.value) === name;
  });
}
