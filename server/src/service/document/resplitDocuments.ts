/**
 * The documents of an edited text, from the documents of the text before the edit: only
 * the documents the edit touches are split again, the others are the same chunks (same
 * text strings) at moved offsets and lines. An editor types one character into a stream
 * of thousands of documents; splitting and slicing all of them again, and hashing each
 * slice to find it in a cache, cost more than checking the one document that changed.
 *
 * Exact, not a heuristic: the result always equals `splitYamlDocuments(newText)` (a
 * property test compares them on random edits). A document boundary is a `---` line at
 * column 0, and whether a line is one depends on that line alone, so a boundary whose
 * line and preceding newline lie in the unchanged tail stays a boundary.
 */
import { splitYamlDocuments, splitYamlRange } from './splitDocuments';
import type { SourceChunk } from './splitDocuments';

export interface Resplit {
  chunks: SourceChunk[];
  /** For each new chunk, the index of the old chunk with the very same text, or -1 when it was split again. */
  sameAs: number[];
}

export function resplitYamlDocuments(oldText: string, oldChunks: readonly SourceChunk[], newText: string): Resplit {
  const prefix = commonPrefixLength(oldText, newText);
  if (prefix === oldText.length && prefix === newText.length) {
    return { chunks: [...oldChunks], sameAs: oldChunks.map((_, index) => index) };
  }
  const suffix = commonSuffixLength(oldText, newText, Math.min(oldText.length, newText.length) - prefix);
  const oldEnd = oldText.length - suffix;
  const newEnd = newText.length - suffix;
  const delta = newText.length - oldText.length;

  // First document split again: the one the edit starts in, or an earlier one while the
  // edit touches the `---` line that starts it (that line may stop being a boundary).
  let first = lastChunkStartingAtOrBefore(oldChunks, Math.max(0, prefix - 1));
  while (first > 0 && lineEnd(oldText, (oldChunks[first] as SourceChunk).startOffset) >= prefix) first--;
  // First document kept: it starts after the edit's end, with its newline before it unchanged.
  let kept = first + 1;
  while (kept < oldChunks.length && (oldChunks[kept] as SourceChunk).startOffset <= oldEnd) kept++;

  const start = oldChunks[first] as SourceChunk;
  const regionEnd = kept < oldChunks.length ? (oldChunks[kept] as SourceChunk).startOffset + delta : newText.length;
  const region = splitYamlRange(newText, start.startOffset, regionEnd, start.startLine);
  // A region of nothing but comments before the first document joins that document: split it all.
  if (!region.hasContent && kept < oldChunks.length) return fresh(newText);

  const lineDelta = countNewlines(newText, prefix, newEnd) - countNewlines(oldText, prefix, oldEnd);
  const chunks: SourceChunk[] = oldChunks.slice(0, first);
  const sameAs = chunks.map((_, index) => index);
  for (const chunk of region.chunks) {
    chunks.push({ ...chunk, text: detached(chunk.text) });
    sameAs.push(-1);
  }
  for (let index = kept; index < oldChunks.length; index++) {
    const old = oldChunks[index] as SourceChunk;
    chunks.push({ text: old.text, startOffset: old.startOffset + delta, startLine: old.startLine + lineDelta });
    sameAs.push(index);
  }
  return { chunks, sameAs };
}

function fresh(text: string): Resplit {
  const chunks = splitYamlDocuments(text);
  return { chunks, sameAs: chunks.map(() => -1) };
}

/**
 * A copy that does not keep the whole text alive: V8's slices point into their parent
 * string, and kept chunks would otherwise pin one version of a large file per edit.
 */
function detached(text: string): string {
  return text.length > 12 ? (JSON.parse(JSON.stringify(text)) as string) : text;
}

function lastChunkStartingAtOrBefore(chunks: readonly SourceChunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((chunks[middle] as SourceChunk).startOffset <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Blocks compared as strings (native comparison), growing while they match, then halved to the first difference. */
export function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let matched = 0;
  let block = 1024;
  while (matched < max) {
    const end = Math.min(max, matched + block);
    if (a.slice(matched, end) !== b.slice(matched, end)) return matched + prefixWithin(a, b, matched, end);
    matched = end;
    block *= 2;
  }
  return matched;
}

function prefixWithin(a: string, b: string, from: number, to: number): number {
  let low = from;
  let high = to;
  while (high - low > 32) {
    const middle = (low + high) >> 1;
    if (a.slice(low, middle) === b.slice(low, middle)) low = middle;
    else high = middle;
  }
  while (low < high && a.charCodeAt(low) === b.charCodeAt(low)) low++;
  return low - from;
}

/** The length of the common tail, at most `max` (so that it never overlaps the common head). */
export function commonSuffixLength(a: string, b: string, max: number): number {
  let matched = 0;
  let block = 1024;
  while (matched < max) {
    const length = Math.min(max, matched + block);
    if (a.slice(a.length - length, a.length - matched) !== b.slice(b.length - length, b.length - matched)) {
      let low = matched;
      let high = length;
      while (high - low > 32) {
        const middle = (low + high) >> 1;
        if (a.slice(a.length - middle, a.length - low) === b.slice(b.length - middle, b.length - low)) low = middle;
        else high = middle;
      }
      while (low < high && a.charCodeAt(a.length - 1 - low) === b.charCodeAt(b.length - 1 - low)) low++;
      return low;
    }
    matched = length;
    block *= 2;
  }
  return matched;
}
