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

export function runWorkspaceRules(
  results: readonly { result: ChunkResult; startLine: number }[],
  otherFiles: readonly DocumentFacts[],
  options: RuleOptions,
): Finding[] {
  const locators = new Map<BaseFact, Locate>();
  const inFile = new Map<string, BaseFact[]>();
  const seen = new Set<ChunkResult>();
  for (const { result, startLine } of results) {
    const locate = locatorOf(result.parsed.lineCounter, startLine);
    // Two documents with the same text share one cached result: copy the facts so each is located in its own document.
    const copy = seen.has(result);
    seen.add(result);
    for (const [kind, cached] of result.facts) {
      const facts = copy ? cached.map((fact) => ({ ...fact })) : cached;
      for (const fact of facts) locators.set(fact, locate);
      let list = inFile.get(kind);
      if (!list) inFile.set(kind, (list = []));
      list.push(...facts);
    }
  }
  const everywhere = new Map<string, BaseFact[]>();
  const allOf = (kind: string): BaseFact[] => {
    let found = everywhere.get(kind);
    if (!found) {
      // A plain loop: with thousands of files, flatMap's arrays per document were most of a CLI run.
      found = [...(inFile.get(kind) ?? [])];
      for (const document of otherFiles) {
        const facts = document.get(kind);
        if (facts) for (const fact of facts) found.push(fact);
      }
      everywhere.set(kind, found);
    }
    return found;
  };

  const findings: Finding[] = [];
  for (const rule of workspaceRules) {
    const declared = new Set((rule.facts ?? []).map((kind) => kind.id));
    if (![...declared].some((kind) => inFile.has(kind))) continue;
    const read = <T extends BaseFact>(kind: FactKind<T>, facts: (kind: string) => readonly BaseFact[]): readonly T[] => {
      if (!declared.has(kind.id)) throw new Error(`${rule.meta.id} reads facts '${kind.id}' it does not declare`);
      return facts(kind.id) as readonly T[];
    };
    const report = (r: WorkspaceReport): void => {
      const locate = locators.get(r.fact);
      if (!locate) throw new Error(`${rule.meta.id} reported a fact that is not from the file being checked`);
      const [start, end] = r.at ?? r.fact.at;
      findings.push(
        createFinding(rule.meta, {
          messageId: r.messageId,
          data: r.data,
          range: locate(start, end),
          object: r.fact.object,
          container: r.container,
          fixes: r.fixes,
          locate,
        }),
      );
    };
    try {
      rule.checkWorkspace?.({
        inFile: (kind) => read(kind, (id) => inFile.get(id) ?? []),
        all: (kind) => read(kind, allOf),
        options: options.byRule.get(rule.meta.id),
        report,
      });
    } catch (error) {
      findings.push(
        createFinding(internalError, {
          messageId: 'crashedAcrossFiles',
          data: { rule: rule.meta.id, detail: String(error) },
          range: TOP_OF_FILE,
        }),
      );
    }
  }
  return findings;
}
