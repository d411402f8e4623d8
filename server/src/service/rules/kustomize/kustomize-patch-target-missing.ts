/**
 * kustomize-patch-target-missing: a patch whose target (its `target:` selector, or for
 * a strategic merge patch the kind and name it is written for) matches no object the
 * kustomization takes in. Kustomize fails on a strategic merge patch without a target
 * object, and applies a selector that matches nothing to nothing: the change the
 * overlay exists for is silently missing.
 */
import { objectsOfText, patchSelects } from '../../kustomize/inputs';
import type { InputObject } from '../../kustomize/inputs';
import type { PatchEntry, PatchTarget } from '../../kustomize/kustomization';
import type { KustomizeInputs } from '../../kustomize/inputs';
import { defineKustomizationRule } from '../api/ruleTypes';
import { knownInputObjects } from './inputObjects';

export const kustomizePatchTargetMissing = defineKustomizationRule(
  {
    id: 'kustomize-patch-target-missing',
    type: 'problem',
    defaultSeverity: 'warning',
    description: "Every patch of a kustomization targets an object among the kustomization's resources.",
    why: 'A patch is only as good as its target. A strategic merge patch for a Deployment the base renamed fails the build; a `target:` selector with a typo in the kind or name matches nothing, and kustomize then applies the patch to nothing without a word, so production runs without the replicas, limits or probes the overlay was written to add.',
    remediation: "Correct the patch's target (kind and name) so it names an object of the kustomization's resources.",
    equivalents: [],
    messages: {
      noTarget: 'No {{target}} among the resources of this kustomization: this patch changes nothing.',
    },
    fixable: false,
  },
  ({ kustomization, inputs, report }) => {
    const objects = knownInputObjects(kustomization, inputs);
    if (!objects) return;
    for (const patch of kustomization.patches) {
      const targets = targetsOf(patch, inputs);
      if (targets === undefined) continue;
      for (const target of targets) {
        if (objects.some((object) => patchSelects(kustomization, target, object))) continue;
        report({ node: patch.targetNode, messageId: 'noTarget', data: { target: describe(target) } });
      }
    }
  },
);

/** The selectors a patch applies to; undefined when they cannot be judged (label selectors, an unread file). */
function targetsOf(patch: PatchEntry, inputs: KustomizeInputs): PatchTarget[] | undefined {
  if (patch.target) {
    const { labelSelector, annotationSelector } = patch.target;
    if (labelSelector !== undefined || annotationSelector !== undefined) return undefined;
    return patch.target.kind === undefined && patch.target.name === undefined ? undefined : [patch.target];
  }
  // Without a target, a strategic merge patch targets the objects it is written as.
  let written: InputObject[] | undefined;
  if (patch.file) {
    const resolved = inputs.paths.get(patch.file.path);
    written = resolved && 'objects' in resolved ? resolved.objects : undefined;
  } else if (patch.inline) {
    written = objectsOfText(String(patch.inline.value));
  }
  if (!written || written.length === 0) return undefined;
  return written.map((object) => ({ kind: object.kind, name: object.name }));
}

function describe(target: PatchTarget): string {
  const kind = target.kind ?? 'object';
  return target.name === undefined ? kind : `${kind} '${target.name}'`;
}
