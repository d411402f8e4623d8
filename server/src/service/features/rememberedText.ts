/**
 * The documents and the parses that hovers, completion and code actions share. One hover asks
 * several explainers (quantity, image, label, monitor, field) and each needs the same document;
 * the requests that follow it (code actions, completion, the next hover) need it again. Without
 * these, a 3,000-line CRD was parsed five times per hover (seconds). A request finds its document
 * from its line, never by splitting the whole file: the first hover after a 5,000-document file
 * is opened or edited cost a split of it (15 to 25 ms).
 *
 * Keys are texts: an edit makes a new text, so nothing here can go stale. What is kept is bounded
 * by size as well as by count, so a few huge documents cannot pin hundreds of megabytes. A parsed
 * document is only read, never changed, by the features.
 */
import { parseChunk } from '../document/parseChunk';
import type { ParsedChunk } from '../document/parseChunk';
import { chunkAtLine } from '../document/chunkAtLine';
import type { ChunkLines } from '../document/chunkAtLine';
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

/**
 * The documents found in the latest texts, by text: a hover asks each of its explainers in turn,
 * and the code actions and completion after it ask about the same document again.
 */
const found = new TextMemo<ChunkLines[]>(2, 8 * 1024 * 1024);
/** Single documents: a handful of ordinary ones, or one or two huge CRDs. */
const parses = new TextMemo<ParsedChunk>(16, 2 * 1024 * 1024);
/** Documents remembered per text: a request about one line needs one, code actions a few. */
const FOUND_PER_TEXT = 8;

/**
 * The document of the file that holds `line` (0-based), as the check splits the file; a JSON file
 * is one document. Found from the line outward, not by splitting the whole file (document/chunkAtLine.ts).
 */
export function chunkAt(text: string, languageId: 'yaml' | 'json', line: number): SourceChunk | undefined {
  if (languageId === 'json') return line >= 0 ? { text, startOffset: 0, startLine: 0 } : undefined;
  const known = found.get(text, () => []);
  const hit = known.find((chunk) => chunk.startLine <= line && line < chunk.startLine + chunk.lineCount);
  if (hit) return hit;
  const chunk = chunkAtLine(text, line);
  if (!chunk) return undefined;
  known.push(chunk);
  if (known.length > FOUND_PER_TEXT) known.shift();
  return chunk;
}

/** `parseChunk` of one document, remembered by its text. */
export function parsedChunk(text: string): ParsedChunk {
  return parses.get(text, () => parseChunk(text));
}
