/**
 * Keyed views of one fact kind across the workspace: the workloads carrying a label, the
 * objects of a kind in a namespace. A rule across documents that asks an index for a key
 * (rather than scanning `all` of the kind) depends on that key only, so when an edit
 * changes facts the engine re-judges only the documents whose lookups the changed facts'
 * keys (before and after the edit) touch. Absence is a dependency too: a lookup that found
 * nothing is asked again when a fact with that key appears.
 */
import type { BaseFact, FactKind } from './factKind';

export interface FactIndex<T extends BaseFact = BaseFact> {
  /** Unique among indexes: dependencies are recorded by it. */
  id: string;
  kind: FactKind<T>;
  /** The keys a fact is found under (a fact may have several, or none). Must read facts only, never places. */
  keysOf(fact: T): readonly string[];
}

const defined = new Map<string, FactIndex>();

export function defineFactIndex<T extends BaseFact>(
  kind: FactKind<T>,
  name: string,
  keysOf: (fact: T) => readonly string[],
): FactIndex<T> {
  const id = `${kind.id}/${name}`;
  if (defined.has(id)) throw new Error(`fact index '${id}' is defined twice`);
  const index: FactIndex<T> = { id, kind, keysOf };
  defined.set(id, index as unknown as FactIndex);
  return index;
}

/** The index of that id, for the engine, which records dependencies by id. */
export function factIndexById(id: string): FactIndex | undefined {
  return defined.get(id);
}
