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
  /** Ranges in the file, as of the run that made or last moved them. */
  findings: readonly Finding[];
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
    const fromIndexes = patched && built.get(patched.from);
    const from = fromIndexes?.get(index.id);
    if (patched && fromIndexes && from) {
      // The old list's index is patched in place and moves to the new list: the old list is
      // read no more (the last run's lists are replaced by this run's), and taking the index
      // from it first means a run that fails halfway leaves no half-patched index behind.
      fromIndexes.delete(index.id);
      patchBuckets(from.buckets, index, patched.patch, patched.from);
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
 * Patches the buckets of a list whose facts from `start` on were replaced by as many others
 * (same places): only the buckets of the old and new facts' keys change. In such a bucket the old
 * facts of the run form one stretch, which the new ones under the key take the place of; a
 * key the old facts did not have puts the new ones where their places fall among the others.
 */
function patchBuckets(
  buckets: Map<string, Bucket>,
  index: FactIndex,
  patch: NonNullable<ListReuse['patch']>,
  from: readonly BaseFact[],
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
      const place = placesIn(from);
      at = old.findIndex((fact) => (place.get(fact) as number) >= start);
      if (at < 0) at = old.length;
    }
    // A new array: the old one may be held by a memo of the last run.
    const bucket = [...kept.slice(0, at), ...fresh, ...kept.slice(at)];
    if (bucket.length > 0) buckets.set(key, bucket);
    else buckets.delete(key);
  }
}

/** Per rule, the same kinds as an array: asked once per rule and document. */
const declaredLists: readonly (readonly string[])[] = declaredKinds.map((kinds) => [...kinds]);

/** Whether the rule has anything to judge in the document: a fact of a kind it declares. */
export function judges(rule: number, document: Facts): boolean {
  const kinds = declaredLists[rule] as readonly string[];
  for (let i = 0; i < kinds.length; i++) if (document.has(kinds[i] as string)) return true;
  return false;
}

/**
 * What one judgement sees, and what it read. A class rather than an object of closures: a
 * check from scratch makes one per rule and document, tens of thousands in a large file.
 */
class JudgementContext implements WorkspaceRuleContext {
  findings: Finding[] | undefined;
  kinds: string[] | undefined;
  keys: string[] | undefined;
  counts: string[] | undefined;
  present: string[] | undefined;
  readonly options: unknown;

  constructor(
    private readonly rule: Rule,
    private readonly declared: ReadonlySet<string>,
    private readonly own: Facts,
    private readonly facts: WorkspaceFacts,
    private readonly locate: (index: number) => Locate,
    private readonly index: number,
    options: RuleOptions,
  ) {
    this.options = options.byRule.get(rule.meta.id);
  }

  private check(kind: FactKind): void {
    if (!this.declared.has(kind.id)) throw new Error(`${this.rule.meta.id} reads facts '${kind.id}' it does not declare`);
  }

  inFile<T extends BaseFact>(kind: FactKind<T>): readonly T[] {
    this.check(kind);
    return (this.own.get(kind.id) ?? NONE) as readonly T[];
  }

  all<T extends BaseFact>(kind: FactKind<T>): readonly T[] {
    this.check(kind);
    const kinds = (this.kinds ??= []);
    if (!kinds.includes(kind.id)) kinds.push(kind.id);
    return this.facts.allOf(kind.id) as readonly T[];
  }

  lookup<T extends BaseFact>(index: FactIndex<T>, ...wanted: string[]): readonly T[] {
    this.check(index.kind);
    const keys = (this.keys ??= []);
    for (const key of wanted) keys.push(index.id, key);
    return this.facts.lookup(index as unknown as FactIndex, wanted) as readonly T[];
  }

  count<T extends BaseFact>(index: FactIndex<T>, key: string): number {
    this.check(index.kind);
    (this.counts ??= []).push(index.id, key);
    return this.facts.count(index as unknown as FactIndex, key);
  }

  has<T extends BaseFact>(index: FactIndex<T>, key: string): boolean {
    this.check(index.kind);
    (this.present ??= []).push(index.id, key);
    return this.facts.count(index as unknown as FactIndex, key) > 0;
  }

  report(r: WorkspaceReport): void {
    if (!holds(this.own, r.fact)) {
      throw new Error(`${this.rule.meta.id} reported a fact that is not from the file being checked`);
    }
    const at = this.locate(this.index);
    const [start, end] = r.at ?? r.fact.at;
    (this.findings ??= []).push(
      createFinding(this.rule.meta, {
        messageId: r.messageId,
        data: r.data,
        range: at(start, end),
        object: r.fact.object,
        container: r.container,
        fixes: r.fixes,
        locate: at,
      }),
    );
  }
}

/**
 * Whether the fact is one of the document's. A document of a few facts is scanned; one of
 * many (a List of thousands of objects) gets a set, once.
 */
const factSets = new WeakMap<Facts, Set<BaseFact>>();
function holds(document: Facts, fact: BaseFact): boolean {
  let count = 0;
  for (const list of document.values()) count += list.length;
  if (count <= 32) {
    for (const list of document.values()) if (list.includes(fact)) return true;
    return false;
  }
  let found = factSets.get(document);
  if (!found) {
    found = new Set();
    for (const list of document.values()) for (const item of list) found.add(item);
    factSets.set(document, found);
  }
  return found.has(fact);
}

const NO_FINDINGS: readonly Finding[] = [];
const NOTHING: Judgement = {
  findings: NO_FINDINGS,
  kinds: undefined,
  keys: undefined,
  counts: undefined,
  present: undefined,
  crash: undefined,
};

/**
 * Rule number `rule` (of workspaceRules) judges document `index`. `locate` gives the
 * locator that turns a document's offsets into file positions.
 */
export function judgeDocument(
  rule: number,
  index: number,
  facts: WorkspaceFacts,
  locate: (index: number) => Locate,
  options: RuleOptions,
): Judgement {
  const definition = workspaceRules[rule] as Rule;
  const own = facts.documents[index] as Facts;
  const context = new JudgementContext(
    definition,
    declaredKinds[rule] as ReadonlySet<string>,
    own,
    facts,
    locate,
    index,
    options,
  );
  let crash: Finding | undefined;
  try {
    definition.checkWorkspace?.(context);
  } catch (error) {
    crash = createFinding(internalError, {
      messageId: 'crashedAcrossFiles',
      data: { rule: definition.meta.id, detail: String(error) },
      range: TOP_OF_FILE,
    });
  }
  const { findings, kinds, keys, counts, present } = context;
  // Many judgements find nothing and read nothing (a rule with nothing to judge in a ConfigMap): one object for them all.
  if (!findings && !kinds && !keys && !counts && !present && !crash) return NOTHING;
  return { findings: findings ?? NO_FINDINGS, kinds, keys, counts, present, crash };
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
