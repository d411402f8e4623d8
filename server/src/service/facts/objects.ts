/**
 * Every named object of the workspace, as references see it: its kind, name, namespace
 * and labels. References that name an object (a ConfigMap, a ServiceAccount, an HPA's
 * target) resolve against these, and the editor's workspace symbols list them.
 */
import { findPair, getMap, rangeOf } from '../document/yamlNodes';
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
}

export const objectFacts = defineFactKind<ObjectFact>('object', (object) => [
  {
    ...factBase(object, nameAtOf(object)),
    kind: object.ref.kind,
    apiVersion: object.ref.apiVersion,
    labels: labelsOf(object),
    objectSite: { at: rangeOf(object.root) ?? [0, 0] },
  },
]);

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
