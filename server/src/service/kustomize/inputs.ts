/**
 * What a kustomization's entries resolve to, as the host found them on disk: each path
 * as written maps to a file or folder and the objects it contributes, or to nothing.
 * Plain data, so the service stays free of I/O and the rules can be tested with tables.
 */
import { parseChunk } from '../document/parseChunk';
import { splitYamlDocuments } from '../document/splitDocuments';
import { findPair, getMap, getString, rangeOf } from '../document/yamlNodes';
import { locatorOf } from '../core/ranges';
import type { Range } from '../core/types';
import { kubeObjectsIn } from '../kubernetes/objects';
import { parseImageReference } from '../kubernetes/imageReference';
import { allContainers } from '../kubernetes/workloads';
import { isKustomizeKind } from './kustomization';
import type { KustomizationModel, PatchTarget } from './kustomization';

/** One object a resource contributes, as kustomize's patch targets and image entries see it. */
export interface InputObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** Image names (without tag or digest) of its containers. */
  images: string[];
  /** Where it is written: the file and its `name:` (for go to definition); none for generated objects. */
  origin?: { file: string; range: Range };
}

export type ResolvedPath =
  | { status: 'file' | 'directory'; objects: InputObject[]; key: string }
  | { status: 'missing' }
  /** Remote, beyond the walk's depth, or unreadable: nothing can be said about what it holds. */
  | { status: 'unknown' }
  /** Outside the folders the host reads (the workspace): not read, so nothing is said about it either. */
  | { status: 'outside' };

export interface KustomizeInputs {
  /** By the path as written in the kustomization. */
  paths: ReadonlyMap<string, ResolvedPath>;
  /**
   * By the path as written (generator files included): the file go to definition opens,
   * the file itself or a folder's kustomization file. Only paths that exist are here.
   */
  destinations?: ReadonlyMap<string, string>;
}

/** The objects of a manifest's text, with the images their containers run; `file` names where they are written. */
export function objectsOfText(text: string, file?: string): InputObject[] {
  const objects: InputObject[] = [];
  for (const chunk of splitYamlDocuments(text)) {
    const parsed = parseChunk(chunk.text);
    if (!parsed.doc || parsed.unusable) continue;
    const locate = locatorOf(parsed.lineCounter, chunk.startLine);
    for (const object of kubeObjectsIn(parsed.doc)) {
      if (isKustomizeKind(object.ref.apiVersion, object.ref.kind)) continue;
      const images: string[] = [];
      for (const container of allContainers(object)) {
        const image = getString(object.doc, container.node, 'image');
        const name = image === undefined ? undefined : parseImageReference(image)?.name;
        if (name) images.push(name);
      }
      const input: InputObject = {
        apiVersion: object.ref.apiVersion,
        kind: object.ref.kind,
        name: object.ref.name ?? '',
        images,
      };
      if (object.ref.namespace !== undefined) input.namespace = object.ref.namespace;
      if (file !== undefined) {
        const metadata = getMap(object.doc, object.root, 'metadata');
        const [start, end] = rangeOf((metadata && findPair(object.doc, metadata, 'name')) ?? object.root) ?? [0, 0];
        input.origin = { file, range: locate(start, end) };
      }
      objects.push(input);
    }
  }
  return objects;
}

/** Whether an object is one a patch target selects (kind, name, namespace, group and version; no label selectors). */
export function targetSelects(
  target: { group?: string; version?: string; kind?: string; name?: string; namespace?: string },
  object: InputObject,
): boolean {
  const slash = object.apiVersion.indexOf('/');
  const group = slash === -1 ? '' : object.apiVersion.slice(0, slash);
  const version = object.apiVersion.slice(slash + 1);
  if (target.kind !== undefined && target.kind !== object.kind) return false;
  if (target.group !== undefined && target.group !== group) return false;
  if (target.version !== undefined && target.version !== version) return false;
  if (target.namespace !== undefined && object.namespace !== undefined && target.namespace !== object.namespace) return false;
  return target.name === undefined || nameMatches(target.name, object.name);
}

/** Whether a patch target of this kustomization selects the object, under its own name or as the kustomization renames it. */
export function patchSelects(
  kustomization: Pick<KustomizationModel, 'namePrefix' | 'nameSuffix'>,
  target: PatchTarget,
  object: InputObject,
): boolean {
  if (targetSelects(target, object)) return true;
  const renamed = `${kustomization.namePrefix}${object.name}${kustomization.nameSuffix}`;
  return renamed !== object.name && targetSelects(target, { ...object, name: renamed });
}

/** Kustomize matches target names as anchored regular expressions. */
function nameMatches(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  try {
    return new RegExp(`^(?:${pattern})$`).test(name);
  } catch {
    return false;
  }
}

/**
 * What the host knows about a file's place in a kustomization tree. A document's own
 * findings still depend only on its text: the engine applies this after the cache.
 */
export interface KustomizeRole {
  /** The file has a kustomization's name: a document without apiVersion and kind is still one. */
  named?: boolean;
  /** For a kustomization file: what its entries resolve to. */
  inputs?: KustomizeInputs;
  /** A patch of some kustomization: completeness findings are dropped and its objects contribute no facts. */
  partial?: boolean;
  /** For a patch file: the `target:`s the kustomizations that read it give it (a JSON 6902 patch's objects). */
  patchTargets?: readonly PatchTarget[];
  /** Fields the kustomization writes into this resource's objects (`selector`): completeness findings about them are dropped. */
  fills?: readonly string[];
  /** One per kustomization tree the file is built in: its facts are seen as each tree renders them. */
  renderings?: readonly Rendering[];
}

export const NO_INPUTS: KustomizeInputs = { paths: new Map() };

/**
 * What one kustomization tree does to a resource's objects on their way to the cluster,
 * composed from the kustomization that lists the file out to the overlay at the top.
 */
export interface Rendering {
  /** The namespace the outermost kustomization that sets one writes into every namespaced object. */
  namespace?: string;
  namePrefix: string;
  nameSuffix: string;
  /** Labels written into selectors and pod templates. */
  selectorLabels: Readonly<Record<string, string>>;
  /** `replicas:` entries by the name they give (before or after prefixes). */
  replicas: Readonly<Record<string, number>>;
}
