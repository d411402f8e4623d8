/**
 * Applies LSP-style text edits to a string, the way an editor would, so tests can
 * compare a fix's result with the expected text. Positions follow LSP: 0-based lines
 * split at `\r\n`, `\r` or `\n`, UTF-16 columns, and positions past a line's end or
 * past the document's end clamp to it (vscode-languageserver-textdocument does the
 * same, and the engine's "remove the whole line" edits rely on it on the last line).
 */
import type { Position, TextEdit } from '../../server/src/service/types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = computeLineStarts(text);
  const resolved = edits.map((edit, index) => {
    const start = offsetAt(text, lineStarts, edit.range.start);
    const end = offsetAt(text, lineStarts, edit.range.end);
    if (end < start) throw new Error(`Edit ${index} ends before it starts: ${JSON.stringify(edit.range)}`);
    return { start, end, newText: edit.newText, index };
  });
  // Sort by position, keeping the given order for insertions at the same offset.
  resolved.sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  for (let i = 1; i < resolved.length; i++) {
    const previous = resolved[i - 1];
    const current = resolved[i];
    // Overlapping edits have no well-defined result; an editor rejects them too.
    if (previous && current && current.start < previous.end) {
      throw new Error(`Edits ${previous.index} and ${current.index} overlap`);
    }
  }
  let result = '';
  let at = 0;
  for (const edit of resolved) {
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\r' && text[i + 1] === '\n') i++;
    if (ch === '\r' || ch === '\n') starts.push(i + 1);
  }
  return starts;
}

function offsetAt(text: string, lineStarts: readonly number[], position: Position): number {
  if (position.line < 0 || position.character < 0) throw new Error(`Negative position ${JSON.stringify(position)}`);
  const lineStart = lineStarts[position.line];
  if (lineStart === undefined) return text.length;
  const nextLineStart = lineStarts[position.line + 1] ?? text.length;
  // A column never reaches into the line break itself.
  let lineEnd = nextLineStart;
  if (lineEnd > lineStart && text[lineEnd - 1] === '\n') lineEnd--;
  if (lineEnd > lineStart && text[lineEnd - 1] === '\r') lineEnd--;
  return Math.min(lineStart + position.character, lineEnd);
}
