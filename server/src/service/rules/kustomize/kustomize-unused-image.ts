/**
 * kustomize-unused-image: an `images` entry whose name no container of the
 * kustomization's objects uses. Kustomize ignores it, so the tag or registry the
 * overlay means to set is never set (typically after the image was renamed).
 */
import { defineKustomizationRule } from '../api/ruleTypes';
import { removeSeqItem } from './entryEdits';
import { knownInputObjects } from './inputObjects';

export const kustomizeUnusedImage = defineKustomizationRule(
  {
    id: 'kustomize-unused-image',
    type: 'suggestion',
    defaultSeverity: 'warning',
    description: 'Every `images` entry of a kustomization names an image one of its containers uses.',
    why: "Kustomize rewrites an image only where a container's image name equals the entry's `name` exactly (registry and path included, tag excluded). An entry that matches no container changes nothing and says nothing: the release tag the overlay pins is not the one that runs, usually because the base's image moved to another registry.",
    remediation: "Set the entry's name to the image a container uses (without its tag), or remove the entry.",
    equivalents: [],
    messages: {
      unused: "No container of this kustomization's resources uses the image '{{image}}': this entry changes nothing.",
    },
    fixable: true,
  },
  ({ kustomization, inputs, text, report }) => {
    const objects = knownInputObjects(kustomization, inputs);
    if (!objects) return;
    const used = new Set(objects.flatMap((object) => object.images));
    for (const image of kustomization.images) {
      if (used.has(image.name)) continue;
      const edit = removeSeqItem(text, image.seq, image.item);
      report({
        node: image.node,
        messageId: 'unused',
        data: { image: image.name },
        fixes: edit ? [{ title: `Remove the images entry '${image.name}'`, edits: [edit], fixAll: false }] : [],
      });
    }
  },
);
