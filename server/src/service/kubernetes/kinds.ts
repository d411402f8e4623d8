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
}

const byKey = new Map<string, KindEntry>();
for (const entry of (generated as { kinds: KindEntry[] }).kinds) byKey.set(`${entry.apiVersion}/${entry.kind}`, entry);

export function knownKind(apiVersion: string, kind: string): KindEntry | undefined {
  return byKey.get(`${apiVersion}/${kind}`);
}

/** undefined for kinds the OpenAPI does not define (custom resources). */
export function podSpecPathsFor(apiVersion: string, kind: string): readonly (readonly string[])[] | undefined {
  return knownKind(apiVersion, kind)?.podSpecPaths;
}
