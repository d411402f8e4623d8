/**
 * A kustomization file, read (never run): what it takes in (resources, components,
 * patches), what it changes (namespace, name prefix and suffix, labels, replicas,
 * images) and what it makes (ConfigMap and Secret generators). Kustomize is not a
 * dependency we can run, so this reads the fields kustomize documents, keeping the
 * nodes so rules can point at an entry and hosts can resolve its path.
 *
 * Paths stay as written (relative to the kustomization's folder): the host resolves
 * them, because only it can look at the disk.
 */
import { isMap, isScalar } from 'yaml';
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { findPair, getMap, getScalarValue, getSeq, getString, mapItems, resolveNode } from '../document/yamlNodes';

export const KUSTOMIZATION_FILE_NAMES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Whether a file name (the last path segment) is one kustomize reads as its kustomization. */
export function isKustomizationFileName(name: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.includes(name);
}

export type PathField =
  | 'resources'
  | 'bases'
  | 'components'
  | 'patches'
  | 'patchesStrategicMerge'
  | 'patchesJson6902'
  | 'configMapGenerator'
  | 'secretGenerator';

/** One path a kustomization names: a file, a folder, or a remote URL (noted, never fetched). */
export interface PathEntry {
  field: PathField;
  path: string;
  remote: boolean;
  node: Scalar;
  /** The sequence the entry is an item of, and the item itself (a scalar, or the patch's map). */
  seq: YAMLSeq;
  item: Node;
}

/** Which objects a patch applies to; every field optional, as kustomize's selector. */
export interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

export interface PatchEntry {
  field: 'patches' | 'patchesStrategicMerge' | 'patchesJson6902';
  /** The patch file, when the patch is not inline. */
  file?: PathEntry;
  /** The inline patch text (`patch: |`, or an inline strategic merge patch). */
  inline?: Scalar;
  target?: PatchTarget;
  /** The `target:` map, or the entry, for findings about the target. */
  targetNode: Node;
  /** The list item: the patch's map, or a strategic merge patch's path or inline text. */
  item: Node;
}

export interface ImageEntry {
  name: string;
  node: Scalar;
  item: YAMLMap;
  seq: YAMLSeq;
}

export interface KustomizationModel {
  kind: 'Kustomization' | 'Component';
  root: YAMLMap;
  resources: PathEntry[];
  components: PathEntry[];
  patches: PatchEntry[];
  namespace?: string;
  namePrefix: string;
  nameSuffix: string;
  /** Labels written into selectors and pod templates (commonLabels, labels with includeSelectors). */
  selectorLabels: Record<string, string>;
  /** Labels written into metadata only. */
  metadataLabels: Record<string, string>;
  images: ImageEntry[];
  replicas: { name: string; count: number }[];
  generated: { kind: 'ConfigMap' | 'Secret'; name: string; item: YAMLMap }[];
  /**
   * The files generators read (`files:` as `path` or `key=path`, and `envs:`). Not
   * manifests: they are resolved for navigation only, never judged as resources.
   */
  generatorFiles: PathEntry[];
  /** Fields kustomize still reads but has replaced, with the pair that holds each. */
  deprecated: { field: DeprecatedField; pair: Pair<unknown, unknown> }[];
}

export type DeprecatedField = 'patchesStrategicMerge' | 'patchesJson6902' | 'commonLabels' | 'bases' | 'vars';
const DEPRECATED: readonly DeprecatedField[] = ['bases', 'commonLabels', 'patchesStrategicMerge', 'patchesJson6902', 'vars'];

const KUSTOMIZE_GROUP = 'kustomize.config.k8s.io/';

/**
 * Whether an apiVersion/kind pair is kustomize's own, never sent to a cluster: a
 * Kustomization or a Component, or the configuration of a built-in transformer or
 * generator (`apiVersion: builtin`, such as a LabelTransformer listed in `transformers:`).
 */
