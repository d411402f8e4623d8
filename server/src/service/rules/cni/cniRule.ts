/**
 * What every CNI rule starts from: the config when its values can be read (the JSON has
 * no fatal mistake and the YAML parser agrees), and where to point at the whole object.
 */
import { isNode, isScalar, Scalar } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { nearestName } from '../../document/nearestName';
import type { CniDocument } from '../../cni/cniDocument';
import { plainConfig } from '../../cni/configModel';
import type { DocumentRuleContext, OffsetRange } from '../api/ruleTypes';

export interface ReadableConfig {
  document: CniDocument;
  doc: Document.Parsed;
  root: YAMLMap;
  /** The config as plain data (what ajv and the runtime see). */
  data: unknown;
}

/** The config, when rules on values may read it; undefined for broken JSON or a non-object. */
export function readableConfig(context: DocumentRuleContext<CniDocument>): ReadableConfig | undefined {
  const { document } = context;
  if (!document.readable || !document.doc || !document.root) return undefined;
  return { document, doc: document.doc, root: document.root, data: plainConfig(document) };
}

/** The opening `{` of an object: where a finding about the object as a whole goes (one character, not its lines). */
export function openingBrace(map: YAMLMap): OffsetRange {
  const start = map.range?.[0] ?? 0;
  return [start, start + 1];
}

/** A key as JSON writes it. */
export function jsonKey(name: string): string {
  return JSON.stringify(name);
}

/** A pair whose key looks like a misspelling of `wanted` (`cniversion`, `plugin`), when `wanted` itself is absent. */
export function misspeltPair(map: YAMLMap, wanted: string): Pair<unknown, unknown> | undefined {
  return map.items.find((pair) => {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    return typeof key === 'string' && key !== wanted && nearestName(key, [wanted]) === wanted;
  });
}

/** The value of a scalar node, or undefined. */
export function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** A JSON value's type in words, for messages. */
export function describeJsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}

const NOWHERE = new Scalar(null);

/** A value of the tree as a node to report (JSON values always are; anything else reports at the top). */
export function nodeOf(value: unknown): Node {
  return isNode(value) ? value : NOWHERE;
}
