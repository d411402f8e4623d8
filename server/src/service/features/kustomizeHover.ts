/**
 * Hover on a path of a kustomization (a resource, a component, a patch file): what it
 * contributes, by kind and name, as the host resolved it, or that it does not exist, or
 * that it is remote and not fetched. The objects an overlay builds are otherwise only
 * visible by running `kustomize build`.
 */
import { readKustomization } from '../kustomize/kustomization';
import type { InputObject, KustomizeInputs } from '../kustomize/inputs';
import type { Position } from '../core/types';
import { documentAt } from './documentAt';
import type { HoverLimits } from './documentAt';
import type { HoverResult } from './hoverResult';

/** Objects listed by name before the rest are counted. */
const LISTED = 12;

export function hoverForKustomizePath(
  text: string,
  languageId: 'yaml' | 'json',
  position: Position,
  limits: HoverLimits,
  inputs: KustomizeInputs | undefined,
): HoverResult | undefined {
  if (!inputs) return undefined;
  const at = documentAt(text, languageId, position, limits);
  const kustomization = at ? readKustomization(at.parsed.doc, true) : undefined;
  if (!at || !kustomization) return undefined;
  const entries = [
    ...kustomization.resources,
    ...kustomization.components,
    ...kustomization.patches.flatMap((patch) => (patch.file ? [patch.file] : [])),
  ];
  const entry = entries.find((e) => e.node.range && at.offset >= e.node.range[0] && at.offset <= e.node.range[1]);
  if (!entry?.node.range) return undefined;
  const resolved = inputs.paths.get(entry.path);
  const title = `**${entry.field}** \`${entry.path}\``;
  let body: string;
  if (entry.remote)
    body = 'A remote resource: kustomize fetches it at build time; Kubewise does not, so its objects are not known here.';
  else if (resolved?.status === 'outside')
    body =
      'This path lies outside the workspace: Kubewise reads only files inside the workspace folders, so it does not read it, and neither checks that it exists nor uses what it holds.';
  else if (!resolved || resolved.status === 'unknown') body = 'What it holds could not be read.';
  else if (resolved.status === 'missing') body = 'This path does not exist: `kustomize build` stops here.';
  else body = describeObjects(resolved.status, resolved.objects);
  return { markdown: `${title}\n\n${body}`, range: at.toRange(entry.node.range[0], entry.node.range[1]) };
}

function describeObjects(status: 'file' | 'directory', objects: readonly InputObject[]): string {
  const what = status === 'directory' ? 'A kustomization folder' : 'A file';
  if (objects.length === 0) return `${what} with no Kubernetes objects (a JSON 6902 patch, or an empty file).`;
  const lines = objects.slice(0, LISTED).map((object) => {
    const namespace = object.namespace ? ` (namespace ${object.namespace})` : '';
    return `- ${object.kind} \`${object.name || '(unnamed)'}\`${namespace}`;
  });
  if (objects.length > LISTED) lines.push(`- … and ${objects.length - LISTED} more`);
  const count = objects.length === 1 ? '1 object' : `${objects.length} objects`;
  return `${what} contributing ${count}:\n\n${lines.join('\n')}`;
}
