/**
 * removed-api-version: an object on an apiVersion that Kubernetes no longer serves (the
 * official deprecation guide's table, schemas/kubernetes-removed-apis.json). The fix
 * rewrites the apiVersion when nothing else must change; otherwise the message says what.
 */
import { isNode } from 'yaml';
import { findPair, getMap, hasKey } from '../../document/yamlNodes';
import type { KubeObject } from '../../kubernetes/objects';
import { removedApi } from '../../kubernetes/removedApis';
import type { RemovedApi } from '../../kubernetes/removedApis';
import { replaceScalar } from '../api/fixes/replaceScalar';
import { defineRule } from '../api/ruleTypes';
import { quotedLike } from './quoting';
import type { OffsetFix } from '../api/ruleTypes';

export const removedApiVersion = defineRule(
  {
    id: 'removed-api-version',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { all: true },
    description: 'No object uses an apiVersion that current Kubernetes releases no longer serve.',
    why: 'Kubernetes removes beta API versions a few releases after their replacement is stable. A cluster at or past that release rejects the object outright (`no matches for kind "Deployment" in version "extensions/v1beta1"`), so a manifest that applied for years fails the day the cluster is upgraded. Nothing else counts it either: a `policy/v1beta1` PodDisruptionBudget protects nothing on a current cluster.',
    remediation: 'Change the apiVersion to the replacement the message names, and make the other changes it lists.',
    equivalents: ['kube-linter:no-extensions-v1beta'],
    messages: {
      removed: '{{apiVersion}} {{kind}} was removed in Kubernetes {{release}}: use {{replacement}}.',
      removedWithChanges:
        '{{apiVersion}} {{kind}} was removed in Kubernetes {{release}}: use {{replacement}}, which also changes: {{changes}}.',
      removedNoReplacement:
        '{{apiVersion}} {{kind}} was removed in Kubernetes {{release}}, and nothing replaces it in place: {{useInstead}}.',
    },
    fixable: true,
  },
  (context) => {
    const { object } = context;
    const removed = removedApi(object.ref);
    if (!removed) return;
    const pair = findPair(object.doc, object.root, 'apiVersion');
    const node = isNode(pair?.value) ? pair.value : object.root;
    const data = {
      apiVersion: removed.apiVersion,
      kind: removed.kind,
      release: removed.removedIn,
      replacement: removed.replacement ?? removed.useInstead,
      useInstead: removed.useInstead.replace(/^none:\s*/, ''),
      changes: removed.whatElseChanges,
    };
    if (!removed.replacement) {
      context.report({ node, messageId: 'removedNoReplacement', data });
      return;
    }
    const fixes: OffsetFix[] = [];
    if (onlyApiVersionChanges(object, removed)) {
      const edit = replaceScalar(context.text, node, quotedLike(node, removed.replacement));
      if (edit) fixes.push({ title: `Change apiVersion to ${removed.replacement}`, edits: [edit] });
    }
    const messageId = removed.whatElseChanges === '' || fixes.length > 0 ? 'removed' : 'removedWithChanges';
    context.report({ node, messageId, data, fixes });
  },
);

/** Nothing else must change: the guide lists nothing, or only the selector the object already has. */
function onlyApiVersionChanges(object: KubeObject, removed: RemovedApi): boolean {
  if (removed.whatElseChanges === '') return true;
  if (removed.whatElseChanges !== 'spec.selector required') return false;
  const spec = getMap(object.doc, object.root, 'spec');
  return spec !== undefined && hasKey(object.doc, spec, 'selector');
}
