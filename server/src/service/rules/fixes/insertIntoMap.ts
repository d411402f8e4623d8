/**
 * Inserts new entries at the end of a block-style YAML map, at the indentation of
 * its existing keys. Flow maps (`{a: 1}`) and JSON get no such fix: the right text
 * there depends on layout choices we cannot know, so no fix is offered.
 */
import { isScalar } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import type { OffsetEdit } from '../types';

export function insertIntoBlockMap(text: string, map: YAMLMap, lines: readonly string[]): OffsetEdit | undefined {
  if (map.flow || map.items.length === 0) return undefined;
  const firstKey = map.items[0]?.key;
  const last = map.items[map.items.length - 1];
  if (!isScalar(firstKey) || !firstKey.range || !last) return undefined;
  const keyStart = firstKey.range[0];
  const column = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const lastNode = (last.value ?? last.key) as Node | null;
  let end = lastNode?.range?.[1];
  if (end === undefined) return undefined;
  // A node's end may sit after the newline that closes it; step back onto its line.
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  const lineEnd = text.indexOf('\n', end);
  const at = lineEnd === -1 ? text.length : lineEnd;
  const eol = lineEnd > 0 && text[lineEnd - 1] === '\r' ? '\r\n' : '\n';
  const insertAt = eol === '\r\n' ? at - 1 : at;
  const indent = ' '.repeat(column);
  return { start: insertAt, end: insertAt, text: lines.map((line) => `${eol}${indent}${line}`).join('') };
}
