/**
 * Splits a multi-document YAML stream into one chunk per document, so each can be
 * parsed, checked and cached on its own: an edit to one document then re-parses and
 * re-checks that document only.
 *
 * Splitting on a `---` marker at column 0 is exact, not a heuristic: YAML forbids a
 * document marker at the start of a line inside any scalar or collection, so such a
 * line always starts a new document.
 */

export interface SourceChunk {
  text: string;
  /** Offset of the chunk's first character in the whole file. */
  startOffset: number;
  /** 0-based line of the chunk's first character; chunks always start at column 0. */
  startLine: number;
}

export const DOCUMENT_START = /^---(?:[ \t\r]|$)/;
/** Lines that may come before a document's `---` without being content of their own. */
export const PREAMBLE_LINE = /^(?:\s*(?:#.*)?|%.*)$/;

export function splitYamlDocuments(text: string): SourceChunk[] {
  return splitYamlRange(text, 0, text.length, 0).chunks;
}

/**
 * The documents of `text` from offset `from` (a line start, with 0-based line `fromLine`)
 * to `to` (a line start or the end), and whether the last one has content: a range of
 * comments alone would join the document after it. Offsets and lines are the text's.
 */
export function splitYamlRange(
  text: string,
  from: number,
  to: number,
  fromLine: number,
): { chunks: SourceChunk[]; hasContent: boolean } {
  const chunks: SourceChunk[] = [];
  let chunkStart = from;
  let chunkStartLine = fromLine;
  let chunkHasContent = false;
  let lineStart = from;
  let line = fromLine;
  while (lineStart < to || (lineStart === to && to === text.length)) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline >= to ? Math.min(to, newline === -1 ? text.length : newline) : newline;
    const lineText = text.slice(lineStart, lineEnd);
    if (DOCUMENT_START.test(lineText)) {
      if (chunkHasContent) {
        chunks.push({ text: text.slice(chunkStart, lineStart), startOffset: chunkStart, startLine: chunkStartLine });
        chunkStart = lineStart;
        chunkStartLine = line;
      }
      // The marker line itself may carry content (`--- foo`); either way the next
      // marker starts another document.
      chunkHasContent = true;
    } else if (!chunkHasContent && !PREAMBLE_LINE.test(lineText)) {
      chunkHasContent = true;
    }
    if (newline === -1 || newline >= to) break;
    lineStart = newline + 1;
    line++;
  }
  chunks.push({ text: text.slice(chunkStart, to), startOffset: chunkStart, startLine: chunkStartLine });
  return { chunks, hasContent: chunkHasContent };
}
