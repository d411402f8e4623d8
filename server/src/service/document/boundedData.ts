/**
 * Plain data from a node for schema validation, as the API server decodes it: aliases
 * followed, merge keys applied (as plainData does), and `key: null` dropped, since the API
 * server treats a null field as unset. Bounded in depth and in size, so a hostile or huge
 * document yields `undefined` instead of a stack overflow or a long stall.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { isMergeKey, mergeSources, resolveNode } from './yamlNodes';

export interface DataBounds {
  maxDepth: number;
  maxNodes: number;
}

export const DEFAULT_DATA_BOUNDS: DataBounds = { maxDepth: 200, maxNodes: 200_000 };

/** undefined when the bounds are exceeded. */
export function boundedData(doc: Document.Parsed, node: unknown, bounds: DataBounds = DEFAULT_DATA_BOUNDS): unknown {
  const budget = { nodes: bounds.maxNodes };
  try {
    return convert(doc, node, bounds.maxDepth, budget);
  } catch (error) {
    if (error === TOO_BIG) return undefined;
    throw error;
  }
}

const TOO_BIG = Symbol('too big');

function convert(doc: Document.Parsed, node: unknown, depth: number, budget: { nodes: number }): unknown {
  if (depth < 0 || --budget.nodes < 0) throw TOO_BIG;
  const resolved = resolveNode(doc, node);
  if (isScalar(resolved)) return resolved.value;
  if (isSeq(resolved)) return resolved.items.map((item) => convert(doc, item, depth - 1, budget));
  if (!isMap(resolved)) return resolved ?? null;
  const own: Record<string, unknown> = {};
  const merged: Record<string, unknown>[] = [];
  for (const item of resolved.items) {
    if (isMergeKey(doc, item.key)) {
      for (const source of mergeSources(doc, item.value)) {
        const value = convert(doc, source, depth - 1, budget);
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) merged.push(value as Record<string, unknown>);
      }
      continue;
    }
    const key = resolveNode(doc, item.key);
    if (!isScalar(key)) continue;
    const value = convert(doc, item.value, depth - 1, budget);
    if (value !== null && value !== undefined) own[String(key.value)] = value;
  }
  const result: Record<string, unknown> = {};
  for (const source of [...merged].reverse()) Object.assign(result, source);
  return Object.assign(result, own);
}
