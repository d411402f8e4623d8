/**
 * An object of a kind the Kubernetes OpenAPI does not define (a custom resource, or a
 * typo of a built-in kind), as plain data with the offsets of its keys and values, so a
 * rule across files can validate it against a CRD from another file and still point at
 * the exact field.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import { boundedData } from '../document/boundedData';
import { isMergeKey, mergeSources, rangeOf, resolveNode } from '../document/yamlNodes';
import type { OffsetRange } from '../core/ruleMeta';
import { knownKind } from '../kubernetes/kinds';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';

/** Offsets of one field: its key (absent for list items), its value, and a map value's first key. */
export interface FieldLocation {
  key?: OffsetRange;
  value: OffsetRange;
  firstKey?: OffsetRange;
}

export interface CustomObjectFact extends Fact {
  apiVersion: string;
  kind: string;
  /** `apiVersion` split: '' and `v1` for the core group. */
  group: string;
  version: string;
  /** The object as the API server decodes it (nulls dropped); undefined when too large to read. */
  data: unknown;
  /** Field locations by path (`spec/endpoints/0/port`), under `at` so hosts ignore them when comparing facts. */
  fields: { at: Readonly<Record<string, FieldLocation>> };
}

const MAX_FIELDS = 50_000;

export const customObjectFacts = defineFactKind<CustomObjectFact>('custom-object', (object) => {
  const { apiVersion, kind } = object.ref;
  if (knownKind(apiVersion, kind) || kind.endsWith('List')) return [];
  const slash = apiVersion.lastIndexOf('/');
  const locations: Record<string, FieldLocation> = {};
  collect(object.doc, object.root, '', locations, { left: MAX_FIELDS }, 0);
  return [
    {
      ...factBase(object, rangeOf(object.root) ?? [0, 0]),
      apiVersion,
      kind,
      group: slash === -1 ? '' : apiVersion.slice(0, slash),
      version: apiVersion.slice(slash + 1),
      data: boundedData(object.doc, object.root),
      fields: { at: locations },
    },
  ];
});

/** The key a path is stored under: segments joined by '/', with '~' and '/' escaped as in a JSON pointer. */
export function fieldKey(path: readonly (string | number)[]): string {
  return path.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

function collect(
  doc: Document.Parsed,
  node: unknown,
  prefix: string,
  out: Record<string, FieldLocation>,
  budget: { left: number },
  depth: number,
): void {
  if (depth > 100) return;
  const resolved = resolveNode(doc, node);
  const join = (segment: string | number) => (prefix === '' ? '' : `${prefix}/`) + fieldKey([segment]);
  if (isSeq(resolved)) {
    resolved.items.forEach((item, index) => {
      if (--budget.left < 0) return;
      const range = rangeOf(resolveNode(doc, item) as Node) ?? [0, 0];
      const path = join(index);
      out[path] = { value: range, ...firstKeyOf(doc, item) };
      collect(doc, item, path, out, budget, depth + 1);
    });
    return;
  }
  if (!isMap(resolved)) return;
  for (const pair of resolved.items) {
    if (isMergeKey(doc, pair.key)) {
      for (const source of mergeSources(doc, pair.value)) collect(doc, source, prefix, out, budget, depth + 1);
      continue;
    }
    const key = resolveNode(doc, pair.key);
    if (!isScalar(key) || --budget.left < 0) continue;
    const path = join(String(key.value));
    const keyRange = rangeOf(key) ?? [0, 0];
    const valueNode = resolveNode(doc, pair.value) as Node | null;
    const value = (valueNode ? rangeOf(valueNode) : undefined) ?? keyRange;
    // A block map or list spans lines: its key is what a finding about it underlines.
    const block = (isMap(valueNode) || isSeq(valueNode)) && !valueNode.flow;
    if (!Object.hasOwn(out, path)) out[path] = { key: keyRange, value: block ? keyRange : value, ...firstKeyOf(doc, pair.value) };
    collect(doc, pair.value, path, out, budget, depth + 1);
  }
}

function firstKeyOf(doc: Document.Parsed, node: unknown): { firstKey?: OffsetRange } {
  const resolved = resolveNode(doc, node);
  const first = isMap(resolved) ? resolved.items[0] : undefined;
  const range = first && isScalar(first.key) ? rangeOf(first.key) : undefined;
  return range ? { firstKey: range } : {};
}
