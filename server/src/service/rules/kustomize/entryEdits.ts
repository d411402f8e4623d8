/**
 * Edits of a kustomization's lists, shared by the family: removing one entry of a
 * block sequence (a path that does not exist, a duplicate, an unused image), and the
 * line layout those edits need. Flow sequences (`[a.yaml, b.yaml]`) and an entry that
 * shares its line get no edit: rewriting them safely means re-flowing text we did not write.
 */
import type { Node, YAMLSeq } from 'yaml';
import type { OffsetEdit } from '../api/ruleTypes';
import { contentLineEnd, lineStart } from '../api/fixes/sourceLines';

/** Removes `item` (a scalar or a map) from a block sequence, with its line(s); not the only item. */
export function removeSeqItem(text: string, seq: YAMLSeq, item: Node): OffsetEdit | undefined {
  if (seq.flow || seq.items.length < 2 || !seq.items.includes(item) || !item.range) return undefined;
  const first = lineStart(text, item.range[0]);
  if (!/^\s*-\s*$/.test(text.slice(first, item.range[0]))) return undefined;
  const end = contentLineEnd(text, item);
  if (end === undefined || first === 0) return undefined;
  // The line break before the entry goes with it, so the list keeps its last line break.
  const start = text[first - 2] === '\r' ? first - 2 : first - 1;
  return { start, end, text: '' };
}
