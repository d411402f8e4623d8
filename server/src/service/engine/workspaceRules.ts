/**
 * Runs the rules that compare documents (scope 'workspace'): each rule judges one document
 * of the file at a time (its `inFile` is that document's facts) against every fact of the
 * file and of the other files the host passes. A file alone is a workspace of one, so a
 * ResourceQuota and the Deployments it caps can live in one file or in many.
 *
 * One judgement per rule and document, so that what each read can be recorded: a kind read
 * as a whole (`all`), the keys it looked up in an index (`lookup`), the keys whose number it
 * read (`count`). The workspace stage re-runs a judgement only when its document was edited
 * or a changed fact touches what it read; everything else it reuses.
 *
 * A rule runs for a document whenever the document has a fact of a kind the rule declares
 * it reads; it reports facts of that document, and the engine makes the range.
 */
import { rules } from '../rules/registry';
import type { Rule, WorkspaceReport, WorkspaceRuleContext } from '../rules/api/ruleTypes';
import type { BaseFact, FactKind } from '../facts/factKind';
import { factIndexById } from '../facts/factIndex';
import type { FactIndex } from '../facts/factIndex';
import type { RuleOptions } from '../config/ruleOptions';
import { createFinding } from '../core/findings';
import { locatorOf, TOP_OF_FILE } from '../core/ranges';
import type { Locate } from '../core/ranges';
import type { Finding } from '../core/types';
import { internalError } from '../core/engineDiagnostics';
import type { ChunkResult } from './lintChunk';

export const workspaceRules: readonly Rule[] = rules.filter((rule) => rule.meta.scope === 'workspace' && rule.checkWorkspace);
/** Per rule, the fact kinds it declares. */
export const declaredKinds: readonly ReadonlySet<string>[] = workspaceRules.map(
  (rule) => new Set((rule.facts ?? []).map((kind) => kind.id)),
);

type Facts = ReadonlyMap<string, readonly BaseFact[]>;

/** One rule's judgement of one document: its findings, and what it read of the workspace. */
export interface Judgement {
  /** Ranges in the file, as of `startLine`. */
  findings: readonly Finding[];
  /** The document's first line when the findings were made. */
  startLine: number;
  /** Kinds read as a whole (`all`): any change to them re-judges. */
  kinds: readonly string[] | undefined;
  /** Index ids and keys looked up, flat: id, key, id, key… */
  keys: readonly string[] | undefined;
  /** Index ids and keys whose number of facts was read, flat. */
  counts: readonly string[] | undefined;
  /** Index ids and keys whose having facts or not was read, flat. */
  present: readonly string[] | undefined;
  /** The rule threw: its internal-error finding (one per rule reaches the file). */
  crash: Finding | undefined;
}

interface Bucket {
  facts: BaseFact[];
  /** Each fact's position in the kind's list, to merge buckets in the list's order. */
  positions: number[];
}
interface BuiltIndex {
  buckets: Map<string, Bucket>;
  merged: Map<string, readonly BaseFact[]>;
}

/** Indexes of a list, built once per list: a list kept from the last run keeps its indexes. */
const built = new WeakMap<readonly BaseFact[], Map<string, BuiltIndex>>();
const NONE: readonly BaseFact[] = [];

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

  /** The lists this run read or kept, by kind. */
  get madeLists(): ReadonlyMap<string, readonly BaseFact[]> {
    return this.lists;
  }

  private index(index: FactIndex): BuiltIndex {
    const list = this.allOf(index.kind.id);
    let byId = built.get(list);
    if (!byId) built.set(list, (byId = new Map()));
    let found = byId.get(index.id);
    const patched = found ? undefined : this.patched.get(list);
    const from = patched && built.get(patched.from)?.get(index.id);
    if (patched && from) {
      found = { buckets: patchedBuckets(from.buckets, index, patched.patch), merged: new Map() };
      byId.set(index.id, found);
    }
    if (!found) {
      const buckets = new Map<string, Bucket>();
      list.forEach((fact, position) => {
        const keys = index.keysOf(fact);
        for (const [n, key] of keys.entries()) {
          if (n > 0 && keys.indexOf(key) < n) continue; // a key twice: the fact once
          let bucket = buckets.get(key);
          if (!bucket) buckets.set(key, (bucket = { facts: [], positions: [] }));
          bucket.facts.push(fact);
          bucket.positions.push(position);
        }
      });
      byId.set(index.id, (found = { buckets, merged: new Map() }));
    }
    return found;
  }

  /** The facts under any of the keys, in the list's order; the same array for the same keys in a run. */
  lookup(index: FactIndex, keys: readonly string[]): readonly BaseFact[] {
    const { buckets, merged } = this.index(index);
    const present = keys.map((key) => buckets.get(key)).filter((bucket): bucket is Bucket => bucket !== undefined);
    if (present.length === 0) return NONE;
    if (present.length === 1) return (present[0] as Bucket).facts;
    const memoKey = keys.join('\u0000');
    let found = merged.get(memoKey);
    if (!found) {
      const positions = new Set<number>();
      for (const bucket of present) for (const position of bucket.positions) positions.add(position);
      const list = this.allOf(index.kind.id);
      found = [...positions].sort((a, b) => a - b).map((position) => list[position] as BaseFact);
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
    return this.index(index).buckets.get(key)?.facts.length ?? 0;
  }
}

