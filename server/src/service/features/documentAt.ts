/**
 * The parsed document under a position, for hovers that explain a value. Hovers parse
 * just that one document (a few hundred microseconds); files past the size limit get none:
 * the check skips them too, and the user's limit is what says how big is too big.
 */
import type { ParsedChunk } from '../document/parseChunk';
import { byteLength } from '../document/textGuards';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../engine/checkFile';
import { cutAtLimit } from '../engine/sizeLimit';
import type { Position, Range } from '../core/types';
import { chunkAt, parsedChunk } from './rememberedText';

export interface DocumentAt {
  /** The document's text (one chunk of the file). */
  text: string;
  parsed: ParsedChunk & { doc: NonNullable<ParsedChunk['doc']> };
  /** The position as an offset into the document. */
  offset: number;
  /** A [start, end) offset pair of the document as a range in the file. */
  toRange(start: number, end: number): Range;
}

/** What a hover needs from the document's settings. */
export interface HoverLimits {
  /** The check's size limit for this document; the default when absent. */
  maxFileSizeBytes?: number;
}

export function documentAt(
  text: string,
  languageId: 'yaml' | 'json',
  position: Position,
  limits: HoverLimits = {},
  /**
   * Also a document the YAML parser stumbled on (not an alias bomb): completion in a
   * half-typed CNI config, which is not valid JSON until it is finished.
   */
  whileTyping = false,
): DocumentAt | undefined {
  const limit = limits.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES;
  // The check's own test (engine/checkFile.ts): cheap bound first, then the exact size. Of a
  // stream over the limit, the documents the check reaches answer; the rest, as unchecked, do not.
  if (text.length * 3 > limit && sizeOf(text) > limit && !(languageId === 'yaml' && beforeCut(text, limit, position.line))) {
    return undefined;
  }
  const chunk = chunkAt(text, languageId, position.line);
  if (!chunk) return undefined;
  const parsed = parsedChunk(chunk.text);
  const doc = parsed.doc;
  if (!doc) return undefined;
  if (parsed.unusable && (!whileTyping || parsed.problems.some((problem) => problem.kind === 'alias-bomb'))) return undefined;
  // Node offsets are in the text the document was parsed from (parseChunk.ts).
  const offset = offsetAt(parsed.source, position.line - chunk.startLine, position.character);
  if (offset === undefined) return undefined;
  const toRange = (start: number, end: number): Range => {
    const from = parsed.lineCounter.linePos(start);
    const to = parsed.lineCounter.linePos(end);
    return {
      start: { line: chunk.startLine + from.line - 1, character: from.col - 1 },
      end: { line: chunk.startLine + to.line - 1, character: to.col - 1 },
    };
  };
  return { text: chunk.text, parsed: { ...parsed, doc }, offset, toRange };
}

/** The offset of a line and UTF-16 column in `text`, or undefined past its end. */
function offsetAt(text: string, line: number, character: number): number | undefined {
  let offset = 0;
  for (let current = 0; current < line; current++) {
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return undefined;
    offset = newline + 1;
  }
  return offset + character;
}

let lastSized: { text: string; bytes: number } | undefined;

/**
 * The text's size in UTF-8, remembered for the latest text: one hover asks each of its explainers
 * in turn, and measuring a 3 MB file took about a millisecond each time.
 */
function sizeOf(text: string): number {
  if (lastSized?.text !== text) lastSized = { text, bytes: byteLength(text) };
  return lastSized.bytes;
}

let lastCut: { text: string; limit: number; line: number | undefined } | undefined;

/** Whether the line is in the part of an over-limit stream that the check reaches (remembered per text). */
function beforeCut(text: string, limit: number, line: number): boolean {
  if (lastCut?.text !== text || lastCut.limit !== limit) lastCut = { text, limit, line: cutAtLimit(text, limit)?.line };
  return lastCut.line !== undefined && line < lastCut.line;
}
