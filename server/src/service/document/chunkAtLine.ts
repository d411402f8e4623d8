/**
 * The one document of a YAML stream that holds a line, found from that line outward: the
 * chunk `splitYamlDocuments` would give for it, without splitting the whole stream. A hover or
 * completion asks about one document; splitting a 5,000-document file for it took 15 to 25 ms
 * (and each new text asked again), reading back to the nearest `---` takes well under one.
 *
 * The split's rule, restated for one line: every `---` marker line starts a document, except
 * the file's first marker when only preamble (blank lines, comments, directives) comes before
 * it (that marker opens the first document). Both read lines with the same patterns.
 */
import { DOCUMENT_START, PREAMBLE_LINE } from './splitDocuments';
import type { SourceChunk } from './splitDocuments';

export interface ChunkLines extends SourceChunk {
  /** The number of lines the chunk spans (its last line may be empty, after a final newline). */
  lineCount: number;
}

/** The chunk of `text` that holds `line` (0-based), or undefined past the last line. */
export function chunkAtLine(text: string, line: number): ChunkLines | undefined {
  if (line < 0) return undefined;
  let lineStart = 0;
  for (let current = 0; current < line; current++) {
    const newline = text.indexOf('\n', lineStart);
    if (newline === -1) return undefined;
    lineStart = newline + 1;
  }
  const opening = openingMarker(text);
  const start = markerAtOrBefore(text, lineStart);
  const chunkStart = start === -1 || start === opening ? 0 : start;
  let end = markerAfter(text, lineStart);
  if (end !== -1 && end === opening) end = markerAfter(text, end);
  const chunkEnd = end === -1 ? text.length : end;
  const linesBefore = countNewlines(text, chunkStart, lineStart);
  return {
    text: text.slice(chunkStart, chunkEnd),
    startOffset: chunkStart,
    startLine: line - linesBefore,
    lineCount: linesBefore + countNewlines(text, lineStart, chunkEnd) + (chunkEnd === text.length ? 1 : 0),
  };
}

/** The offset of the file's first marker line when it opens the first document (preamble only before it), else -1. */
function openingMarker(text: string): number {
  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const lineText = text.slice(lineStart, newline === -1 ? text.length : newline);
    if (DOCUMENT_START.test(lineText)) return lineStart;
    if (!PREAMBLE_LINE.test(lineText) || newline === -1) return -1;
    lineStart = newline + 1;
  }
}

/** Whether the line starting at `lineStart` is a document marker. */
function isMarker(text: string, lineStart: number): boolean {
  if (!text.startsWith('---', lineStart)) return false;
  const newline = text.indexOf('\n', lineStart);
  return DOCUMENT_START.test(text.slice(lineStart, newline === -1 ? text.length : newline));
}

/** The start of the nearest marker line at or before the line starting at `lineStart`, or -1. */
function markerAtOrBefore(text: string, lineStart: number): number {
  if (isMarker(text, lineStart)) return lineStart;
  let from = lineStart - 1;
  while (from > 0) {
    const found = text.lastIndexOf('\n---', from - 1);
    if (found === -1) break;
    if (isMarker(text, found + 1)) return found + 1;
    from = found;
  }
  return isMarker(text, 0) ? 0 : -1;
}

/** The start of the first marker line after the line starting at `lineStart`, or -1. */
function markerAfter(text: string, lineStart: number): number {
  let from = lineStart;
  for (;;) {
    const found = text.indexOf('\n---', from);
    if (found === -1) return -1;
    if (isMarker(text, found + 1)) return found + 1;
    from = found + 1;
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
