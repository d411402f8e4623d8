/**
 * The split and the parses that hovers, completion and code actions share. One hover asks
 * several explainers (quantity, image, label, monitor, field) and each needs the same document;
 * the requests that follow it (code actions, completion, the next hover) need it again. Without
 * these, a 3,000-line CRD was split and parsed five times per hover (seconds), and a 5,000-document
 * file was split on every request.
 *
 * Keys are texts: an edit makes a new text, so nothing here can go stale. What is kept is bounded
 * by size as well as by count, so a few huge documents cannot pin hundreds of megabytes. A parsed
 * document is only read, never changed, by the features.
 */
import { parseChunk } from '../document/parseChunk';
import type { ParsedChunk } from '../document/parseChunk';
import { splitYamlDocuments } from '../document/splitDocuments';
import type { SourceChunk } from '../document/splitDocuments';

/** A bounded memo: the most recently used entries, at most `maxEntries` and about `maxChars` of keys. */
export class TextMemo<T> {
  private readonly entries = new Map<string, T>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  get(key: string, make: () => T): T {
    const known = this.entries.get(key);
    if (known !== undefined) {
      // Most recently used last, so eviction takes the oldest.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const made = make();
    this.entries.set(key, made);
    this.chars += key.length;
    // The newest entry always stays, however large: the request after this one wants it.
    while (this.entries.size > 1 && (this.entries.size > this.maxEntries || this.chars > this.maxChars)) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
    return made;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Whole files: the latest two (an edited file and the one beside it). */
const splits = new TextMemo<SourceChunk[]>(2, 8 * 1024 * 1024);
/** Single documents: a handful of ordinary ones, or one or two huge CRDs. */
const parses = new TextMemo<ParsedChunk>(16, 2 * 1024 * 1024);

/** The file's documents, as the check splits them; a JSON file is one document. */
export function chunksOf(text: string, languageId: 'yaml' | 'json'): readonly SourceChunk[] {
  if (languageId === 'json') return [{ text, startOffset: 0, startLine: 0 }];
  return splits.get(text, () => splitYamlDocuments(text));
}

/** The document that holds `line` (0-based), found by halving: a 5,000-document file is searched in 13 steps. */
export function chunkAtLine(chunks: readonly SourceChunk[], line: number): SourceChunk | undefined {
  let low = 0;
  let high = chunks.length - 1;
  if (high < 0 || (chunks[0] as SourceChunk).startLine > line) return undefined;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((chunks[mid] as SourceChunk).startLine <= line) low = mid;
    else high = mid - 1;
  }
  return chunks[low];
}

/** `parseChunk` of one document, remembered by its text. */
export function parsedChunk(text: string): ParsedChunk {
  return parses.get(text, () => parseChunk(text));
}
