/**
 * An image with no tag or with `:latest`, and no digest. Init and ephemeral containers
 * count too: an unpinned migration or debug image changes under a rollout just the same.
 * No fix: the version to pin is not knowable from the file.
 */
import { isNode, isScalar } from 'yaml';
import { findPair, resolveNode } from '../../document/yamlNodes';
import { parseImageReference } from '../../kubernetes/imageReference';
import { looksLikePlaceholder } from '../../kubernetes/placeholders';
import { allContainers } from '../../kubernetes/workloads';
import { defineRule } from '../api/ruleTypes';

export const imageTagNotPinned = defineRule(
  {
    id: 'image-tag-not-pinned',
    type: 'suggestion',
    defaultSeverity: 'warning',
    scope: { workloads: true },
    description: 'Every container image is pinned to a version tag or a digest, not to latest.',
    why: "An image without a tag means ':latest', and ':latest' is whatever was pushed last. Each node pulls it when it starts a pod, so replicas of one Deployment can run different builds, a pod rescheduled after a push silently runs new code, and re-applying an old manifest to roll back restores nothing. It also hides which version is running. A version tag makes a rollout repeatable; a digest (@sha256:…) makes it immutable.",
    remediation: 'Pin the image to a specific version tag, or to a digest (@sha256:…) for an immutable reference.',
    equivalents: [
      'kube-linter:latest-tag',
      'kube-score:container-image-tag',
      'polaris:tagNotSpecified',
      'checkov:CKV_K8S_14',
      'trivy:KSV013',
    ],
    messages: {
      noTag:
        "Image '{{image}}' of container '{{container}}' has no tag, so it runs whatever ':latest' points to when the node pulls it.",
      latestTag:
        "Image '{{image}}' of container '{{container}}' uses ':latest', which points to a different build after every push.",
    },
    fixable: false,
  },
  (context) => {
    const { doc } = context.object;
    for (const container of allContainers(context.object)) {
      const pair = findPair(doc, container.node, 'image');
      const value = pair && resolveNode(doc, pair.value);
      if (!pair || !isScalar(value) || typeof value.value !== 'string' || looksLikePlaceholder(value.value)) continue;
      const reference = parseImageReference(value.value);
      if (!reference || reference.digest !== undefined) continue;
      if (reference.tag !== undefined && reference.tag !== 'latest') continue;
      const name = container.name ?? '(unnamed)';
      context.report({
        // The value as written here, even when it is an alias of an anchored image.
        node: isNode(pair.value) ? pair.value : value,
        messageId: reference.tag === undefined ? 'noTag' : 'latestTag',
        data: { image: value.value, container: name },
        container: name,
      });
    }
  },
);
