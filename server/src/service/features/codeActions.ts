/**
 * Code actions for findings, independent of the LSP library: the rule's fix
 * (preferred), "Disable <rule> for this line", "Show documentation", and fix-all.
 */
import { isScalar, parseAllDocuments, visit } from 'yaml';
import { disableForLineEdit } from '../engine/suppressions';
import type { Finding, Range, TextEdit } from '../core/types';

export interface ActionDescription {
  title: string;
  kind: 'quickfix' | 'source.fixAll.kubewise';
  isPreferred?: boolean;
  edits?: TextEdit[];
  /** After the edits, rename the file to this base name in its folder (a `.conf` rewritten as a `.conflist`). */
  renameTo?: string;
  command?: { title: string; command: string; arguments: unknown[] };
  /** The finding the action answers; the glue links it to the diagnostic. */
  finding?: Finding;
}

export const SHOW_DOCS_COMMAND = 'kubewise.showRuleDocs';

/** Rules whose findings cannot be silenced by a comment (they are about the comments). */
const MAX_PARSE_FOR_STRINGS = 512 * 1024;

const NOT_SUPPRESSIBLE = new Set(['unused-disable-directive', 'yaml-syntax', 'file-not-checked', 'unreadable-file']);

export interface QuickFixOptions {
  /** JSON has no comments: a `# kubewise-disable…` line would break the file. */
  languageId?: 'yaml' | 'json';
  /** The host can rename files; fixes that rename are offered only then. */
  canRename?: boolean;
}

export function quickFixes(text: string, findings: readonly Finding[], options: QuickFixOptions = {}): ActionDescription[] {
  const actions: ActionDescription[] = [];
  for (const finding of findings) {
    finding.fixes.forEach((fix, index) => {
      if (fix.renameTo !== undefined && options.canRename === false) return;
      const action: ActionDescription = {
        title: fix.title,
        kind: 'quickfix',
        isPreferred: index === 0,
        edits: fix.edits,
        finding,
      };
      if (fix.renameTo !== undefined) action.renameTo = fix.renameTo;
      actions.push(action);
    });
  }
  const disabled = new Set<string>();
  // A comment line inside a string (a CNI config in a ConfigMap's block scalar) would become part of it.
  const inStrings = options.languageId === 'json' ? undefined : linesInsideStrings(text, findings);
  for (const finding of findings) {
    const key = `${finding.ruleId}:${finding.range.start.line}`;
    if (NOT_SUPPRESSIBLE.has(finding.ruleId) || disabled.has(key)) continue;
    if (options.languageId === 'json' || inStrings?.has(finding.range.start.line)) continue;
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

/**
 * The lines (0-based) that continue a multi-line string, where a comment line cannot go.
 * A parse of the file, which is cheap at the sizes this runs on (past the limit, no line
 * is excluded: the directive is offered, as before).
 */
function linesInsideStrings(text: string, findings: readonly Finding[]): Set<number> {
  const lines = new Set<number>();
  if (findings.length === 0 || text.length > MAX_PARSE_FOR_STRINGS) return lines;
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
    if (!('contents' in doc)) continue;
    visit(doc, {
      Scalar(_key, node) {
        if (!isScalar(node) || !node.range) return;
        const first = lineOf(node.range[0]);
        const last = lineOf(Math.max(node.range[0], node.range[1] - 1));
        for (let line = first + 1; line <= last; line++) lines.add(line);
      },
    });
  }
  return lines;
}
