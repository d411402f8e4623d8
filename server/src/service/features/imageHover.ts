/**
 * Hover on a container's `image:` teaches KNOWLEDGE §6: how the reference is pinned
 * (a tag can be re-pushed, a digest cannot), and why small images matter (faster
 * build, push and pull on every new node; fewer packages for scanners to flag).
 */
import { findPair, getString, rangeOf } from '../document/yamlNodes';
import { parseImageReference } from '../kubernetes/imageReference';
import { kubeObjectsIn } from '../kubernetes/objects';
import { allContainers } from '../kubernetes/workloads';
import type { Position } from '../core/types';
import { documentAt } from './documentAt';
import type { HoverLimits } from './documentAt';
import type { HoverResult } from './hoverResult';

/** Build images whose default tags carry a whole toolchain; a runtime image is a fraction of the size. */
const BUILD_IMAGES = /(^|\/)(golang|node|python|ruby|openjdk|maven|gradle|rust|gcc|ubuntu|debian|centos|fedora)$/;
const SMALL_VARIANT = /(slim|alpine|distroless|minimal|micro|scratch|chiseled)/;

export function hoverForImage(
  text: string,
  languageId: 'yaml' | 'json',
  position: Position,
  limits: HoverLimits = {},
): HoverResult | undefined {
  const at = documentAt(text, languageId, position, limits);
  if (!at) return undefined;
  for (const object of kubeObjectsIn(at.parsed.doc)) {
    for (const container of allContainers(object)) {
      const pair = findPair(object.doc, container.node, 'image');
      const range = pair ? rangeOf(pair) : undefined;
      const image = getString(object.doc, container.node, 'image');
      if (!range || image === undefined || at.offset < range[0] || at.offset > range[1]) continue;
      const reference = parseImageReference(image);
      if (!reference || /\{\{|\$\{/.test(image)) return undefined;
      return { markdown: describeImage(reference).join('\n'), range: at.toRange(range[0], range[1]) };
    }
  }
  return undefined;
}

function describeImage(reference: NonNullable<ReturnType<typeof parseImageReference>>): string[] {
  const lines = [
    `**Image** \`${reference.name}\`${reference.tag ? ` · tag \`${reference.tag}\`` : ''}${reference.digest ? ' · pinned by digest' : ''}`,
    '',
  ];
  if (reference.digest) {
    lines.push('Pinned by digest: every node runs exactly these bytes, and a rollout can be repeated or rolled back exactly.');
  } else if (reference.tag && reference.tag !== 'latest') {
    lines.push(
      'Pinned by tag: repeatable as long as nobody re-pushes the tag. A digest (`@sha256:…`) pins the exact bytes, for rollbacks that really go back.',
    );
  } else {
    lines.push(
      'Not pinned: each node pulls whatever `latest` is when it starts the pod, so replicas can run different code and a rollback changes nothing.',
    );
  }
  lines.push(
    '',
    'Small images (multi-stage builds on slim, alpine or distroless bases) build, push and pull faster, so new nodes and rollouts start sooner, and they carry fewer packages for scanners to flag.',
  );
  if (BUILD_IMAGES.test(reference.name) && !SMALL_VARIANT.test(reference.tag ?? '')) {
    lines.push(
      '',
      `\`${reference.name}\` is a full build or distribution image: ship the built application in a small runtime image instead.`,
    );
  }
  return lines;
}
