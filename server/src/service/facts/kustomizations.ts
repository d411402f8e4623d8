/**
 * What a kustomization adds to the objects it builds, which the manifests alone do not
 * show: labels it writes into selectors and pod templates (`commonLabels`, `labels` with
 * `includeSelectors`) and remote resources (objects from outside the workspace). The
 * ConfigMaps and Secrets its generators make are object facts (facts/objects.ts). References across files read it to stay silent
 * where the object they look for may be made by kustomize.
 */
import { isScalar } from 'yaml';
import { getMap, getScalarValue, getSeq, getString, mapItems, resolveNode } from '../document/yamlNodes';
import { equalityRequirements } from '../kubernetes/labelSelector';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';
import { nameAtOf } from './objects';

export interface KustomizationFact extends Fact {
  /** `namespace:` it sets on every object, or ''. */
  setsNamespace: string;
  /** Labels it adds to selectors and templates. */
  commonLabels: Readonly<Record<string, string>>;
  /** It builds resources from URLs: the workspace does not hold every object it applies. */
  remote: boolean;
}

export const kustomizationFacts = defineFactKind<KustomizationFact>('kustomization', (object) => {
  if (object.ref.kind !== 'Kustomization' || !object.ref.apiVersion.startsWith('kustomize.config.k8s.io/')) return [];
  const { doc, root } = object;
  const commonLabels: Record<string, string> = {};
  for (const requirement of equalityRequirements(doc, getMap(doc, root, 'commonLabels'))) {
    if (requirement.type === 'label') commonLabels[requirement.key] = requirement.value;
  }
  for (const entry of mapItems(doc, getSeq(doc, root, 'labels'))) {
    if (getScalarValue(doc, entry, 'includeSelectors') !== true && getScalarValue(doc, entry, 'includeTemplates') !== true)
      continue;
    for (const requirement of equalityRequirements(doc, getMap(doc, entry, 'pairs'))) {
      if (requirement.type === 'label') commonLabels[requirement.key] = requirement.value;
    }
  }
  const remote = ['resources', 'bases', 'components'].some((field) =>
    (getSeq(doc, root, field)?.items ?? []).some((item) => {
      const value = resolveNode(doc, item);
      return isScalar(value) && typeof value.value === 'string' && /:\/\/|^github\.com\/|\?ref=/.test(value.value);
    }),
  );
  return [
    {
      ...factBase(object, nameAtOf(object)),
      setsNamespace: getString(doc, root, 'namespace') ?? '',
      commonLabels,
      remote,
    },
  ];
});

/** Labels some kustomization of the workspace may add to any template or selector. */
export function kustomizeLabels(kustomizations: readonly KustomizationFact[]): Readonly<Record<string, string>> {
  return Object.assign({}, ...kustomizations.map((k) => k.commonLabels)) as Record<string, string>;
}

/** Whether objects of this namespace may come from a remote kustomize resource: then no reference is judged missing. */
export function mayBeRemote(kustomizations: readonly KustomizationFact[], namespace: string): boolean {
  return kustomizations.some((k) => k.remote && (k.setsNamespace === '' || namespace === '' || k.setsNamespace === namespace));
}

/** Label keys some kustomization of the workspace writes into selectors and templates. */
export function kustomizeLabelKeys(kustomizations: readonly KustomizationFact[]): ReadonlySet<string> {
  return new Set(kustomizations.flatMap((k) => Object.keys(k.commonLabels)));
}
