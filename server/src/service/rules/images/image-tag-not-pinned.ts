/**
 * An image with no tag, with `:latest` or another tag that moves with every push
 * (`main`, `nightly`…: a configurable list), and no digest. Init and ephemeral
 * containers count too: an unpinned migration or debug image changes under a rollout
 * just the same. No fix: the version to pin is not knowable from the file.
 *
 * Images a build tool rewrites before they are applied are not findings: `ko://`
 * references, and images a skaffold.yaml anywhere in the workspace builds
 * (`build.artifacts[].image`): skaffold replaces the tag with the one it built. That
 * is why this rule reads the workspace (facts `images` and `build-artifacts`).
 */
import { buildArtifactFacts } from '../../facts/buildArtifacts';
import { imageFacts } from '../../facts/images';
import { parseImageReference } from '../../kubernetes/imageReference';
import { looksLikePlaceholder } from '../../kubernetes/placeholders';
import { memoOf } from '../../kubernetes/listMemo';
import { defineWorkspaceRule } from '../api/ruleTypes';

const EQUIVALENTS = [
  'kube-linter:latest-tag',
  'kube-score:container-image-tag',
  'polaris:tagNotSpecified',
  'checkov:CKV_K8S_14',
  'trivy:KSV013',
];
const DEFAULT_MUTABLE_TAGS: readonly string[] = ['latest', 'master', 'main', 'dev', 'develop', 'edge', 'nightly', 'snapshot'];

export const imageTagNotPinned = defineWorkspaceRule<ReadonlySet<string>>(
  {
    id: 'image-tag-not-pinned',
    type: 'suggestion',
    defaultSeverity: 'warning',
    description: 'Every container image is pinned to a version tag or a digest, not to latest or another moving tag.',
    why: "An image without a tag means ':latest', and ':latest' is whatever was pushed last. Each node pulls it when it starts a pod, so replicas of one Deployment can run different builds, a pod rescheduled after a push silently runs new code, and re-applying an old manifest to roll back restores nothing. It also hides which version is running. Branch and channel tags (`main`, `master`, `dev`, `edge`, `nightly`, `snapshot`) move the same way. A version tag makes a rollout repeatable; a digest (@sha256:…) makes it immutable.",
    remediation: 'Pin the image to a specific version tag, or to a digest (@sha256:…) for an immutable reference.',
    equivalents: EQUIVALENTS,
    messages: {
      noTag:
        "Image '{{image}}' of container '{{container}}' has no tag, so it runs whatever ':latest' points to when the node pulls it.",
      latestTag:
        "Image '{{image}}' of container '{{container}}' uses ':latest', which points to a different build after every push.",
      mutableTag:
        "Image '{{image}}' of container '{{container}}' uses ':{{tag}}', a tag that moves with every push to it, so each pull may run a different build.",
    },
    yieldsTo: {},
    fixable: false,
    facts: [imageFacts, buildArtifactFacts],
    options: {
      meta: {
        section: 'images',
        description: 'Which image tags count as unpinned',
        properties: {
          mutableTags: {
            schema: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
            setting: { type: 'array', uniqueItems: true, items: { type: 'string' } },
            description: `Tags that move with every push, reported like latest. Default: ${DEFAULT_MUTABLE_TAGS.join(', ')}.`,
            markdownDescription: `Image tags that move with every push and so pin nothing (rule \`image-tag-not-pinned\`), compared without case. Overrides \`images.mutableTags\` in \`.kubewise.yaml\`. Unset: \`.kubewise.yaml\`, else ${DEFAULT_MUTABLE_TAGS.map((t) => `\`${t}\``).join(', ')}.`,
            default: DEFAULT_MUTABLE_TAGS,
          },
        },
      },
      resolve: (values): ReadonlySet<string> =>
        new Set(
          (Array.isArray(values.mutableTags) ? values.mutableTags : DEFAULT_MUTABLE_TAGS)
            .filter((tag): tag is string => typeof tag === 'string')
            .map((tag) => tag.toLowerCase()),
        ),
    },
  },
  (context) => {
    const facts = context.inFile(imageFacts);
    if (facts.length === 0) return;
    // Once per list of build artifacts, not once per judged document.
    const artifacts = context.all(buildArtifactFacts);
    const built = memoOf(
      artifacts,
      'builtImageNames',
      () => new Set(artifacts.flatMap((fact) => fact.images.flatMap((image) => parseImageReference(image)?.name ?? []))),
    );
    for (const fact of facts) {
      if (fact.ignores.some((check) => EQUIVALENTS.includes(check))) continue;
      for (const { container, image, at } of fact.images) {
        // ko builds the import path and writes the digest into the manifest it applies.
        if (looksLikePlaceholder(image) || image.startsWith('ko://')) continue;
        const reference = parseImageReference(image);
        if (!reference || reference.digest !== undefined || built.has(reference.name)) continue;
        const tag = reference.tag;
        if (tag !== undefined && tag !== 'latest' && !context.options.has(tag.toLowerCase())) continue;
        context.report({
          fact,
          at,
          messageId: tag === undefined ? 'noTag' : tag === 'latest' ? 'latestTag' : 'mutableTag',
          data: { image, container, tag: tag ?? '' },
          container,
        });
      }
    }
  },
);
