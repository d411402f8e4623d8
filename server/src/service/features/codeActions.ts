/**
 * Code actions for findings, independent of the LSP library: the rule's fix
 * (preferred), "Disable <rule> for this line", "Show documentation", and fix-all.
 */
import { isScalar, visit } from 'yaml';
import { disableForLineEdit } from '../engine/suppressions';
import type { Finding, Range, TextEdit } from '../core/types';
import { chunkAt, parsedChunk } from './rememberedText';

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

/** A document larger than this is not parsed to find its strings (the directive is offered everywhere in it). */
const MAX_PARSE_FOR_STRINGS = 512 * 1024;

/**
 * Findings a comment cannot silence: those about the comments or the file as a whole, and the
 * editor's note on the findings it does not show (lsp/diagnosticLimit.ts), made after suppressions apply.
 */
const NOT_SUPPRESSIBLE = new Set([
  'unused-disable-directive',
  'yaml-syntax',
  'file-not-checked',
  'unreadable-file',
  'diagnostics-not-shown',
]);

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
  const lines = findings.length > 0 ? lineReaderOf(text) : undefined;
  for (const finding of findings) {
    const key = `${finding.ruleId}:${finding.range.start.line}`;
    if (NOT_SUPPRESSIBLE.has(finding.ruleId) || disabled.has(key)) continue;
    if (options.languageId === 'json' || inStrings?.has(finding.range.start.line)) continue;
    disabled.add(key);
    actions.push({
      title: `Disable ${finding.ruleId} for this line`,
      kind: 'quickfix',
      edits: [disableForLine(lines as LineReader, finding.range.start.line, finding.ruleId)],
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
 * The lines of a text by number, without splitting all of it (a 3 MB file per finding was most
 * of a request): line starts are found as far as a request reads, and kept for the next request
 * on the same text (finding all of a 5,000-document file's took 3 to 5 ms per request).
 */
class LineReader {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {}

  /** Lines `from` to `to` inclusive, as one text (empty past the end). */
  excerpt(from: number, to: number): string {
    const start = this.startOf(from);
    if (start === undefined) return '';
    const next = this.startOf(to + 1);
    return this.text.slice(start, next === undefined ? undefined : next - 1);
  }

  private startOf(line: number): number | undefined {
    const starts = this.starts;
    while (starts.length <= line) {
      const newline = this.text.indexOf('\n', starts[starts.length - 1] as number);
      if (newline === -1) return undefined;
      starts.push(newline + 1);
    }
    return starts[line];
  }
}

let lastReader: LineReader | undefined;
let lastReaderText: string | undefined;

function lineReaderOf(text: string): LineReader {
  if (lastReaderText !== text || !lastReader) {
    lastReader = new LineReader(text);
    lastReaderText = text;
  }
  return lastReader;
}

/**
 * The suppression's edit, computed on the line and the one above it only: it reads no other,
 * so the edit is the same as on the whole text, moved back to the file's lines.
 */
function disableForLine(lines: LineReader, line: number, ruleId: string): TextEdit {
  const first = Math.max(0, line - 1);
  const edit = disableForLineEdit(lines.excerpt(first, line), line - first, ruleId);
  const shift = (position: Range['start']): Range['start'] => ({ line: position.line + first, character: position.character });
  return { ...edit, range: { start: shift(edit.range.start), end: shift(edit.range.end) } };
}

/**
 * The lines (0-based) that continue a multi-line string, where a comment line cannot go:
 * in the documents that hold a finding, each parsed once and remembered (the hover just before
 * parsed the same document).
 */
function linesInsideStrings(text: string, findings: readonly Finding[]): Set<number> {
  const lines = new Set<number>();
  if (findings.length === 0) return lines;
  const done = new Set<number>();
  for (const finding of findings) {
    const chunk = chunkAt(text, 'yaml', finding.range.start.line);
    if (!chunk || done.has(chunk.startLine) || chunk.text.length > MAX_PARSE_FOR_STRINGS) continue;
    done.add(chunk.startLine);
    const parsed = parsedChunk(chunk.text);
    if (!parsed.doc) continue;
    // Node offsets are in the text the document was parsed from, which has the chunk's lines.
    const lineOf = (offset: number): number => chunk.startLine + parsed.lineCounter.linePos(offset).line - 1;
    visit(parsed.doc, {
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
