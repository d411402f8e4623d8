/**
 * The facts one run of the rules across documents reads: every fact of a kind in the
 * workspace's order (the file's documents, then the other files), and the fact indexes
 * (facts/factIndex.ts) built from those lists. A list the last run made is read again when
 * no edited document holds its kind, or patched when the edit kept its number of facts;
 * the indexes of a list go with it, and are patched with it.
 */
import type { BaseFact } from '../facts/factKind';
import { factIndexById } from '../facts/factIndex';
import type { FactIndex } from '../facts/factIndex';

type Facts = ReadonlyMap<string, readonly BaseFact[]>;

/** The facts under one key, in the list's order. */
type Bucket = BaseFact[];
interface BuiltIndex {
  buckets: Map<string, Bucket>;
  merged: Map<string, readonly BaseFact[]>;
}

/** Indexes of a list, built once per list: a list kept from the last run keeps its indexes. */
const built = new WeakMap<readonly BaseFact[], Map<string, BuiltIndex>>();
/** Each fact's place in its list, made when buckets must be merged or a fact put between others. */
const places = new WeakMap<readonly BaseFact[], Map<BaseFact, number>>();

function placesIn(list: readonly BaseFact[]): Map<BaseFact, number> {
  let found = places.get(list);
  if (!found) {
    found = new Map();
    for (let position = 0; position < list.length; position++) found.set(list[position] as BaseFact, position);
    places.set(list, found);
  }
  return found;
}
export const NONE: readonly BaseFact[] = [];

/**
 * A list of the last run a run may read again: as it is (no edited document holds its kind),
 * or with the edited documents' facts, as many as before, put in place of the old ones.
 */
export interface ListReuse {
  list: readonly BaseFact[];
  patch?: { start: number; removed: readonly BaseFact[]; added: readonly BaseFact[] };
}

/**
 * The facts one run reads: the file's documents in order, then the other files. A kind's
 * list is made when first read, or taken from the last run's (`reuse`), so that memos and
 * indexes keyed on an unchanged list carry over between edits, and those of a patched one
 * are patched rather than rebuilt.
 */
export class WorkspaceFacts {
  private readonly lists = new Map<string, readonly BaseFact[]>();
  /** The patched lists, with the list and patch they come from. */
  private readonly patched = new Map<
    readonly BaseFact[],
    { from: readonly BaseFact[]; patch: NonNullable<ListReuse['patch']> }
  >();

  constructor(
    readonly documents: readonly Facts[],
    private readonly otherFiles: readonly Facts[],
    private readonly reuse?: ReadonlyMap<string, ListReuse>,
  ) {}

  allOf(kind: string): readonly BaseFact[] {
    let found = this.lists.get(kind);
    const reused = found ? undefined : this.reuse?.get(kind);
    if (reused) {
      const { list, patch } = reused;
      if (patch) {
        const copy = list.slice();
        for (const [n, fact] of patch.added.entries()) copy[patch.start + n] = fact;
        this.patched.set(copy, { from: list, patch });
        movePlaces(list, copy, patch);
        found = copy;
      } else found = list;
      this.lists.set(kind, found);
    }
    if (!found) {
      // A plain loop: with thousands of files, flatMap's arrays per document were most of a CLI run.
      const list: BaseFact[] = [];
      for (const document of this.documents) {
        const facts = document.get(kind);
        if (facts) for (const fact of facts) list.push(fact);
      }
      for (const document of this.otherFiles) {
        const facts = document.get(kind);
        if (facts) for (const fact of facts) list.push(fact);
      }
      this.lists.set(kind, (found = list));
    }
    return found;
  }

  /**
   * The lists this run read or kept, by kind, for the next run. A list of the last run that
   * no judgement of this one read (an edit that re-judged nothing, or only rules of other
   * kinds) is kept too, its patch applied and its indexes moved: else the next edit would
   * build it and its indexes again from every document (30 ms at 5,000 documents).
   */
  listsForNextRun(): ReadonlyMap<string, readonly BaseFact[]> {
    for (const [kind, { list, patch }] of this.reuse ?? []) {
      if (this.lists.has(kind)) continue;
      if (!patch) {
        this.lists.set(kind, list);
        continue;
      }
      this.allOf(kind); // makes the patched copy
      for (const id of [...(built.get(list)?.keys() ?? [])]) {
        const index = factIndexById(id);
        if (index) this.index(index); // moves the index to the copy, patched
      }
    }
    return this.lists;
  }

