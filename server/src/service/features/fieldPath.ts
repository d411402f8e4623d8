/**
 * Where a position is inside a Kubernetes object, as a schema path: the key under the
 * cursor (`spec.template.spec.containers[0].readinessProbe`) and the object it belongs to.
 * Walks the document's own nodes; merged keys are explained where they are written.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import { kubeObjectsIn } from '../kubernetes/objects';
import type { KubeObject } from '../kubernetes/objects';

export interface KeyAt {
  object: KubeObject;
  path: (string | number)[];
  /** The key node under the cursor. */
  key: Node;
}

const MAX_DEPTH = 200;

export function keyAt(doc: Document.Parsed, offset: number): KeyAt | undefined {
  for (const object of kubeObjectsIn(doc)) {
    const range = object.root.range;
    if (!range || offset < range[0] || offset > range[1]) continue;
    const found = walk(object.root, offset, [], 0);
    if (found) return { object, ...found };
  }
  return undefined;
}

function walk(node: unknown, offset: number, path: (string | number)[], depth: number): Omit<KeyAt, 'object'> | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const range = (item as Node | null)?.range;
      if (range && offset >= range[0] && offset <= range[1]) return walk(item, offset, [...path, index], depth + 1);
    }
    return undefined;
  }
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    const name = String(key.value);
    if (offset >= key.range[0] && offset <= key.range[1]) return { path: [...path, name], key };
    const value = pair.value as Node | null;
    if (value?.range && offset >= value.range[0] && offset <= value.range[1]) {
      const inner = walk(value, offset, [...path, name], depth + 1);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** `spec.template.spec.containers[].readinessProbe`, as kubectl explain names a field. */
export function fieldPathText(path: readonly (string | number)[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? '[]' : index === 0 ? segment : `.${segment}`)).join('');
}
