/**
 * The rules across files, incrementally. Their judgements read facts, never positions, so
 * when an edit leaves every document's facts the same apart from where they sit (a comment,
 * a reindented line, a value no fact records), the file's judgements stand: the findings of
 * untouched documents are reused, moved to their documents' new lines, and only the edited
 * documents are judged again (their findings' places may have moved inside them). Anything
 * else (a fact changed, a document added or removed, other files or options changed) runs
 * the rules over the whole file, as the first check does.
 */
import type { DocumentFacts } from '../facts/factKind';
import { fingerprintOfFacts } from '../facts/factFingerprint';
import type { RuleOptions } from '../config/ruleOptions';
import type { Finding } from '../core/types';
import { shiftFinding } from '../core/ranges';
import type { ChunkResult } from './lintChunk';
import { runWorkspaceRules } from './workspaceRules';
import type { AttributedFinding } from './workspaceRules';

export interface WorkspaceEntry {
  result: ChunkResult;
  startLine: number;
}

interface Previous {
  otherFiles: readonly DocumentFacts[];
  optionsKey: string;
  entries: readonly WorkspaceEntry[];
  fingerprints: readonly string[];
  findings: readonly AttributedFinding[];
}

/** What the last run of a file left, for the next one. One per file, held by its host. */
export class WorkspaceStageMemo {
  previous: Previous | undefined;
  /** How the last run went, for tests and the bench: 'full', 'partial' or 'reused'. */
  lastRun: 'full' | 'partial' | 'reused' | undefined;
}

export function runWorkspaceStage(
  entries: readonly WorkspaceEntry[],
  otherFiles: readonly DocumentFacts[],
  options: RuleOptions,
  memo: WorkspaceStageMemo | undefined,
): Finding[] {
  if (!memo) return runWorkspaceRules(entries, otherFiles, options).map((f) => f.finding);
  const fingerprints = entries.map((entry) => fingerprintOfFacts(entry.result.facts));
  const previous = memo.previous;
  const sameJudgements =
    previous !== undefined &&
    sameItems(previous.otherFiles, otherFiles) &&
    previous.optionsKey === options.key &&
    previous.fingerprints.length === fingerprints.length &&
    previous.fingerprints.every((fingerprint, index) => fingerprint === fingerprints[index]);
  let findings: AttributedFinding[];
  if (!sameJudgements) {
    findings = runWorkspaceRules(entries, otherFiles, options);
    memo.lastRun = 'full';
  } else {
    const edited = new Set<number>();
    entries.forEach((entry, index) => {
      if (previous.entries[index]?.result !== entry.result) edited.add(index);
    });
    findings = [];
    for (const old of previous.findings) {
      if (old.entry < 0 || !edited.has(old.entry)) {
        const moved = old.entry < 0 ? 0 : (entries[old.entry]?.startLine ?? 0) - (previous.entries[old.entry]?.startLine ?? 0);
        findings.push({ entry: old.entry, finding: shiftFinding(old.finding, moved) });
      }
    }
    if (edited.size > 0) findings.push(...runWorkspaceRules(entries, otherFiles, options, edited));
    memo.lastRun = edited.size > 0 ? 'partial' : 'reused';
  }
  memo.previous = { otherFiles, optionsKey: options.key, entries, fingerprints, findings };
  return findings.map((f) => f.finding);
}

/** The host builds the other files' list afresh for each check; its items are kept while their files are unchanged. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((item, index) => item === b[index]));
}
