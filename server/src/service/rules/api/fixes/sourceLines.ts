/**
 * Where a node's text sits in its lines, for fixes that move or remove whole lines.
 */
import type { Node } from 'yaml';
import { lastLeaf } from './insertIntoMap';

/** Offset of the first character of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The column of `offset` (0-based), which for a block key is its indentation. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/**
 * The end of the line on which the node's text ends, before its line break and after
 * any comment on that line. Undefined when the node has no source position.
 */
export function contentLineEnd(text: string, node: Node): number | undefined {
  const leafEnd = lastLeaf(node)?.range?.[1];
  if (leafEnd === undefined) return undefined;
  // A value's range may run on over the line break (and blank lines) that follow it.
  let end = leafEnd;
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  const lineBreak = text.indexOf('\n', end);
  let at = lineBreak === -1 ? text.length : lineBreak;
  if (at > 0 && text[at - 1] === '\r') at--;
  return at;
}