export function isKustomizeKind(apiVersion: string | undefined, kind: string | undefined): boolean {
  if (apiVersion === 'builtin') return kind !== undefined;
  return !!apiVersion?.startsWith(KUSTOMIZE_GROUP) && (kind === 'Kustomization' || kind === 'Component');
}

/** A remote resource: a URL or a go-getter style repository reference. */
export function isRemotePath(value: string): boolean {
  return /:\/\/|^github\.com\/|^git@|\?ref=|^gitlab\.com\//.test(value);
}

/**
 * The model of a kustomization document; undefined when the document is not one (a map
 * without kustomize fields, or of another apiVersion). `named` says the file has a
 * kustomization's name, which makes apiVersion and kind optional, as kustomize has them.
 */
export function readKustomization(doc: Document.Parsed, named: boolean): KustomizationModel | undefined {
  const root = resolveNode(doc, doc.contents);
  if (!isMap(root)) return undefined;
  const apiVersion = getString(doc, root, 'apiVersion');
  const kind = getString(doc, root, 'kind');
  if (apiVersion !== undefined || kind !== undefined) {
    if (!(apiVersion ?? KUSTOMIZE_GROUP).startsWith(KUSTOMIZE_GROUP)) return undefined;
    if (kind !== undefined && kind !== 'Kustomization' && kind !== 'Component') return undefined;
  } else if (!named) return undefined;
  const model: KustomizationModel = {
    kind: kind === 'Component' ? 'Component' : 'Kustomization',
    root,
    // In the order written, whichever of the two lists comes first.
    resources: [...pathEntries(doc, root, 'resources'), ...pathEntries(doc, root, 'bases')].sort(
      (a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0),
    ),
    components: pathEntries(doc, root, 'components'),
    patches: patchEntries(doc, root),
    namePrefix: getString(doc, root, 'namePrefix') ?? '',
    nameSuffix: getString(doc, root, 'nameSuffix') ?? '',
    selectorLabels: stringMap(doc, getMap(doc, root, 'commonLabels')),
    metadataLabels: {},
    images: imageEntries(doc, root),
    replicas: replicaEntries(doc, root),
    generated: generatedObjects(doc, root),
    generatorFiles: generatorFileEntries(doc, root),
    deprecated: [],
  };
  const namespace = getString(doc, root, 'namespace');
  if (namespace) model.namespace = namespace;
  for (const entry of mapItems(doc, getSeq(doc, root, 'labels'))) {
    const pairs = stringMap(doc, getMap(doc, entry, 'pairs'));
    Object.assign(getScalarValue(doc, entry, 'includeSelectors') === true ? model.selectorLabels : model.metadataLabels, pairs);
  }
  for (const field of DEPRECATED) {
    const pair = findPair(doc, root, field);
    if (pair) model.deprecated.push({ field, pair });
  }
  return model;
}

function pathEntries(doc: Document.Parsed, root: YAMLMap, field: 'resources' | 'bases' | 'components'): PathEntry[] {
  const seq = getSeq(doc, root, field);
  const entries: PathEntry[] = [];
  for (const item of seq?.items ?? []) {
    const node = resolveNode(doc, item);
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') {
      entries.push(pathEntry(field, node, seq!, node));
    }
  }
  return entries;
}

function pathEntry(field: PathField, node: Scalar, seq: YAMLSeq, item: Node, path = String(node.value).trim()): PathEntry {
  return { field, path, remote: isRemotePath(path), node, seq, item };
}

