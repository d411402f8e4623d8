/**
 * The schema's verdict on a config, once per document: ajv's errors, one per node (a
 * boolean field given 1 fails both its type and its enum: one problem), placed on the
 * node the error is about, without what other rules own (cniVersion, name, type, the
 * shape of plugins) and without values an installer fills in (placeholders).
 */
import { isScalar } from 'yaml';
import type { Node, Pair } from 'yaml';
import { schemaAt, schemaErrors } from '../../cni/cniSchema';
import type { SchemaNode } from '../../cni/cniSchema';
import { nodeAt } from '../../cni/configModel';
import type { JsonPath } from '../../cni/configModel';
import { holdsPlaceholder } from '../../cni/placeholders';
import type { CniDocument } from '../../cni/cniDocument';
import type { ReadableConfig } from './cniRule';

export interface SchemaProblem {
  keyword: 'type' | 'enum' | 'minimum' | 'maximum' | 'required' | 'minItems';
  /** JSON path of the value (for `required`, of the object missing the key). */
  path: JsonPath;
  /** The key the problem is about: the value's key, or the missing key. */
  key: string;
  value: unknown;
  node: Node | undefined;
  pair: Pair<unknown, unknown> | undefined;
  /** The schema node that failed (the field's). */
  schema: SchemaNode;
  params: Readonly<Record<string, unknown>>;
}

const KEYWORDS = new Set(['type', 'enum', 'minimum', 'maximum', 'required', 'minItems']);
/** Values other rules judge, with messages of their own. */
const OWNED_ELSEWHERE = new Set(['cniVersion', 'cniVersions', 'type']);
const cache = new WeakMap<CniDocument, SchemaProblem[]>();

export function schemaProblems(config: ReadableConfig): SchemaProblem[] {
  const cached = cache.get(config.document);
  if (cached) return cached;
  const byPath = new Map<string, SchemaProblem>();
  for (const error of schemaErrors(config.data)) {
    if (!KEYWORDS.has(error.keyword)) continue;
    const path = parsePointer(error.instancePath);
    const missing =
      error.keyword === 'required' ? String((error.params as { missingProperty?: unknown }).missingProperty) : undefined;
    const key = missing ?? String(path[path.length - 1] ?? '');
    if (ownedElsewhere(path, key, missing !== undefined)) continue;
    if (holdsPlaceholder(error.data)) continue;
    const where = `${error.instancePath}\u0000${missing ?? ''}`;
    // One problem per node: a type error explains more than the enum that follows it.
    if (byPath.has(where) && error.keyword !== 'type') continue;
    const at = nodeAt(config.doc, config.root, path);
    byPath.set(where, {
      keyword: error.keyword as SchemaProblem['keyword'],
      path,
      key,
      value: error.data,
      node: at?.node,
      pair: at?.pair,
      schema: error.parentSchema as SchemaNode,
      params: error.params as Record<string, unknown>,
    });
  }
  const problems = [...byPath.values()];
  cache.set(config.document, problems);
  return problems;
}

function ownedElsewhere(path: JsonPath, key: string, missing: boolean): boolean {
  if (OWNED_ELSEWHERE.has(key)) return true;
  // The network's name and plugins list, missing or of the wrong type.
  if ((key === 'name' || key === 'plugins') && path.length <= 1 && (missing || path[0] === key)) return true;
  // plugins itself, and its entries' shape, are cni-plugin-chain's.
  if (!missing && path[0] === 'plugins' && path.length <= 2) return true;
  return path[0] === 'cniVersions';
}

function parsePointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(?:0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
}

/** Who a value belongs to, for messages: `bridge`, `the host-local ipam`, `a host-local range`. */
export function ownerOf(config: ReadableConfig, path: JsonPath): string {
  const data = config.data;
  const at = (prefix: JsonPath): unknown => {
    let value: unknown = data;
    for (const segment of prefix) value = (value as Record<string | number, unknown> | undefined)?.[segment];
    return value;
  };
  const ipamIndex = path.lastIndexOf('ipam');
  if (ipamIndex !== -1) {
    const type = (at(path.slice(0, ipamIndex + 1)) as { type?: unknown } | undefined)?.type;
    const label = typeof type === 'string' ? `${type} ipam` : 'ipam';
    // Inside an entry (not the list itself): the entry.
    const inside = (list: string): boolean => path.includes(list) && path.indexOf(list) < path.length - 1;
    if (inside('ranges')) return `a ${label} range`;
    if (inside('routes')) return `a ${label} route`;
    if (inside('addresses')) return `a ${label} address`;
    return `the ${label}`;
  }
  const pluginPath = path[0] === 'plugins' && typeof path[1] === 'number' ? path.slice(0, 2) : [];
  const type = (at(pluginPath) as { type?: unknown } | undefined)?.type;
  if (pluginPath.length === 0 && (data as { plugins?: unknown } | undefined)?.plugins !== undefined) return 'the network';
  return typeof type === 'string' ? type : 'the plugin';
}

/** The schema's description of the value at a path, for messages that explain a key. */
export function describedAt(config: ReadableConfig, path: JsonPath): string | undefined {
  return schemaAt(config.data, path).find(({ node }) => node.description)?.node.description;
}

export function scalarText(node: Node | undefined): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}
