/**
 * What an edit changed, for the workspace stage: from the edited documents' facts before and
 * after, the kinds whose facts differ (places aside, kind by kind), per fact index the keys of
 * the changed facts before and after and how many facts each key gained or lost; and whether
 * a judgement read any of it (workspaceRules.ts records what each read).
 */
import type { BaseFact } from '../facts/factKind';
import { fingerprintOfKind } from '../facts/factFingerprint';
import { factIndexById } from '../facts/factIndex';
import type { Judgement } from './workspaceRules';
import type { WorkspaceFacts } from './workspaceFacts';

type Facts = ReadonlyMap<string, readonly BaseFact[]>;

/** What the edited documents changed: by kind, and by index key. */
export interface Change {
  /** Kinds whose facts differ, places aside. */
  kinds: ReadonlySet<string>;
  /** Kinds the edited documents hold, before or after, with their facts there: their lists hold new fact objects. */
  touched: ReadonlyMap<string, { before: readonly BaseFact[]; after: readonly BaseFact[] }>;
  keyChanged(index: string, key: string): boolean;
  countChanged(index: string, key: string): boolean;
  /** How many more facts the key has than before the edit. */
  countDelta(index: string, key: string): number;
}

export function changeBetween(before: readonly Facts[], after: readonly Facts[]): Change {
  const kinds = new Set<string>();
  const touched = new Map<string, { before: BaseFact[]; after: BaseFact[] }>();
  /** The facts of changed kinds, before and after. */
  const changed = new Map<string, { before: BaseFact[]; after: BaseFact[] }>();
  const add = (kind: string, was: readonly BaseFact[] | undefined, is: readonly BaseFact[] | undefined): void => {
    kinds.add(kind);
    let facts = changed.get(kind);
    if (!facts) changed.set(kind, (facts = { before: [], after: [] }));
    if (was) facts.before.push(...was);
    if (is) facts.after.push(...is);
  };
  const paired = before.length === after.length;
  const hold = (document: Facts, side: 'before' | 'after'): void => {
    for (const [kind, facts] of document) {
      let held = touched.get(kind);
      if (!held) touched.set(kind, (held = { before: [], after: [] }));
      held[side].push(...facts);
    }
  };
  for (const document of before) hold(document, 'before');
  for (const document of after) hold(document, 'after');
  if (paired) {
    // The same number of documents edited in place: compare each with its old self, kind by kind.
    for (const [index, is] of after.entries()) {
      const was = before[index] as Facts;
      for (const kind of new Set([...was.keys(), ...is.keys()])) {
        if (fingerprintOfKind(was.get(kind)) !== fingerprintOfKind(is.get(kind))) add(kind, was.get(kind), is.get(kind));
      }
    }
  } else {
    for (const document of before) for (const [kind, facts] of document) add(kind, facts, undefined);
    for (const document of after) for (const [kind, facts] of document) add(kind, undefined, facts);
  }
  const keys = new Map<string, Set<string>>();
  const counts = new Map<string, Map<string, number>>();
  const changedOf = (id: string) => {
    const index = factIndexById(id);
    if (!index) throw new Error(`unknown fact index '${id}'`);
    return { index, facts: changed.get(index.kind.id) };
  };
  return {
    kinds,
    touched,
    keyChanged(id, key) {
      let found = keys.get(id);
      if (!found) {
        const { index, facts } = changedOf(id);
        found = new Set();
        for (const fact of [...(facts?.before ?? []), ...(facts?.after ?? [])]) for (const k of index.keysOf(fact)) found.add(k);
        keys.set(id, found);
      }
      return found.has(key);
    },
    countChanged(id, key) {
      return this.countDelta(id, key) !== 0;
    },
    countDelta(id, key) {
      let found = counts.get(id);
      if (!found) {
        const { index, facts } = changedOf(id);
        const delta = new Map<string, number>();
        const tally = (list: readonly BaseFact[], by: number) => {
          for (const fact of list) for (const k of new Set(index.keysOf(fact))) delta.set(k, (delta.get(k) ?? 0) + by);
        };
        tally(facts?.before ?? [], -1);
        tally(facts?.after ?? [], 1);
        counts.set(id, (found = delta));
      }
      return found.get(key) ?? 0;
    },
  };
}

export function dependsOnChange(judgement: Judgement, change: Change, facts: WorkspaceFacts): boolean {
  if (judgement.kinds?.some((kind) => change.kinds.has(kind))) return true;
  const { keys, counts } = judgement;
  if (keys) {
    for (let i = 0; i < keys.length; i += 2) if (change.keyChanged(keys[i] as string, keys[i + 1] as string)) return true;
  }
  if (counts) {
    for (let i = 0; i < counts.length; i += 2) if (change.countChanged(counts[i] as string, counts[i + 1] as string)) return true;
  }
  const { present } = judgement;
  if (present) {
    for (let i = 0; i < present.length; i += 2) {
      const [id, key] = [present[i] as string, present[i + 1] as string];
      const delta = change.countDelta(id, key);
      if (delta === 0) continue;
      // Present before and after, or absent both times, is no change to this judgement.
      const now = facts.countById(id, key);
      if (now > 0 !== now - delta > 0) return true;
    }
  }
  return false;
}
