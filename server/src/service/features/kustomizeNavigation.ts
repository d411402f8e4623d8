/**
 * Go to definition in a kustomization: from a path (a resource, a component, a patch
 * file, a generator's file) to the file it names, a folder's kustomization file for a
 * folder; from a patch's `target:` to the objects it selects among the kustomization's
 * inputs. The host resolved the paths (`KustomizeInputs`); nothing here reads the disk.
 */
import { readKustomization } from '../kustomize/kustomization';
import type { KustomizationModel, PathEntry } from '../kustomize/kustomization';
import { patchSelects } from '../kustomize/inputs';
import type { InputObject, KustomizeInputs } from '../kustomize/inputs';
import type { Position } from '../core/types';
import { documentAt } from './documentAt';
import type { HoverLimits } from './documentAt';
import type { Place } from './workspaceIndex';

const FILE_START: Place['range'] = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function kustomizeDefinitionAt(
  text: string,
  languageId: 'yaml' | 'json',
  position: Position,
  inputs: KustomizeInputs | undefined,
  limits: HoverLimits = {},
): Place[] {
  if (!inputs) return [];
  const at = documentAt(text, languageId, position, limits);
  const kustomization = at ? readKustomization(at.parsed.doc, true) : undefined;
  if (!at || !kustomization) return [];
  const within = (range: readonly number[] | null | undefined): boolean =>
    !!range && at.offset >= (range[0] ?? 0) && at.offset <= (range[1] ?? 0);

  const entry = pathEntriesOf(kustomization).find((e) => within(e.node.range));
  if (entry) {
    const destination = inputs.destinations?.get(entry.path);
    return destination === undefined ? [] : [{ path: destination, range: FILE_START }];
  }
  // Inside a `target:` map (on its kind, its name, or between them): where the objects it selects are written.
  const patch = kustomization.patches.find((p) => p.target && within(p.targetNode.range));
  if (!patch?.target || (patch.target.kind === undefined && patch.target.name === undefined)) return [];
  const target = patch.target;
  const places = new Map<string, Place>();
  for (const object of inputObjects(kustomization, inputs)) {
    if (!object.origin || !patchSelects(kustomization, target, object)) continue;
    // A folder listed twice (`base` and `base/`) holds the same objects once.
    const { file, range } = object.origin;
    places.set(`${file}:${range.start.line}:${range.start.character}`, { path: file, range });
  }
  return [...places.values()];
}

/** Every path entry of a kustomization, in the order its fields are read. */
export function pathEntriesOf(kustomization: KustomizationModel): PathEntry[] {
  return [
    ...kustomization.resources,
    ...kustomization.components,
    ...kustomization.patches.flatMap((patch) => (patch.file ? [patch.file] : [])),
    ...kustomization.generatorFiles,
  ];
}

/** The objects the kustomization's resources and components hold, as far as they were read. */
function inputObjects(kustomization: KustomizationModel, inputs: KustomizeInputs): InputObject[] {
  return [...kustomization.resources, ...kustomization.components].flatMap((entry) => {
    const resolved = inputs.paths.get(entry.path);
    return resolved && 'objects' in resolved ? resolved.objects : [];
  });
}
