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
import type { FactIndex } from '../facts/factIndex';
import type { RuleOptions } from '../config/ruleOptions';
import { createFinding } from '../core/findings';
import { locatorOf, TOP_OF_FILE } from '../core/ranges';
import type { Locate } from '../core/ranges';
import type { Finding } from '../core/types';
import { internalError } from '../core/engineDiagnostics';
import type { ChunkResult } from './lintChunk';
import { NONE } from './workspaceFacts';
import type { WorkspaceFacts } from './workspaceFacts';

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
      locators[index] = locate = locatorOf(entry.result.lines, entry.startLine);
    }
    return locate;
  };
}
