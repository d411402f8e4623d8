/**
 * The objects a kustomization takes in, as far as the host could resolve its entries:
 * undefined when any resource or component is remote, unreadable or outside the
 * workspace, so no rule judges a target or an image against a partial list.
 */
import type { KustomizationModel } from '../../kustomize/kustomization';
import type { InputObject, KustomizeInputs } from '../../kustomize/inputs';

export function knownInputObjects(kustomization: KustomizationModel, inputs: KustomizeInputs): InputObject[] | undefined {
  // A Component is applied to another kustomization's objects, which it cannot see.
  if (kustomization.kind === 'Component') return undefined;
  const objects: InputObject[] = kustomization.generated.map((g) => ({
    apiVersion: 'v1',
    kind: g.kind,
    name: g.name,
    images: [],
  }));
  for (const entry of [...kustomization.resources, ...kustomization.components]) {
    const resolved = inputs.paths.get(entry.path);
    if (!resolved || resolved.status === 'unknown' || resolved.status === 'outside') return undefined;
    if (resolved.status !== 'missing') objects.push(...resolved.objects);
  }
  return objects;
}
