/**
 * Runs the rules that compare documents (scope 'workspace') for one file: its own
 * documents' facts against the facts of every document in the workspace. The host
 * passes the facts of the other files; a file alone is a workspace of one, so a
 * ResourceQuota and the Deployments it caps can live in one file or in many.
 *
 * A rule runs for a file whenever the file contributes a fact of a kind the rule
 * declares it reads; it reports facts of this file, and the engine makes the range.
 */
import { rules } from '../rules/registry';
import type { WorkspaceReport } from '../rules/api/ruleTypes';
import type { BaseFact, FactKind, DocumentFacts } from '../facts/factKind';
import type { RuleOptions } from '../config/ruleOptions';
import { createFinding } from '../core/findings';
import { locatorOf, TOP_OF_FILE } from '../core/ranges';
import type { Locate } from '../core/ranges';
import type { Finding } from '../core/types';
import { internalError } from '../core/engineDiagnostics';
import type { ChunkResult } from './lintChunk';

const workspaceRules = rules.filter((rule) => rule.meta.scope === 'workspace' && rule.checkWorkspace);

/** A finding of a rule across files, with the index of the document whose fact it is on (-1: the file). */
export interface AttributedFinding {
  finding: Finding;
  entry: number;
}

/**
 * `entries` are the file's documents in order. The rules judge the facts of the documents in
 * `judged` (all of them when absent) against every fact of the file and of `otherFiles`: an
 * edit that leaves the file's judgements as they were re-judges only the edited document.
 */
export function runWorkspaceRules(
  entries: readonly { result: ChunkResult; startLine: number }[],
  otherFiles: readonly DocumentFacts[],
  options: RuleOptions,
  judged?: ReadonlySet<number>,
): AttributedFinding[] {
  /** The document of each judged fact; its locator is made when a finding needs it. */
  const entryOf = new Map<BaseFact, number>();
  const locators: (Locate | undefined)[] = [];
  const locatorFor = (index: number): Locate => {
    let locate = locators[index];
    if (!locate) {
      const entry = entries[index] as (typeof entries)[number];
      locators[index] = locate = locatorOf(entry.result.lines, entry.startLine);
    }
    return locate;
  };
  const inFile = new Map<string, BaseFact[]>();
  const fileFacts: ReadonlyMap<string, readonly BaseFact[]>[] = [];
  const seen = new Set<ChunkResult>();
  for (const [index, { result }] of entries.entries()) {
    // Two documents with the same text share one cached result: copy the facts so each is located in its own document.
    const copy = seen.has(result);
    seen.add(result);
    const own = copy
      ? new Map([...result.facts].map(([kind, cached]) => [kind, cached.map((fact) => ({ ...fact }))]))
      : result.facts;
    fileFacts.push(own);
    if (judged && !judged.has(index)) continue;
    for (const [kind, facts] of own) {
      for (const fact of facts) entryOf.set(fact, index);
      let list = inFile.get(kind);
      if (!list) inFile.set(kind, (list = []));
      for (const fact of facts) list.push(fact);
    }
  }
  const everywhere = new Map<string, BaseFact[]>();
  const allOf = (kind: string): BaseFact[] => {
    let found = everywhere.get(kind);
    if (!found) {
      // The file's documents in their order, then the other files. A plain loop: with
      // thousands of files, flatMap's arrays per document were most of a CLI run.
      found = [];
      for (const document of fileFacts) {
        const facts = document.get(kind);
        if (facts) for (const fact of facts) found.push(fact);
      }
      for (const document of otherFiles) {
        const facts = document.get(kind);
        if (facts) for (const fact of facts) found.push(fact);
      }
      everywhere.set(kind, found);
    }
    return found;
  };

  const findings: AttributedFinding[] = [];
  for (const rule of workspaceRules) {
    const declared = new Set((rule.facts ?? []).map((kind) => kind.id));
    if (![...declared].some((kind) => inFile.has(kind))) continue;
    const read = <T extends BaseFact>(kind: FactKind<T>, facts: (kind: string) => readonly BaseFact[]): readonly T[] => {
      if (!declared.has(kind.id)) throw new Error(`${rule.meta.id} reads facts '${kind.id}' it does not declare`);
      return facts(kind.id) as readonly T[];
    };
    const report = (r: WorkspaceReport): void => {
      const entry = entryOf.get(r.fact);
      if (entry === undefined) throw new Error(`${rule.meta.id} reported a fact that is not from the file being checked`);
      const locate = locatorFor(entry);
      const [start, end] = r.at ?? r.fact.at;
      findings.push({
        entry,
        finding: createFinding(rule.meta, {
          messageId: r.messageId,
          data: r.data,
          range: locate(start, end),
          object: r.fact.object,
          container: r.container,
          fixes: r.fixes,
          locate,
        }),
      });
    };
    try {
      rule.checkWorkspace?.({
        inFile: (kind) => read(kind, (id) => inFile.get(id) ?? []),
        all: (kind) => read(kind, allOf),
        options: options.byRule.get(rule.meta.id),
        report,
      });
    } catch (error) {
      findings.push({
        entry: -1,
        finding: createFinding(internalError, {
          messageId: 'crashedAcrossFiles',
          data: { rule: rule.meta.id, detail: String(error) },
          range: TOP_OF_FILE,
        }),
      });
    }
  }
  return findings;
}
