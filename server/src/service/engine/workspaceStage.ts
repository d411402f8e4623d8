/**
 * The rules across documents, incrementally. The invariant: whatever the edit, the findings
 * are exactly those of a check from scratch (same findings, same order).
 *
 * Each rule judges each document on its own, and the last run's judgements are kept with
 * what each read (workspaceRules.ts). The documents of the last run and of this one are
 * matched by their cached results from both ends; those in between are the edited ones (a
 * typed character, a document added or removed). From their facts before and after, by kind:
 * the kinds that changed (their facts, places aside, differ) and, per index, the keys of the
 * changed facts before and after, and the keys whose number of facts changed. A judgement is
 * made again iff its document was edited, or it read a changed kind as a whole, looked up a
 * changed key, or counted a key whose number changed; the rest are reused, moved to their
 * documents' new lines. Other files or options changed: everything is judged again.
 */
import type { BaseFact, DocumentFacts } from '../facts/factKind';
import type { RuleOptions } from '../config/ruleOptions';
import type { Finding } from '../core/types';
import { shiftFinding } from '../core/ranges';
import type { ChunkResult } from './lintChunk';
import { declaredKinds, judgeDocument, judges, locatorsOf, workspaceRules } from './workspaceRules';
import type { Judgement } from './workspaceRules';
import { WorkspaceFacts } from './workspaceFacts';
import type { ListReuse } from './workspaceFacts';
import { changeBetween, dependsOnChange } from './factChange';
import type { Change } from './factChange';

export interface WorkspaceEntry {
  result: ChunkResult;
  startLine: number;
}

type Facts = ReadonlyMap<string, readonly BaseFact[]>;

interface Previous {
  otherFiles: readonly DocumentFacts[];
  optionsKey: string;
  entries: readonly WorkspaceEntry[];
  /** Each document's facts as the rules saw them (a copy for a second document of the same text). */
  documents: readonly Facts[];
  /** Per rule, per document: its judgement, or undefined when the rule had nothing to judge there. */
  judgements: readonly (readonly (Judgement | undefined)[])[];
  lists: ReadonlyMap<string, readonly BaseFact[]>;
}

/** What the last run did, for tests and the bench. */
export interface WorkspaceRunStats {
  documents: number;
  /** Documents matched to the last run's (unedited). */
  unedited: number;
  /** Judgements made in this run, and those reused. */
  judged: number;
  reused: number;
  changedKinds: string[];
  /** Time the stage took (the bench reads it; tests never assert it). */
  ms: number;
}

/** What the last run of a file left, for the next one. One per file, held by its host. */
export class WorkspaceStageMemo {
  previous: Previous | undefined;
  /** How the last run went: 'full' (everything judged), 'partial' or 'reused' (nothing judged). */
  lastRun: 'full' | 'partial' | 'reused' | undefined;
  lastStats: WorkspaceRunStats | undefined;
}

export function runWorkspaceStage(
  entries: readonly WorkspaceEntry[],
  otherFiles: readonly DocumentFacts[],
  options: RuleOptions,
  memo: WorkspaceStageMemo | undefined,
): Finding[] {
  const began = performance.now();
  const previous = memo?.previous;
  const comparable = previous !== undefined && sameItems(previous.otherFiles, otherFiles) && previous.optionsKey === options.key;
  const old = comparable ? previous : undefined;
  const { prefix, suffix } = old ? matchEnds(old.entries, entries) : { prefix: 0, suffix: 0 };
  const oldLength = old?.entries.length ?? 0;
  const documents = documentsOf(entries, old, prefix, suffix);
  const change = old
    ? changeBetween(old.documents.slice(prefix, oldLength - suffix), documents.slice(prefix, entries.length - suffix))
    : undefined;
  const facts = new WorkspaceFacts(documents, otherFiles, old && change ? reusableLists(old, change) : undefined);
  const locate = locatorsOf(entries);

  const count = entries.length;
  const middleEnd = count - suffix;
  // Every unedited document after the edit moved by the same number of lines.
  const lines =
    suffix > 0 && old
      ? (entries[middleEnd] as WorkspaceEntry).startLine - (old.entries[oldLength - suffix] as WorkspaceEntry).startLine
      : 0;
  const stats: WorkspaceRunStats = { documents: count, unedited: prefix + suffix, judged: 0, reused: 0, changedKinds: [], ms: 0 };
  const judgements: (Judgement | undefined)[][] = [];
  const findings: Finding[] = [];
  let made = 0;
  for (let rule = 0; rule < workspaceRules.length; rule++) {
    const before = change ? old?.judgements[rule] : undefined;
    const judge = (index: number): Judgement | undefined => {
      if (!judges(rule, documents[index] as Facts)) return undefined;
      stats.judged++;
      return judgeDocument(rule, index, facts, locate, options);
    };
    let row: (Judgement | undefined)[];
    if (before && change) {
      // The unedited documents' judgements, as they were (moved with their documents), and the edited ones judged.
      row = before.slice(0, prefix);
      for (let index = prefix; index < middleEnd; index++) row.push(judge(index));
      const tail = before.slice(oldLength - suffix);
      for (const judgement of tail) row.push(judgement && lines !== 0 ? moved(judgement, lines) : judgement);
      // Those that read what changed are judged again.
      if (readsAny(declaredKinds[rule] as ReadonlySet<string>, change.kinds)) {
        for (let index = 0; index < count; index++) {
          if (index === prefix) index = middleEnd;
          const judgement = row[index];
          if (judgement && dependsOnChange(judgement, change, facts)) row[index] = judge(index);
        }
      }
    } else {
      row = [];
      for (let index = 0; index < count; index++) row.push(judge(index));
    }
    let crash: Finding | undefined;
    for (const judgement of row) {
      if (!judgement) continue;
      made++;
      for (const finding of judgement.findings) findings.push(finding);
      crash ??= judgement.crash;
    }
    if (crash) findings.push(crash);
    judgements.push(row);
  }
  stats.reused = made - stats.judged;
  if (memo) {
    memo.previous = { otherFiles, optionsKey: options.key, entries, documents, judgements, lists: facts.listsForNextRun() };
    memo.lastRun = !change ? 'full' : stats.judged > 0 ? 'partial' : 'reused';
    stats.changedKinds = change ? [...change.kinds].sort() : [];
    stats.ms = Math.round((performance.now() - began) * 100) / 100;
    memo.lastStats = stats;
  }
  return findings;
}

