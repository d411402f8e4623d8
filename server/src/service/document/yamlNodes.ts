/** Small typed accessors over the `yaml` AST that follow aliases and never throw. */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';

type Parsed = Document.Parsed;

export function resolveNode(doc: Parsed, node: unknown): unknown {
  // One level of alias is all YAML allows: an alias points at an anchored node, not at another alias.
  return isAlias(node) ? node.resolve(doc) : node;
}

const MERGE_KEY = '<<';
/** Merges nest rarely; the bound only guards against alias cycles. */
const MAX_MERGE_DEPTH = 8;

/**
 * The pair for `key`, following YAML merge keys (`<<: *defaults`) as kubectl's decoder
 * does: keys written in the map itself win over merged ones.
 */
export function findPair(doc: Parsed, map: YAMLMap, key: string, depth = 0): Pair<unknown, unknown> | undefined {
  for (const item of map.items) {
    if (keyText(doc, item.key) === key) return item;
  }
  if (depth >= MAX_MERGE_DEPTH) return undefined;
  for (const item of map.items) {
    if (!isMergeKey(doc, item.key)) continue;
    for (const source of mergeSources(doc, item.value)) {
      const found = isMap(source) ? findPair(doc, source, key, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** Whether a key is YAML's merge key `<<`. */
export function isMergeKey(doc: Parsed, key: unknown): boolean {
  return keyText(doc, key) === MERGE_KEY;
}

/** The maps a merge key's value brings in (`<<: *a` or `<<: [*a, *b]`), earlier ones first; they win over later ones. */
export function mergeSources(doc: Parsed, value: unknown): unknown[] {
  const merged = resolveNode(doc, value);
  return isSeq(merged) ? merged.items.map((source) => resolveNode(doc, source)) : [merged];
}

/** Deep enough for any manifest field; the bound only guards against alias cycles. */
const MAX_PLAIN_DEPTH = 32;

/**
 * Plain data from a node, as kubectl's decoder sees it: aliases followed, merge keys
 * applied (keys written in a map win over merged ones, earlier sources over later ones).
 */
export function plainData(doc: Parsed, node: unknown, depth = 0): unknown {
  if (depth > MAX_PLAIN_DEPTH) return undefined;
  const resolved = resolveNode(doc, node);
  if (isScalar(resolved)) return resolved.value;
  if (isSeq(resolved)) return resolved.items.map((item) => plainData(doc, item, depth + 1));
  if (!isMap(resolved)) return resolved ?? null;
  const own: Record<string, unknown> = {};
  const merged: Record<string, unknown>[] = [];
  for (const item of resolved.items) {
    const name = keyText(doc, item.key);
    if (name === undefined) continue;
    if (name !== MERGE_KEY) {
      own[name] = plainData(doc, item.value, depth + 1);
      continue;
    }
    for (const source of mergeSources(doc, item.value)) {
      const value = plainData(doc, source, depth + 1);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) merged.push(value as Record<string, unknown>);
    }
  }
  return Object.assign({}, ...[...merged].reverse(), own) as Record<string, unknown>;
}

function keyText(doc: Parsed, key: unknown): string | undefined {
  const resolved = resolveNode(doc, key);
  return isScalar(resolved) ? String(resolved.value) : undefined;
}

export function getValue(doc: Parsed, map: YAMLMap, key: string): unknown {
  const pair = findPair(doc, map, key);
  return pair ? resolveNode(doc, pair.value) : undefined;
}

export function getMap(doc: Parsed, map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  if (!map) return undefined;
  const value = getValue(doc, map, key);
  return isMap(value) ? value : undefined;
}

export function getSeq(doc: Parsed, map: YAMLMap | undefined, key: string): YAMLSeq | undefined {
  if (!map) return undefined;
  const value = getValue(doc, map, key);
  return isSeq(value) ? value : undefined;
}

/** Follows a path of keys through nested maps. */
export function getMapAt(doc: Parsed, map: YAMLMap | undefined, path: readonly string[]): YAMLMap | undefined {
  let current = map;
  for (const key of path) current = getMap(doc, current, key);
  return current;
}

export function getString(doc: Parsed, map: YAMLMap | undefined, key: string): string | undefined {
  if (!map) return undefined;
  const value = getValue(doc, map, key);
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

export function getScalarValue(doc: Parsed, map: YAMLMap | undefined, key: string): unknown {
  if (!map) return undefined;
  const value = getValue(doc, map, key);
  return isScalar(value) ? value.value : undefined;
}

/** The maps of a sequence, skipping items of other shapes (those are schema errors, not ours). */
export function mapItems(doc: Parsed, seq: YAMLSeq | undefined): YAMLMap[] {
  if (!seq) return [];
  const maps: YAMLMap[] = [];
  for (const item of seq.items) {
    const resolved = resolveNode(doc, item);
    if (isMap(resolved)) maps.push(resolved);
  }
  return maps;
}

export function hasKey(doc: Parsed, map: YAMLMap, key: string): boolean {
  return findPair(doc, map, key) !== undefined;
}

/** Source range [start, end) of a node or a whole key: value pair. */
export function rangeOf(target: Node | Pair<unknown, unknown>): [number, number] | undefined {
  if ('range' in target && target.range) return [target.range[0], target.range[1]];
  const pair = target as Pair<unknown, unknown>;
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  const start = key?.range?.[0] ?? value?.range?.[0];
  const end = value?.range?.[1] ?? key?.range?.[1];
  return start === undefined || end === undefined ? undefined : [start, end];
}