  private index(index: FactIndex): BuiltIndex {
    const list = this.allOf(index.kind.id);
    let byId = built.get(list);
    if (!byId) built.set(list, (byId = new Map()));
    let found = byId.get(index.id);
    const patched = found ? undefined : this.patched.get(list);
    const fromIndexes = patched && built.get(patched.from);
    const from = fromIndexes?.get(index.id);
    if (patched && fromIndexes && from) {
      // The old list's index is patched in place and moves to the new list: the old list is
      // read no more (the last run's lists are replaced by this run's), and taking the index
      // from it first means a run that fails halfway leaves no half-patched index behind.
      fromIndexes.delete(index.id);
      patchBuckets(from.buckets, index, patched.patch, list);
      found = { buckets: from.buckets, merged: new Map() };
      byId.set(index.id, found);
    }
    if (!found) {
      const buckets = new Map<string, Bucket>();
      for (const fact of list) {
        const keys = index.keysOf(fact);
        for (let n = 0; n < keys.length; n++) {
          const key = keys[n] as string;
          if (n > 0 && keys.indexOf(key) < n) continue; // a key twice: the fact once
          const bucket = buckets.get(key);
          if (bucket) bucket.push(fact);
          else buckets.set(key, [fact]);
        }
      }
      byId.set(index.id, (found = { buckets, merged: new Map() }));
    }
    return found;
  }

  /** The facts under any of the keys, in the list's order; the same array for the same keys in a run. */
  lookup(index: FactIndex, keys: readonly string[]): readonly BaseFact[] {
    const { buckets, merged } = this.index(index);
    const present = keys.map((key) => buckets.get(key)).filter((bucket): bucket is Bucket => bucket !== undefined);
    if (present.length === 0) return NONE;
    if (present.length === 1) return present[0] as Bucket;
    const memoKey = keys.join('\u0000');
    let found = merged.get(memoKey);
    if (!found) {
      const place = placesIn(this.allOf(index.kind.id));
      found = [...new Set(present.flat())].sort((a, b) => (place.get(a) as number) - (place.get(b) as number));
      merged.set(memoKey, found);
    }
    return found;
  }

  /** The number of facts under the key of the index of that id (for the stage, which records dependencies by id). */
  countById(id: string, key: string): number {
    const index = factIndexById(id);
    if (!index) throw new Error(`unknown fact index '${id}'`);
    return this.count(index, key);
  }

  count(index: FactIndex, key: string): number {
    return this.index(index).buckets.get(key)?.length ?? 0;
  }
}

/**
 * Moves the places of a list's facts to its patched copy, changed where the patch put new
 * facts: the same places otherwise, and the old list is read no more.
 */
function movePlaces(from: readonly BaseFact[], to: readonly BaseFact[], patch: NonNullable<ListReuse['patch']>): void {
  const found = places.get(from);
  if (!found) return;
  places.delete(from);
  for (const fact of patch.removed) found.delete(fact);
  patch.added.forEach((fact, n) => found.set(fact, patch.start + n));
  places.set(to, found);
}

/**
 * Patches the buckets of a list whose facts from `start` on were replaced by as many others
 * (same places): only the buckets of the old and new facts' keys change. In such a bucket the old
 * facts of the run form one stretch, which the new ones under the key take the place of; a
 * key the old facts did not have puts the new ones where their places fall among the others.
 */
function patchBuckets(
  buckets: Map<string, Bucket>,
  index: FactIndex,
  patch: NonNullable<ListReuse['patch']>,
  /** The patched list: the facts the patch kept are at the places they had. */
  list: readonly BaseFact[],
): void {
  const { start, removed, added } = patch;
  const addedUnder = new Map<string, BaseFact[]>();
  for (const fact of added) {
    for (const key of new Set(index.keysOf(fact))) {
      const facts = addedUnder.get(key);
      if (facts) facts.push(fact);
      else addedUnder.set(key, [fact]);
    }
  }
  const gone = new Set(removed);
  const keys = new Set(addedUnder.keys());
  for (const fact of removed) for (const key of index.keysOf(fact)) keys.add(key);
  for (const key of keys) {
    const old = buckets.get(key) ?? [];
    const fresh = addedUnder.get(key) ?? [];
    let at = old.findIndex((fact) => gone.has(fact));
    let kept = old;
    if (at >= 0) kept = old.filter((fact) => !gone.has(fact));
    else if (old.length === 0) at = 0;
    else {
      // None of the old facts was here: the new ones go before the first fact placed after the run.
      const place = placesIn(list);
      at = old.findIndex((fact) => (place.get(fact) as number) >= start);
      if (at < 0) at = old.length;
    }
    // A new array: the old one may be held by a memo of the last run.
    const bucket = [...kept.slice(0, at), ...fresh, ...kept.slice(at)];
    if (bucket.length > 0) buckets.set(key, bucket);
    else buckets.delete(key);
  }
}
