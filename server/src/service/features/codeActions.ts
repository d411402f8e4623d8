/**
 * Code actions for findings, independent of the LSP library: the rule's fix
 * (preferred), "Disable <rule> for this line", "Show documentation", and fix-all.
 */
import { disableForLineEdit } from '../engine/suppressions';
import type { Finding, Range, TextEdit } from '../core/types';

export interface ActionDescription {
  title: string;
  kind: 'quickfix' | 'source.fixAll.kubewise';
  isPreferred?: boolean;
  edits?: TextEdit[];
  command?: { title: string; command: string; arguments: unknown[] };
  /** The finding the action answers; the glue links it to the diagnostic. */
  finding?: Finding;
}

export const SHOW_DOCS_COMMAND = 'kubewise.showRuleDocs';

/** Rules whose findings cannot be silenced by a comment (they are about the comments). */
const NOT_SUPPRESSIBLE = new Set(['unused-disable-directive', 'yaml-syntax', 'file-not-checked', 'unreadable-file']);

export function quickFixes(text: string, findings: readonly Finding[]): ActionDescription[] {
  const actions: ActionDescription[] = [];
  for (const finding of findings) {
    finding.fixes.forEach((fix, index) => {
      actions.push({ title: fix.title, kind: 'quickfix', isPreferred: index === 0, edits: fix.edits, finding });
    });
  }
  const disabled = new Set<string>();
  for (const finding of findings) {
    const key = `${finding.ruleId}:${finding.range.start.line}`;
    if (NOT_SUPPRESSIBLE.has(finding.ruleId) || disabled.has(key)) continue;
    disabled.add(key);
    actions.push({
      title: `Disable ${finding.ruleId} for this line`,
      kind: 'quickfix',
      edits: [disableForLineEdit(text, finding.range.start.line, finding.ruleId)],
      finding,
    });
  }
  const documented = new Set<string>();
  for (const finding of findings) {
    if (documented.has(finding.ruleId)) continue;
    documented.add(finding.ruleId);
    actions.push({
      title: `Show documentation for ${finding.ruleId}`,
      kind: 'quickfix',
      command: { title: 'Show documentation', command: SHOW_DOCS_COMMAND, arguments: [finding.ruleId] },
      finding,
    });
  }
  return actions;
}

/**
 * Every finding's preferred fix, skipping any edit that overlaps one already taken
 * (the next run fixes what is left). A preferred fix that changes the manifest's
 * meaning (`fixAll: false`) is left for the author to choose in the light bulb.
 */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  const edits = findings
    .flatMap((finding) => {
      const preferred = finding.fixes[0];
      return preferred && preferred.fixAll !== false ? preferred.edits : [];
    })
    .sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
  const taken: TextEdit[] = [];
  let lastEnd: Range['end'] | undefined;
  for (const edit of edits) {
    if (lastEnd && compare(edit.range.start, lastEnd) < 0) continue;
    taken.push(edit);
    lastEnd = edit.range.end;
  }
  return taken;
}

function compare(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}