/**
 * The buckets of a list whose facts from `start` on were replaced by as many others: only
 * the buckets of the old and new facts' keys change (positions are the same).
 */
function patchedBuckets(
  buckets: ReadonlyMap<string, Bucket>,
  index: FactIndex,
  patch: NonNullable<ListReuse['patch']>,
): Map<string, Bucket> {
  const { start, removed, added } = patch;
  const end = start + removed.length;
  const result = new Map(buckets);
  const addedUnder = new Map<string, number[]>();
  added.forEach((fact, n) => {
    for (const key of new Set(index.keysOf(fact))) {
      let positions = addedUnder.get(key);
      if (!positions) addedUnder.set(key, (positions = []));
      positions.push(n);
    }
  });
  const keys = new Set(addedUnder.keys());
  for (const fact of removed) for (const key of index.keysOf(fact)) keys.add(key);
  for (const key of keys) {
    const old = buckets.get(key);
    const bucket: Bucket = { facts: [], positions: [] };
    const push = (fact: BaseFact, position: number): void => {
      bucket.facts.push(fact);
      bucket.positions.push(position);
    };
    let i = 0;
    const oldPositions = old?.positions ?? [];
    while (i < oldPositions.length && (oldPositions[i] as number) < start)
      push(old?.facts[i] as BaseFact, oldPositions[i++] as number);
    while (i < oldPositions.length && (oldPositions[i] as number) < end) i++;
    for (const n of addedUnder.get(key) ?? []) push(added[n] as BaseFact, start + n);
    while (i < oldPositions.length) push(old?.facts[i] as BaseFact, oldPositions[i++] as number);
    if (bucket.facts.length > 0) result.set(key, bucket);
    else result.delete(key);
  }
  return result;
}

/** Whether the rule has anything to judge in the document: a fact of a kind it declares. */
export function judges(rule: number, document: Facts): boolean {
  for (const kind of declaredKinds[rule] ?? []) if (document.has(kind)) return true;
  return false;
}

/**
 * Rule number `rule` (of workspaceRules) judges document `index`. `locate` turns the
 * document's offsets into file positions.
 */
export function judgeDocument(
  rule: number,
  index: number,
  facts: WorkspaceFacts,
  locate: () => Locate,
  startLine: number,
  options: RuleOptions,
): Judgement {
  const definition = workspaceRules[rule] as Rule;
  const declared = declaredKinds[rule] as ReadonlySet<string>;
  const own = facts.documents[index] as Facts;
  const id = definition.meta.id;
  const findings: Finding[] = [];
  let kinds: Set<string> | undefined;
  let keys: string[] | undefined;
  let counts: string[] | undefined;
  let present: string[] | undefined;
  const check = (kind: FactKind): void => {
    if (!declared.has(kind.id)) throw new Error(`${id} reads facts '${kind.id}' it does not declare`);
  };
  const report = (r: WorkspaceReport): void => {
    if (![...own.values()].some((list) => list.includes(r.fact))) {
      throw new Error(`${id} reported a fact that is not from the file being checked`);
    }
    const at = locate();
    const [start, end] = r.at ?? r.fact.at;
    findings.push(
      createFinding(definition.meta, {
        messageId: r.messageId,
        data: r.data,
        range: at(start, end),
        object: r.fact.object,
        container: r.container,
        fixes: r.fixes,
        locate: at,
      }),
    );
  };
  const context: WorkspaceRuleContext = {
    inFile: <T extends BaseFact>(kind: FactKind<T>) => {
      check(kind);
      return (own.get(kind.id) ?? NONE) as readonly T[];
    },
    all: <T extends BaseFact>(kind: FactKind<T>) => {
      check(kind);
      (kinds ??= new Set()).add(kind.id);
      return facts.allOf(kind.id) as readonly T[];
    },
    lookup: <T extends BaseFact>(index: FactIndex<T>, ...wanted: string[]) => {
      check(index.kind);
      keys ??= [];
      for (const key of wanted) keys.push(index.id, key);
      return facts.lookup(index as unknown as FactIndex, wanted) as readonly T[];
    },
    count: <T extends BaseFact>(index: FactIndex<T>, key: string) => {
      check(index.kind);
      (counts ??= []).push(index.id, key);
      return facts.count(index as unknown as FactIndex, key);
    },
    has: <T extends BaseFact>(index: FactIndex<T>, key: string) => {
      check(index.kind);
      (present ??= []).push(index.id, key);
      return facts.count(index as unknown as FactIndex, key) > 0;
    },
    options: options.byRule.get(id),
    report,
  };
  let crash: Finding | undefined;
  try {
    definition.checkWorkspace?.(context);
  } catch (error) {
    crash = createFinding(internalError, {
      messageId: 'crashedAcrossFiles',
      data: { rule: id, detail: String(error) },
      range: TOP_OF_FILE,
    });
  }
  return { findings, startLine, kinds: kinds && [...kinds], keys, counts, present, crash };
}

/** A locator per document, made when a finding first needs it. */
export function locatorsOf(entries: readonly { result: ChunkResult; startLine: number }[]): (index: number) => Locate {
  const locators: (Locate | undefined)[] = [];
  return (index) => {
    let locate = locators[index];
    if (!locate) {
      const entry = entries[index] as (typeof entries)[number];
      locators[index] = locate = locatorOf(entry.result.parsed.lineCounter, entry.startLine);
    }
    return locate;
  };
}
