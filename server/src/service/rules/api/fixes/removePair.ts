/**
 * Removes one `key: value` pair of a block map with its line(s), including a comment at
 * the end of its last line. The line break *before* the pair goes with it, not the one
 * after: an insertion at the end of the same line (another edit of the same fix, such
 * as insertIntoBlockMap on the enclosing map) then still lands after the text that stays.
 *
 * No edit for a flow map or JSON, for a pair that shares its line with other text
 * (`- key: value`), for a block scalar value (it owns lines we would have to re-read),
 * or for a map's only pair (the map would become null).
 */
import { isNode, isScalar, Scalar } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { OffsetEdit } from '../ruleTypes';
import { contentLineEnd, lineStart } from './sourceLines';

export function removeBlockPair(text: string, map: YAMLMap, pair: Pair<unknown, unknown>): OffsetEdit | undefined {
  if (map.flow || map.items.length < 2 || !map.items.includes(pair)) return undefined;
  const key = pair.key;
  if (!isScalar(key) || !key.range) return undefined;
  const value = pair.value;
  if (isScalar(value) && (value.type === Scalar.BLOCK_LITERAL || value.type === Scalar.BLOCK_FOLDED)) return undefined;
  const first = lineStart(text, key.range[0]);
  if (first === 0 || text.slice(first, key.range[0]).trim() !== '') return undefined;
  const end = contentLineEnd(text, isNode(value) ? value : key);
  if (end === undefined) return undefined;
  const start = text[first - 2] === '\r' ? first - 2 : first - 1;
  return { start, end, text: '' };
}
