/**
 * Recognises a Kubernetes object: a document whose root is a map with string
 * `apiVersion` and `kind`. Anything else (GitHub workflows, docker-compose files,
 * Helm values) is not Kubernetes and gets no Kubernetes diagnostics.
 */
import { isMap, isScalar } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import type { ObjectRef } from '../core/types';
import { getMap, getSeq, getString, resolveNode } from '../document/yamlNodes';

export interface KubeObject {
  doc: Document.Parsed;
  root: YAMLMap;
  ref: ObjectRef;
  /** metadata.annotations as plain strings; non-string values are skipped. */
  annotations: ReadonlyMap<string, string>;
}

/**
 * The objects a document holds: itself, or for a list (`kind: List` from
 * `kubectl get -o yaml`, or any `*List` kind) each of its `items`.
 */
export function kubeObjectsIn(doc: Document.Parsed): KubeObject[] {
  const object = asKubeObject(doc);
  if (!object) return [];
  const items = object.ref.kind.endsWith('List') ? getSeq(doc, object.root, 'items') : undefined;
  if (!items) return [object];
  return items.items.flatMap((item) => {
    const itemObject = asKubeObject(doc, resolveNode(doc, item));
    return itemObject ? [itemObject] : [];
  });
}

export function asKubeObject(doc: Document.Parsed, node: unknown = doc.contents): KubeObject | undefined {
  const root = resolveNode(doc, node);
  if (!isMap(root)) return undefined;
  const apiVersion = getString(doc, root, 'apiVersion');
  const kind = getString(doc, root, 'kind');
  if (!apiVersion || !kind) return undefined;
  const metadata = getMap(doc, root, 'metadata');
  const ref: ObjectRef = { apiVersion, kind };
  const name = getString(doc, metadata, 'name');
  const namespace = getString(doc, metadata, 'namespace');
  if (name !== undefined) ref.name = name;
  if (namespace !== undefined) ref.namespace = namespace;
  return { doc, root, ref, annotations: readAnnotations(doc, getMap(doc, metadata, 'annotations')) };
}

function readAnnotations(doc: Document.Parsed, map: YAMLMap | undefined): Map<string, string> {
  const annotations = new Map<string, string>();
  for (const pair of map?.items ?? []) {
    const key = resolveNode(doc, pair.key);
    const value = resolveNode(doc, pair.value);
    if (isScalar(key) && isScalar(value)) annotations.set(String(key.value), String(value.value ?? ''));
  }
  return annotations;
}
