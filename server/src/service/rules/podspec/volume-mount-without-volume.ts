/**
 * A volumeMount whose name is no volume of the pod (nor, in a StatefulSet, a
 * volumeClaimTemplate). The API rejects the pod (`volumeMounts[0].name: Not found`).
 *
 * Judged only where the pod spec is complete: a strategic-merge patch (kustomize,
 * `kubectl patch`) lists a container with a mount and leaves the volumes to the base.
 * A pod spec counts as complete when every app container names its image and, for the
 * kinds whose API requires one, the object has its selector; and when the volumes can
 * be read with certainty (a list of named maps).
 */
import { isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import { getMap, getMapAt, getScalarValue, getSeq, getString, hasKey, mapItems } from '../../document/yamlNodes';
import type { KubeObject } from '../../kubernetes/objects';
import { containersOf, findPodSpecs } from '../../kubernetes/workloads';
import { replaceWithString } from '../api/fixes/replaceScalar';
import { defineRule } from '../api/ruleTypes';
import type { OffsetFix } from '../api/ruleTypes';
import { namedItems } from './namedItems';

/** Kinds whose API requires `spec.selector`: without one, the file is a patch of such an object. */
const SELECTOR_REQUIRED = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

export const volumeMountWithoutVolume = defineRule(
  {
    id: 'volume-mount-without-volume',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { workloads: true },
    description: "Every volumeMount names a volume of the pod (or a StatefulSet's volumeClaimTemplate).",
    why: "A container mounts a volume by name, and the name must be one of the pod's `volumes` (or, in a StatefulSet, one of its `volumeClaimTemplates`). A name that is not there (a typo, a volume renamed in one place, a volume removed while its mount stayed) makes the API server reject the pod, and a Deployment with such a template creates no pods at all: the rollout stalls with an error that only the ReplicaSet's events show.",
    remediation: "Use the name of one of the pod's volumes, or add the volume under the pod's `volumes`.",
    equivalents: [],
    messages: {
      missing:
        "Container '{{container}}' mounts volume '{{name}}', which is not a volume of this pod ({{volumes}}): the API rejects the pod.",
    },
    yieldsTo: {},
    fixable: true,
  },
  (context) => {
    const { object } = context;
    const { doc } = object;
    if (!selectorPresent(object)) return;
    const claimNames = volumeClaimTemplateNames(object);
    if (!claimNames) return;
    for (const spec of findPodSpecs(object)) {
      const volumes = volumeNames(object, spec);
      if (!volumes || !imagesNamed(object, spec)) continue;
      const known = [...volumes, ...claimNames];
      for (const container of containersOf(object, spec)) {
        for (const mount of namedItems(doc, getSeq(doc, container.node, 'volumeMounts'))) {
          if (known.includes(mount.name)) continue;
          const name = container.name ?? '(unnamed)';
          const near = nearMiss(mount.name, known);
          const edit = near && isScalar(mount.node) ? replaceWithString(context.text, mount.node, near) : undefined;
          // The intended volume is a guess from the spelling: offered, never applied on save.
          const fixes: OffsetFix[] = edit ? [{ title: `Use volume '${near}'`, edits: [edit], fixAll: false }] : [];
          context.report({
            node: mount.node,
            messageId: 'missing',
            data: {
              container: name,
              name: mount.name,
              volumes: known.length > 0 ? `it has ${known.map((v) => `'${v}'`).join(', ')}` : 'it has no volumes',
            },
            container: name,
            fixes,
          });
        }
      }
    }
  },
);

function selectorPresent(object: KubeObject): boolean {
  return (
    !SELECTOR_REQUIRED.has(object.ref.kind) ||
    hasKey(object.doc, getMap(object.doc, object.root, 'spec') ?? object.root, 'selector')
  );
}

/** The pod's volume names; undefined when a volume cannot be read (not a map, a name that is not text). */
function volumeNames(object: KubeObject, spec: YAMLMap): string[] | undefined {
  const { doc } = object;
  const seq = getSeq(doc, spec, 'volumes');
  if (!seq) {
    // No volumes, or `volumes:` left empty (null): the pod has none.
    const absent = !hasKey(doc, spec, 'volumes') || getScalarValue(doc, spec, 'volumes') === null;
    return absent ? [] : undefined;
  }
  const maps = mapItems(doc, seq);
  if (maps.length !== seq.items.length || maps.some((map) => getString(doc, map, 'name') === undefined)) return undefined;
  return maps.map((map) => getString(doc, map, 'name') ?? '');
}

/** A StatefulSet's volumeClaimTemplates, which its pods mount like volumes; undefined when unreadable. */
function volumeClaimTemplateNames(object: KubeObject): string[] | undefined {
  const { doc } = object;
  const seq = getSeq(doc, getMap(doc, object.root, 'spec'), 'volumeClaimTemplates');
  if (!seq) return [];
  const names = mapItems(doc, seq).map((claim) => getString(doc, getMapAt(doc, claim, ['metadata']), 'name'));
  return names.length === seq.items.length && names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}

/** Whether every app container names its image: a patch names only what it changes. */
function imagesNamed(object: KubeObject, spec: YAMLMap): boolean {
  const apps = containersOf(object, spec).filter((c) => c.kind === 'container');
  return apps.length > 0 && apps.every((c) => getString(object.doc, c.node, 'image') !== undefined);
}

/** The one known name that differs only in case, `-`/`_`, or by at most two edits. */
function nearMiss(name: string, known: readonly string[]): string | undefined {
  const loose = (s: string): string => s.toLowerCase().replace(/[-_.]/g, '');
  const same = known.filter((candidate) => loose(candidate) === loose(name));
  if (same.length === 1) return same[0];
  if (name.length < 4) return undefined;
  const close = known.filter((candidate) => editDistance(candidate, name) <= 2);
  return close.length === 1 ? close[0] : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
