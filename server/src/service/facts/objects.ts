/**
 * Every named object of the workspace, as references see it: its kind, name, namespace
 * and labels. References that name an object (a ConfigMap, a ServiceAccount, an HPA's
 * target) resolve against these, and the editor's workspace symbols list them.
 */
import { findPair, getMap, getSeq, getString, mapItems, rangeOf } from '../document/yamlNodes';
import type { OffsetRange } from '../core/ruleMeta';
import { equalityRequirements } from '../kubernetes/labelSelector';
import type { KubeObject } from '../kubernetes/objects';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';

/** A place in the document, as a record of its own so the `at` convention holds (hosts ignore `at` fields). */
export interface Site {
  at: OffsetRange;
}

export interface ObjectFact extends Fact {
  kind: string;
  apiVersion: string;
  /** `metadata.labels` (string values only). */
  labels: Readonly<Record<string, string>>;
  /** The whole object, for the outline and for navigation that selects it. */
  objectSite: Site;
  /** `at` is the object's `name:` pair, else the object. */
  /**
   * For a ConfigMap or Secret a kustomization's generator makes: the name the generator
   * gives, which references in the same tree use (kustomize rewrites them with the prefix).
   */
  generatedAs?: string;
}

export const objectFacts = defineFactKind<ObjectFact>('object', (object) => [
  // A kustomization is no cluster object, but its generators make some.
  ...(isKustomizeInput(object) ? [] : [writtenObject(object)]),
  ...generatedObjects(object),
]);

/** Kustomize's own documents (kustomization/kustomization.ts isKustomizeKind, which this layer may not import). */
function isKustomizeInput(object: KubeObject): boolean {
  return object.ref.apiVersion === 'builtin' || object.ref.apiVersion.startsWith('kustomize.config.k8s.io/');
}

function isKustomization(object: KubeObject): boolean {
  const { kind, apiVersion } = object.ref;
  return (kind === 'Kustomization' || kind === 'Component') && apiVersion.startsWith('kustomize.config.k8s.io/');
}

function writtenObject(object: KubeObject): ObjectFact {
  return {
    ...factBase(object, nameAtOf(object)),
    kind: object.ref.kind,
    apiVersion: object.ref.apiVersion,
    labels: labelsOf(object),
    objectSite: { at: rangeOf(object.root) ?? [0, 0] },
  };
}

const GENERATORS = [
  ['configMapGenerator', 'ConfigMap'],
  ['secretGenerator', 'Secret'],
] as const;

/**
 * The ConfigMaps and Secrets a kustomization's generators make: objects of the tree like
 * any written one, named with the kustomization's prefix and suffix and put in its
 * namespace (or the generator's own). The place of each is the generator's `name:`.
 */
function generatedObjects(object: KubeObject): ObjectFact[] {
  const { doc, root } = object;
  if (!isKustomization(object)) return [];
  const prefix = getString(doc, root, 'namePrefix') ?? '';
  const suffix = getString(doc, root, 'nameSuffix') ?? '';
  const facts: ObjectFact[] = [];
  for (const [field, kind] of GENERATORS) {
    for (const generator of mapItems(doc, getSeq(doc, root, field))) {
      const written = getString(doc, generator, 'name');
      if (!written) continue;
      const name = `${prefix}${written}${suffix}`;
      const namespace = getString(doc, generator, 'namespace') ?? getString(doc, root, 'namespace') ?? '';
      const at = rangeOf(findPair(doc, generator, 'name') ?? generator) ?? [0, 0];
      facts.push({
        object: { apiVersion: 'v1', kind, name, ...(namespace ? { namespace } : {}) },
        namespace,
        name,
        at,
        kind,
        apiVersion: 'v1',
        labels: {},
        objectSite: { at: rangeOf(generator) ?? at },
        generatedAs: written,
      });
    }
  }
  return facts;
}

/** Where an object's name is written: where findings and navigation about the object go. */
export function nameAtOf(object: KubeObject): OffsetRange {
  const metadata = getMap(object.doc, object.root, 'metadata');
  const name = metadata ? findPair(object.doc, metadata, 'name') : undefined;
  return rangeOf(name ?? object.root) ?? [0, 0];
}

export function labelsOf(object: KubeObject): Record<string, string> {
  const labels: Record<string, string> = {};
  const map = getMap(object.doc, getMap(object.doc, object.root, 'metadata'), 'labels');
  for (const requirement of equalityRequirements(object.doc, map)) {
    if (requirement.type === 'label') labels[requirement.key] = requirement.value;
  }
  return labels;
}