/** The judgement of a document that moved by `lines`. */
function moved(judgement: Judgement, lines: number): Judgement {
  if (judgement.findings.length === 0) return judgement;
  return { ...judgement, findings: judgement.findings.map((finding) => shiftFinding(finding, lines)) };
}

/**
 * The last run's lists the rules can read again: as they were for the kinds no edited
 * document holds, and with the edited documents' facts put in place of the old ones for a
 * kind whose number of facts the edit kept (their indexes are then patched, not rebuilt).
 */
function reusableLists(old: Previous, change: Change): Map<string, ListReuse> {
  const reuse = new Map<string, ListReuse>();
  for (const [kind, list] of old.lists) {
    const edited = change.touched.get(kind);
    if (!edited) reuse.set(kind, { list });
    else if (edited.before.length === edited.after.length && edited.before.length > 0) {
      // The old facts are the list's run from the first of them (each fact is in one document).
      const start = list.indexOf(edited.before[0] as BaseFact);
      const run = start >= 0 && edited.before.every((fact, n) => list[start + n] === fact);
      if (run) reuse.set(kind, { list, patch: { start, removed: edited.before, added: edited.after } });
    }
  }
  return reuse;
}

/** How many documents at each end are the last run's (the same cached results), without overlapping. */
function matchEnds(before: readonly WorkspaceEntry[], after: readonly WorkspaceEntry[]): { prefix: number; suffix: number } {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix]?.result === after[prefix]?.result) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix]?.result === after[after.length - 1 - suffix]?.result) {
    suffix++;
  }
  return { prefix, suffix };
}

/**
 * Each document's facts: an unedited one keeps the last run's, an edited one takes its
 * result's. Two documents of the same text share one cached result: the second gets a copy,
 * so that every fact belongs to one document.
 */
function documentsOf(entries: readonly WorkspaceEntry[], old: Previous | undefined, prefix: number, suffix: number): Facts[] {
  const oldLength = old?.entries.length ?? 0;
  const documents: Facts[] = old ? old.documents.slice(0, prefix) : [];
  const middle = entries.slice(prefix, entries.length - suffix);
  const tail = old ? old.documents.slice(oldLength - suffix) : [];
  // An unedited document holds its result's own facts when it is that result's first document.
  const results = new Set(middle.map((entry) => entry.result));
  const used = new Set<Facts>();
  const unedited = (index: number, document: Facts): void => {
    const result = (entries[index] as WorkspaceEntry).result;
    if (results.has(result) && document === result.facts) used.add(document);
  };
  documents.forEach((document, index) => unedited(index, document));
  tail.forEach((document, n) => unedited(entries.length - suffix + n, document));
  for (const { result } of middle) {
    const own = used.has(result.facts)
      ? new Map([...result.facts].map(([kind, cached]) => [kind, cached.map((fact) => ({ ...fact }))]))
      : result.facts;
    used.add(own);
    documents.push(own);
  }
  for (const document of tail) documents.push(document);
  return documents;
}

/** The host builds the other files' list afresh for each check; its items are kept while their files are unchanged. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((item, index) => item === b[index]));
}

function readsAny(declared: ReadonlySet<string>, changed: ReadonlySet<string>): boolean {
  for (const kind of declared) if (changed.has(kind)) return true;
  return false;
}
