/**
 * Finds pod specs and containers inside any object that carries a pod template.
 * Built-in kinds use the paths generated from the Kubernetes OpenAPI; unknown kinds
 * (custom resources such as Argo Rollouts) are recognised by the shape they share
 * with the built-ins.
 */
import type { Pair, YAMLMap } from 'yaml';
import { findPair, getMapAt, getSeq, getString, mapItems } from '../document/yamlNodes';
import type { KubeObject } from './objects';
import { podSpecPathsFor } from './kinds';

export type ContainerKind = 'container' | 'initContainer' | 'ephemeralContainer';

export interface ContainerRef {
  node: YAMLMap;
  kind: ContainerKind;
  name: string | undefined;
  /** The `name: …` pair, which is where container findings point. */
  namePair: Pair<unknown, unknown> | undefined;
  podSpec: YAMLMap;
}

/** Shapes a custom resource may share with the built-in workloads. */
const TEMPLATE_SHAPED_PATHS: readonly (readonly string[])[] = [
  ['spec', 'template', 'spec'],
  ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
];

export function findPodSpecs(object: KubeObject): YAMLMap[] {
  const known = podSpecPathsFor(object.ref.apiVersion, object.ref.kind);
  const paths = known ?? TEMPLATE_SHAPED_PATHS;
  const specs: YAMLMap[] = [];
  for (const path of paths) {
    const spec = getMapAt(object.doc, object.root, path);
    // For an unknown kind, only a map that really holds containers counts as a pod spec.
    if (spec && (known || getSeq(object.doc, spec, 'containers'))) specs.push(spec);
  }
  return specs;
}

export function isWorkload(object: KubeObject): boolean {
  return findPodSpecs(object).length > 0;
}

const CONTAINER_FIELDS: readonly [string, ContainerKind][] = [
  ['containers', 'container'],
  ['initContainers', 'initContainer'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

export function containersOf(object: KubeObject, podSpec: YAMLMap): ContainerRef[] {
  const containers: ContainerRef[] = [];
  for (const [field, kind] of CONTAINER_FIELDS) {
    for (const node of mapItems(object.doc, getSeq(object.doc, podSpec, field))) {
      containers.push({
        node,
        kind,
        name: getString(object.doc, node, 'name'),
        namePair: findPair(object.doc, node, 'name'),
        podSpec,
      });
    }
  }
  return containers;
}

/** Every container of every pod spec in the object. */
export function allContainers(object: KubeObject): ContainerRef[] {
  return findPodSpecs(object).flatMap((spec) => containersOf(object, spec));
}
