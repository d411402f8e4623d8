/**
 * Facts about built-in kinds, generated from the official OpenAPI by
 * scripts/generate-schemas.mjs into schemas/kubernetes-kinds.json.
 */
import generated from '../../../../schemas/kubernetes-kinds.json';

interface KindEntry {
  apiVersion: string;
  kind: string;
  namespaced: boolean;
  podSpecPaths: string[][];
  /** Paths to resource.Quantity fields outside any pod spec; '[]' = each item, '*' = each map value. */
  quantityPaths: string[][];
}

interface GeneratedKinds {
  kinds: KindEntry[];
  podSpecQuantityPaths: string[][];
}

const byKey = new Map<string, KindEntry>();
for (const entry of (generated as GeneratedKinds).kinds) byKey.set(`${entry.apiVersion}/${entry.kind}`, entry);

export function knownKind(apiVersion: string, kind: string): KindEntry | undefined {
  return byKey.get(`${apiVersion}/${kind}`);
}

/** undefined for kinds the OpenAPI does not define (custom resources). */
export function podSpecPathsFor(apiVersion: string, kind: string): readonly (readonly string[])[] | undefined {
  return knownKind(apiVersion, kind)?.podSpecPaths;
}

/** Quantity fields of a built-in kind outside its pod specs ([] for custom resources). */
export function quantityPathsFor(apiVersion: string, kind: string): readonly (readonly string[])[] {
  return knownKind(apiVersion, kind)?.quantityPaths ?? [];
}

/** Quantity fields of a PodSpec, relative to the pod spec. */
export const podSpecQuantityPaths: readonly (readonly string[])[] = (generated as GeneratedKinds).podSpecQuantityPaths;
