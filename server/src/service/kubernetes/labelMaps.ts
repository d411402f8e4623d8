/**
 * Where an object carries labels and label selectors: its own `metadata.labels`, the
 * labels of each pod template (what every pod it creates carries, and so what every
 * per-pod series carries), and the selectors of the fields that choose pods or objects
 * by label.
 */
import { isMap } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import { findPair, getMap, getMapAt, resolveNode } from '../document/yamlNodes';
import { podSpecPathsFor } from './kinds';
import type { KubeObject } from './objects';

export interface LabelMap {
  /** The `labels:` map itself. */
  map: YAMLMap;
  /** The `labels:` pair, for fixes that rename or remove it. */
  pair: Pair<unknown, unknown>;
  /** The metadata map holding it (where `annotations:` goes). */
  metadata: YAMLMap;
  /** 'object' for the object's own labels, 'template' for a pod template's. */
  of: 'object' | 'template';
  /** The template's path to its metadata, as written (`spec.template.metadata`). */
  path: string;
}

const TEMPLATE_SHAPED_PATHS: readonly (readonly string[])[] = [
  ['spec', 'template', 'metadata'],
  ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
];

/** The object's own labels and those of its pod templates. */
export function labelMapsOf(object: KubeObject): LabelMap[] {
  const maps: LabelMap[] = [];
  const own = getMap(object.doc, object.root, 'metadata');
  const ownLabels = labelMapOf(object, own, 'object', 'metadata');
  if (ownLabels) maps.push(ownLabels);
  for (const path of templateMetadataPaths(object)) {
    const metadata = getMapAt(object.doc, object.root, path);
    const labels = labelMapOf(object, metadata, 'template', path.join('.'));
    if (labels && labels.map !== ownLabels?.map) maps.push(labels);
  }
  return maps;
}

/** Paths to pod-template metadata: next to each template's pod spec. */
function templateMetadataPaths(object: KubeObject): (readonly string[])[] {
  const known = podSpecPathsFor(object.ref.apiVersion, object.ref.kind);
  if (!known) return [...TEMPLATE_SHAPED_PATHS];
  return known
    .filter((path) => path.length > 1 && path[path.length - 2] === 'template')
    .map((path) => [...path.slice(0, -1), 'metadata']);
}

function labelMapOf(object: KubeObject, metadata: YAMLMap | undefined, of: LabelMap['of'], path: string): LabelMap | undefined {
  if (!metadata) return undefined;
  const pair = findPair(object.doc, metadata, 'labels');
  const map = pair ? resolveNode(object.doc, pair.value) : undefined;
  return pair && isMap(map) ? { map, pair, metadata, of, path } : undefined;
}

export interface SelectorField {
  node: YAMLMap;
  /** 'labelSelector': `matchLabels` / `matchExpressions`; 'map': a plain `key: value` map (a Service's). */
  form: 'labelSelector' | 'map';
  path: string;
}

/** Kinds whose `spec.selector` is a plain map, not a LabelSelector. */
const MAP_SELECTOR_KINDS = new Set(['Service', 'ReplicationController']);

/** Selector fields of the object that choose pods, namespaces or objects by label. */
export function selectorFieldsOf(object: KubeObject): SelectorField[] {
  const { doc, root } = object;
  const spec = getMap(doc, root, 'spec');
  const fields: SelectorField[] = [];
  const selector = getMap(doc, spec, 'selector');
  if (selector) {
    const plain = MAP_SELECTOR_KINDS.has(object.ref.kind) && object.ref.apiVersion === 'v1';
    fields.push({ node: selector, form: plain ? 'map' : 'labelSelector', path: 'spec.selector' });
  }
  for (const key of ['podSelector', 'namespaceSelector']) {
    const map = getMap(doc, spec, key);
    if (map && object.ref.kind === 'NetworkPolicy') fields.push({ node: map, form: 'labelSelector', path: `spec.${key}` });
  }
  return fields;
}