function patchEntries(doc: Document.Parsed, root: YAMLMap): PatchEntry[] {
  const entries: PatchEntry[] = [];
  for (const field of ['patches', 'patchesJson6902'] as const) {
    const seq = getSeq(doc, root, field);
    for (const item of mapItems(doc, seq)) {
      const entry: PatchEntry = { field, targetNode: item, item };
      const pathNode = resolveNode(doc, findPair(doc, item, 'path')?.value);
      if (isScalar(pathNode) && typeof pathNode.value === 'string') entry.file = pathEntry(field, pathNode, seq!, item);
      const inline = resolveNode(doc, findPair(doc, item, 'patch')?.value);
      if (isScalar(inline) && typeof inline.value === 'string') entry.inline = inline;
      const target = getMap(doc, item, 'target');
      if (target) {
        entry.target = targetOf(doc, target);
        entry.targetNode = target;
      }
      entries.push(entry);
    }
  }
  const strategic = getSeq(doc, root, 'patchesStrategicMerge');
  for (const item of strategic?.items ?? []) {
    const node = resolveNode(doc, item);
    if (!isScalar(node) || typeof node.value !== 'string') continue;
    // An item is a file path, or (kustomize allows it) an inline patch: a YAML map in a string.
    const inline = /\n|^\s*apiVersion:|^\s*kind:/.test(node.value);
    entries.push(
      inline
        ? { field: 'patchesStrategicMerge', inline: node, targetNode: node, item: node }
        : {
            field: 'patchesStrategicMerge',
            file: pathEntry('patchesStrategicMerge', node, strategic!, node),
            targetNode: node,
            item: node,
          },
    );
  }
  return entries;
}

function targetOf(doc: Document.Parsed, map: YAMLMap): PatchTarget {
  const target: PatchTarget = {};
  for (const key of ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'] as const) {
    const value = getString(doc, map, key);
    if (value !== undefined) target[key] = value;
  }
  return target;
}

function imageEntries(doc: Document.Parsed, root: YAMLMap): ImageEntry[] {
  const seq = getSeq(doc, root, 'images');
  const images: ImageEntry[] = [];
  for (const item of mapItems(doc, seq)) {
    const node = resolveNode(doc, findPair(doc, item, 'name')?.value);
    if (isScalar(node) && typeof node.value === 'string') images.push({ name: node.value, node, item, seq: seq! });
  }
  return images;
}

function replicaEntries(doc: Document.Parsed, root: YAMLMap): KustomizationModel['replicas'] {
  const replicas: KustomizationModel['replicas'] = [];
  for (const item of mapItems(doc, getSeq(doc, root, 'replicas'))) {
    const name = getString(doc, item, 'name');
    const count = getScalarValue(doc, item, 'count');
    if (name && typeof count === 'number' && Number.isInteger(count) && count >= 0) replicas.push({ name, count });
  }
  return replicas;
}

function generatedObjects(doc: Document.Parsed, root: YAMLMap): KustomizationModel['generated'] {
  const generated: KustomizationModel['generated'] = [];
  for (const [field, kind] of [
    ['configMapGenerator', 'ConfigMap'],
    ['secretGenerator', 'Secret'],
  ] as const) {
    for (const item of mapItems(doc, getSeq(doc, root, field))) {
      const name = getString(doc, item, 'name');
      if (name) generated.push({ kind, name, item });
    }
  }
  return generated;
}

function generatorFileEntries(doc: Document.Parsed, root: YAMLMap): PathEntry[] {
  const entries: PathEntry[] = [];
  for (const field of ['configMapGenerator', 'secretGenerator'] as const) {
    const generators = getSeq(doc, root, field);
    for (const generator of mapItems(doc, generators)) {
      for (const key of ['files', 'envs'] as const) {
        const seq = getSeq(doc, generator, key);
        for (const item of seq?.items ?? []) {
          const node = resolveNode(doc, item);
          if (!isScalar(node) || typeof node.value !== 'string') continue;
          // `key=path` names the data key; the file is what follows the first `=`.
          const path = node.value.slice(key === 'files' ? node.value.indexOf('=') + 1 : 0).trim();
          if (path !== '') entries.push(pathEntry(field, node, seq!, node, path));
        }
      }
    }
  }
  return entries;
}

function stringMap(doc: Document.Parsed, map: YAMLMap | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of map?.items ?? []) {
    const key = resolveNode(doc, pair.key);
    const value = resolveNode(doc, pair.value);
    if (isScalar(key) && isScalar(value) && value.value !== null && typeof value.value !== 'object') {
      result[String(key.value)] = String(value.value);
    }
  }
  return result;
}
