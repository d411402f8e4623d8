/**
 * kustomize-patch-path-unknown: a JSON 6902 patch (`op`/`path`/`value`) whose `path`
 * names a field the target's kind does not have. Inline patches are judged in the
 * kustomization, patch files in the file itself (where the misspelt path is written).
 */
import type { PatchTarget } from '../../kustomize/kustomization';
import { embeddedText } from '../api/embeddedText';
import { defineKustomizationRule } from '../api/ruleTypes';
import type { OffsetEdit, OffsetFix, OffsetRange, Report } from '../api/ruleTypes';
import { targetSchemas, unknownPatchPaths } from './jsonPatchPaths';
import type { UnknownPatchPath } from './jsonPatchPaths';

export const kustomizePatchPathUnknown = defineKustomizationRule(
  {
    id: 'kustomize-patch-path-unknown',
    type: 'problem',
    defaultSeverity: 'warning',
    description: "Every `path` of a JSON 6902 patch names a field of the target's kind.",
    why: 'A JSON 6902 patch finds its field by the exact path. With a misspelt segment (`/spec/replica`, `/spec/template/spec/container/0/image`) a `replace` or `remove` fails the whole `kustomize build`, and an `add` creates the misspelt field, which the API server drops or rejects: the replicas, image or limits the overlay exists to set never reach the cluster. List items are reached by number: a container named in the path (`/spec/template/spec/containers/web/image`) fails the build too.',
    remediation:
      "Correct the path to the field's name in the target kind's schema (as `kubectl explain` shows it), and reach list items by their index.",
    equivalents: [],
    messages: {
      unknown: "'{{path}}' is not a field of {{type}}: this patch changes nothing there.",
      unknownSuggest: "'{{path}}' is not a field of {{type}}. Did you mean '{{suggestion}}'?",
      notIndex:
        "'{{path}}': {{type}} is a list, whose items a JSON 6902 path reaches by number (0, 1, …) or '-' for the end, not by a name: kustomize build fails on this patch.",
    },
    fixable: true,
  },
  ({ kustomization, text, report }) => {
    for (const patch of kustomization.patches) {
      if (!patch.inline || patch.field === 'patchesStrategicMerge') continue;
      const inner = embeddedText(patch.inline, text);
      if (!inner) continue;
      for (const unknown of unknownPatchPaths(inner.text, targetSchemas(patch.target))) {
        const fix = unknown.fix && inner.edit(unknown.fix.start, unknown.fix.end, unknown.fix.text);
        report(reportOf(unknown, inner.toDocument(unknown.at[0], unknown.at[1]), fix));
      }
    }
  },
  ({ targets, text, report }) => {
    // A file two kustomizations read for different kinds is judged by each.
    const seen = new Set<string>();
    for (const target of distinctKinds(targets)) {
      for (const unknown of unknownPatchPaths(text, targetSchemas(target))) {
        const key = `${unknown.at[0]}:${unknown.at[1]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report(reportOf(unknown, unknown.at, unknown.fix));
      }
    }
  },
);

function reportOf(unknown: UnknownPatchPath, at: OffsetRange, edit: OffsetEdit | undefined): Report {
  const fixes: OffsetFix[] =
    edit && unknown.suggestion !== undefined
      ? [{ title: `Change to '${unknown.suggestion}'`, edits: [edit], fixAll: false }]
      : [];
  return {
    at,
    messageId: unknown.notIndex ? 'notIndex' : unknown.suggestion === undefined ? 'unknown' : 'unknownSuggest',
    data: { path: unknown.path, type: unknown.type, suggestion: unknown.suggestion ?? '' },
    fixes,
  };
}

function distinctKinds(targets: readonly PatchTarget[]): PatchTarget[] {
  const byKey = new Map<string, PatchTarget>();
  for (const target of targets) byKey.set(`${target.group}/${target.version}/${target.kind}`, target);
  return [...byKey.values()];
}
