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
  const chunks: SourceChunk[] = [];
  let chunkStart = 0;
  let chunkStartLine = 0;
  let chunkHasContent = false;
  let lineStart = 0;
  let line = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
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
    if (newline === -1) break;
    lineStart = newline + 1;
    line++;
  }
  chunks.push({ text: text.slice(chunkStart), startOffset: chunkStart, startLine: chunkStartLine });
  return chunks;
}
