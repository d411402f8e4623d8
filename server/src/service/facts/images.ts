/**
 * The images a workload's containers run, with where each is written, so that
 * image-tag-not-pinned can compare them with the images a build tool of the workspace
 * rewrites (build-artifacts). Every container counts, init and ephemeral ones too.
 */
import { isNode, isScalar } from 'yaml';
import { findPair, rangeOf, resolveNode } from '../document/yamlNodes';
import type { OffsetRange } from '../core/ruleMeta';
import { allContainers } from '../kubernetes/workloads';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';

export interface ContainerImageFact {
  container: string;
  image: string;
  /** The value as written in this container, even when it is an alias of an anchored image. */
  at: OffsetRange;
}

export interface ImagesFact extends Fact {
  images: ContainerImageFact[];
  /** kube-linter checks the object opts out of (`ignore-check.kube-linter.io/<check>`), as `kube-linter:<check>`. */
  ignores: readonly string[];
}

const KUBE_LINTER_IGNORE = 'ignore-check.kube-linter.io/';

export const imageFacts = defineFactKind<ImagesFact>('images', (object) => {
  const { doc } = object;
  const images: ContainerImageFact[] = [];
  for (const container of allContainers(object)) {
    const pair = findPair(doc, container.node, 'image');
    const value = pair && resolveNode(doc, pair.value);
    if (!pair || !isScalar(value) || typeof value.value !== 'string') continue;
    const at = rangeOf(isNode(pair.value) ? pair.value : value);
    if (at) images.push({ container: container.name ?? '(unnamed)', image: value.value, at });
  }
  if (images.length === 0) return [];
  const ignores = [...object.annotations.keys()]
    .filter((key) => key.startsWith(KUBE_LINTER_IGNORE))
    .map((key) => `kube-linter:${key.slice(KUBE_LINTER_IGNORE.length)}`);
  return [{ ...factBase(object, rangeOf(object.root) ?? [0, 0]), images, ignores }];
});
