/**
 * Offsets to positions, and positions moved by whole lines: written once, here, for
 * per-document rules, cross-file rules, engine diagnostics and configuration alike.
 */
import type { LineCounter } from 'yaml';
import type { Finding, Range } from './types';

/** Turns offsets of one document into a range in that document (0-based lines, UTF-16 columns). */
export type Locate = (start: number, end: number) => Range;

export function locatorOf(lineCounter: LineCounter, lineOffset = 0): Locate {
  return (start, end) => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(end);
    return {
      start: { line: from.line - 1 + lineOffset, character: from.col - 1 },
      end: { line: to.line - 1 + lineOffset, character: to.col - 1 },
    };
  };
}

export function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

/** A document's finding, moved to where the document starts in its file (fix edits too). */
export function shiftFinding(finding: Finding, lines: number): Finding {
  if (lines === 0) return finding;
  return {
    ...finding,
    range: shiftRange(finding.range, lines),
    fixes: finding.fixes.map((fix) => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ range: shiftRange(edit.range, lines), newText: edit.newText })),
    })),
  };
}

export const TOP_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
