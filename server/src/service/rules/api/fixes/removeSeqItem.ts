/**
 * Removes one item of a block sequence (`- name: A` and the lines of its map) with its
 * line break before it, as removeBlockPair does for a pair.
 *
 * No edit for a flow sequence or JSON, for an item that is an alias (`- *shared`: the
 * anchor's text is elsewhere), for an item that shares its first line with other text,
 * or for the sequence's only item.
 */
import { isAlias, isNode } from 'yaml';
import type { YAMLSeq } from 'yaml';
import type { OffsetEdit } from '../ruleTypes';
import { contentLineEnd, lineStart } from './sourceLines';

export function removeBlockSeqItem(text: string, seq: YAMLSeq, item: unknown): OffsetEdit | undefined {
  if (seq.flow || seq.items.length < 2 || !seq.items.includes(item) || !isNode(item) || isAlias(item)) return undefined;
  if (!item.range) return undefined;
  const first = lineStart(text, item.range[0]);
  // Only the dash (and spaces) may stand before the item on its first line.
  if (first === 0 || !/^\s*-\s+$/.test(text.slice(first, item.range[0]))) return undefined;
  const end = contentLineEnd(text, item);
  if (end === undefined) return undefined;
  const start = text[first - 2] === '\r' ? first - 2 : first - 1;
  return { start, end, text: '' };
}
