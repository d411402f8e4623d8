/**
 * Edits of JSON objects, for fixes in CNI configs: rename a key, replace a value, remove
 * a member with its comma. The YAML parser's flow map keeps each pair's key and value
 * ranges; the commas between them are found in the text.
 */
import { isNode } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { OffsetEdit } from '../api/ruleTypes';

export function renameKey(pair: Pair<unknown, unknown>, name: string): OffsetEdit | undefined {
  const range = isNode(pair.key) ? pair.key.range : undefined;
  return range ? { start: range[0], end: range[1], text: JSON.stringify(name) } : undefined;
}

export function replaceValue(node: unknown, json: string): OffsetEdit | undefined {
  const range = isNode(node) ? node.range : undefined;
  return range ? { start: range[0], end: range[1], text: json } : undefined;
}

/**
 * Removes `"key": value` from an object: up to the next member when there is one (its
 * comma and the line break go too), else from the end of the previous member (its comma).
 */
export function removeMember(text: string, map: YAMLMap, pair: Pair<unknown, unknown>): OffsetEdit | undefined {
  const index = map.items.indexOf(pair);
  const start = isNode(pair.key) ? pair.key.range?.[0] : undefined;
  const end = isNode(pair.value) ? pair.value.range?.[1] : isNode(pair.key) ? pair.key.range?.[1] : undefined;
  if (index === -1 || start === undefined || end === undefined) return undefined;
  const next = map.items[index + 1];
  const nextStart = next && isNode(next.key) ? next.key.range?.[0] : undefined;
  if (nextStart !== undefined) {
    if (!/^\s*,\s*$/.test(text.slice(end, nextStart))) return undefined;
    return { start, end: nextStart, text: '' };
  }
  const previous = map.items[index - 1];
  const previousEnd = previous
    ? isNode(previous.value)
      ? previous.value.range?.[1]
      : isNode(previous.key)
        ? previous.key.range?.[1]
        : undefined
    : undefined;
  if (previousEnd !== undefined) {
    if (!/^\s*,\s*$/.test(text.slice(previousEnd, start))) return undefined;
    return { start: previousEnd, end, text: '' };
  }
  return { start, end, text: '' };
}
