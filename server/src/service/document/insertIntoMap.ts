/**
 * Inserts new entries at the end of a block-style YAML map, at the indentation of
 * its existing keys. Flow maps (`{a: 1}`) and JSON get no such fix: the right text
 * there depends on layout choices we cannot know, so no fix is offered.
 */
import { isCollection, isPair, isScalar, Scalar } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import type { OffsetEdit } from '../core/ruleMeta';

export function insertIntoBlockMap(text: string, map: YAMLMap, lines: readonly string[]): OffsetEdit | undefined {
  if (map.flow || map.items.length === 0) return undefined;
  const firstKey = map.items[0]?.key;
  if (!isScalar(firstKey) || !firstKey.range) return undefined;
  const keyStart = firstKey.range[0];
  const indent = ' '.repeat(keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1));
  const leaf = lastLeaf(map);
  const leafEnd = leaf?.range?.[1];
  if (leafEnd === undefined) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';

  // A block scalar owns the lines up to its end, trailing blank lines included when it
  // keeps them (`|+`): insert after all of them, or the fix would change the value.
  if (isBlockScalar(leaf) && text[leafEnd - 1] === '\n') {
    return { start: leafEnd, end: leafEnd, text: lines.map((line) => `${indent}${line}${eol}`).join('') };
  }
  // Otherwise insert at the end of the line where the last value ends (after any
  // trailing comment on that line), stepping back over a closing newline first.
  let end = leafEnd;
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  const lineEnd = text.indexOf('\n', end);
  let at = lineEnd === -1 ? text.length : lineEnd;
  if (at > 0 && text[at - 1] === '\r') at--;
  return { start: at, end: at, text: lines.map((line) => `${eol}${indent}${line}`).join('') };
}

/** The node whose text ends the map: the last value of the last value, and so on down. */
export function lastLeaf(node: Node): Node | undefined {
  let current: Node | undefined = node;
  while (current && isCollection(current) && current.items.length > 0) {
    const last: unknown = current.items[current.items.length - 1];
    const next = isPair(last) ? (last.value ?? last.key) : last;
    if (!next || typeof next !== 'object' || !('range' in next)) break;
    current = next as Node;
  }
  return current;
}

function isBlockScalar(node: Node | undefined): boolean {
  return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
}
