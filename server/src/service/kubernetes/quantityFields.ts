/**
 * Every place a resource.Quantity goes in an object, found through the paths generated
 * from the OpenAPI (schemas/kubernetes-kinds.json): container requests and limits, pod
 * overhead and pod-level resources, emptyDir sizeLimit, PVC and volume claim template
 * storage, LimitRange and ResourceQuota values, and the rest. Custom resources shaped
 * like workloads get their pod spec's quantities.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { findPair, resolveNode, isMergeKey } from '../document/yamlNodes';
import { podSpecQuantityPaths, quantityPathsFor } from './kinds';
import type { KubeObject } from './objects';
import { findPodSpecs } from './workloads';
import type { QuantityResource } from './quantitySuggestions';

export interface QuantityField {
  /** The `key: value` pair; findings about the value point at `value`. */
  pair: Pair<unknown, unknown>;
  value: Node | undefined;
  /** The map key (`cpu`, `requests.memory`, `nvidia.com/gpu`) or the field name (`sizeLimit`). */
  key: string;
  /** The schema path, '[]' for each item and '*' for each map value. */
  path: readonly string[];
  resource: QuantityResource;
  /** What the number limits: a request (what the scheduler reserves) or a limit. */
  role: 'request' | 'limit' | 'other';
  /** The value as Kubernetes reads it, or why it is not a quantity at all. */
  text: string | { wrongType: string };
  /** The pod spec the field belongs to, when it belongs to one. */
  podSpec?: YAMLMap;
  /** The container map, for container requests and limits. */
  container?: YAMLMap;
}

/** Several rules and the workspace facts ask for the same object's fields: walk it once. */
const memo = new WeakMap<YAMLMap, QuantityField[]>();

export function quantityFieldsOf(object: KubeObject): readonly QuantityField[] {
  const known = memo.get(object.root);
  if (known) return known;
  const fields = walkObject(object);
  memo.set(object.root, fields);
  return fields;
}

function walkObject(object: KubeObject): QuantityField[] {
  const fields: QuantityField[] = [];
  for (const path of quantityPathsFor(object.ref.apiVersion, object.ref.kind)) {
    walk(object.doc, object.root, path, 0, {}, fields, path);
  }
  for (const podSpec of findPodSpecs(object)) {
    for (const path of podSpecQuantityPaths) walk(object.doc, podSpec, path, 0, { podSpec }, fields, path);
  }
  return fields;
}

interface Owner {
  podSpec?: YAMLMap;
  container?: YAMLMap;
}

function walk(
  doc: Document.Parsed,
  node: YAMLMap,
  path: readonly string[],
  at: number,
  owner: Owner,
  out: QuantityField[],
  full: readonly string[],
): void {
  const segment = path[at];
  if (segment === undefined) return;
  const last = at === path.length - 1;
  if (segment === '*') {
    // A map of quantities: each entry is one.
    for (const pair of node.items) {
      const key = resolveNode(doc, pair.key);
      if (isScalar(key) && !isMergeKey(doc, key)) out.push(field(doc, pair, String(key.value), full, owner));
    }
    return;
  }
  const pair = findPair(doc, node, segment);
  if (!pair) return;
  if (last) {
    out.push(field(doc, pair, segment, full, owner));
    return;
  }
  const value = resolveNode(doc, pair.value);
  if (path[at + 1] === '[]') {
    if (!isSeq(value)) return;
    for (const item of value.items) {
      const resolved = resolveNode(doc, item);
      if (!isMap(resolved)) continue;
      const itemOwner = segment.endsWith('ontainers') && owner.podSpec ? { ...owner, container: resolved } : owner;
      walk(doc, resolved, path, at + 2, itemOwner, out, full);
    }
    return;
  }
  if (isMap(value)) walk(doc, value, path, at + 1, owner, out, full);
}

function field(
  doc: Document.Parsed,
  pair: Pair<unknown, unknown>,
  key: string,
  path: readonly string[],
  owner: Owner,
): QuantityField {
  const value = resolveNode(doc, pair.value) as Node | undefined;
  const result: QuantityField = {
    pair,
    value: value ?? undefined,
    key,
    path,
    resource: resourceOf(key, path),
    role: roleOf(key, path),
    text: quantityText(value),
  };
  if (owner.podSpec) result.podSpec = owner.podSpec;
  if (owner.container) result.container = owner.container;
  return result;
}

/**
 * The text Kubernetes parses. A YAML number reaches the API as a JSON number, whose
 * digits are parsed like a string; we keep the source spelling when it is a valid
 * quantity so `1e3` and `0.5` read exactly as written.
 */
function quantityText(value: unknown): QuantityField['text'] {
  if (!isScalar(value)) return { wrongType: value === undefined || value === null ? 'empty' : isSeq(value) ? 'a list' : 'a map' };
  // The API server trims a quantity string before parsing it (Quantity.UnmarshalJSON).
  if (typeof value.value === 'string') return value.value.trim();
  if (typeof value.value === 'number') {
    const source = value.source;
    return typeof source === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(source) ? source : String(value.value);
  }
  if (typeof value.value === 'bigint') return value.value.toString();
  return { wrongType: value.value === null ? 'empty' : `a ${typeof value.value}` };
}

/** `requests.cpu`, `limits.memory`, `cpu`, `hugepages-2Mi`, `sizeLimit` … → what is measured. */
export function resourceOfKey(key: string): QuantityResource {
  const name = key.replace(/^(requests|limits)\./, '');
  if (name === 'cpu') return 'cpu';
  if (name === 'memory' || name.startsWith('hugepages-')) return 'memory';
  if (name === 'storage' || name === 'ephemeral-storage') return 'storage';
  if (
    name === 'pods' ||
    name.startsWith('count/') ||
    /^(services|secrets|configmaps|persistentvolumeclaims|replicationcontrollers|resourcequotas)(\.|$)/.test(name)
  ) {
    return 'count';
  }
  return 'other';
}

function resourceOf(key: string, path: readonly string[]): QuantityResource {
  if (path[path.length - 1] === '*') {
    // maxLimitRequestRatio holds ratios, not amounts of the resource.
    return path.includes('maxLimitRequestRatio') ? 'other' : resourceOfKey(key);
  }
  if (key === 'sizeLimit' || key === 'capacity' || key === 'maximumVolumeSize') return 'storage';
  return 'other';
}

function roleOf(key: string, path: readonly string[]): QuantityField['role'] {
  if (path[0] === 'spec' && path[1] === 'limits' && path[2] === '[]') {
    // LimitRange: defaultRequest and default are what containers get when they say nothing.
    return path[3] === 'defaultRequest' ? 'request' : path[3] === 'default' ? 'limit' : 'other';
  }
  if (path[0] === 'spec' && path[1] === 'hard') {
    // ResourceQuota: a bare `cpu` or `memory` means requests.cpu or requests.memory.
    if (key.startsWith('limits.')) return 'limit';
    return key.startsWith('requests.') || key === 'cpu' || key === 'memory' ? 'request' : 'other';
  }
  const parent = path[path.length - 2];
  return parent === 'requests' ? 'request' : parent === 'limits' ? 'limit' : 'other';
}
