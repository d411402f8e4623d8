/**
 * Runs the rules that compare documents (scope 'workspace') for one file: its own
 * documents' facts against the facts of every document in the workspace. The host
 * passes the facts of the other files; a file alone is a workspace of one, so a
 * ResourceQuota and the Deployments it caps can live in one file or in many.
 */
import { rules } from '../rules/registry';
import { formatMessage } from '../rules/types';
import type { WorkspaceReport } from '../rules/types';
import type { Finding, Range } from '../types';
import type { DocumentFacts, OffsetRange } from '../workspace/namespaceFacts';
import type { RuleOptions } from '../config/ruleOptions';
import type { ChunkResult } from './lintChunk';
import { toRange } from './lintChunk';
import { internalError } from './engineDiagnostics';

const workspaceRules = rules.filter((rule) => rule.meta.scope === 'workspace' && rule.checkWorkspace);

export function runWorkspaceRules(
  results: readonly { result: ChunkResult; startLine: number }[],
  otherFiles: readonly DocumentFacts[],
  options: RuleOptions,
): Finding[] {
  const file = results.map(({ result, startLine }) => ({
    facts: result.facts,
    locate: (at: OffsetRange): Range => shift(toRange(result.parsed.lineCounter, at[0], at[1]), startLine),
  }));
  if (!file.some(({ facts }) => facts.workloads.length + facts.quotas.length > 0)) return [];
  const all = [...file.map(({ facts }) => facts), ...otherFiles];
  const findings: Finding[] = [];
  for (const rule of workspaceRules) {
    const report = (r: WorkspaceReport): void => {
      const finding: Finding = {
        ruleId: rule.meta.id,
        severity: rule.meta.defaultSeverity,
        message: formatMessage(rule.meta.messages[r.messageId] ?? r.messageId, r.data),
        range: r.range,
        object: r.object,
        fixes: [],
      };
      if (r.container !== undefined) finding.container = r.container;
      findings.push(finding);
    };
    try {
      rule.checkWorkspace?.({ file, all, options, report });
    } catch (error) {
      findings.push({
        ruleId: internalError.id,
        severity: internalError.defaultSeverity,
        message: formatMessage(internalError.messages.crashed ?? '', { rule: rule.meta.id, detail: String(error) }),
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fixes: [],
      });
    }
  }
  return findings;
}

function shift(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}
