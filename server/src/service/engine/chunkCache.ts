/**
 * Per-file cache of document results keyed by each document's text. After every
 * check it keeps only the documents the file still has, so memory follows the file.
 */
import type { SourceChunk } from '../document/splitDocuments';
import type { ChunkResult } from './lintChunk';
import { WorkspaceStageMemo } from './workspaceStage';

export class ChunkCache {
  private entries = new Map<string, ChunkResult>();
  private optionsKey: string | undefined;
  /** The rules across files' last run on this file, so that an edit re-judges only what changed. */
  readonly workspace = new WorkspaceStageMemo();
  /** The last check's text and its documents, so that an edit splits again only what it touched. */
  lastSplit: { text: string; chunks: readonly SourceChunk[]; results: readonly ChunkResult[]; directives: boolean } | undefined;
  hits = 0;
  misses = 0;

  get(text: string): ChunkResult | undefined {
    const result = this.entries.get(text);
    if (result) this.hits++;
    else this.misses++;
    return result;
  }

  /** Results depend on the rule options: a change of options empties the cache. */
  useOptions(key: string): void {
    if (key !== this.optionsKey) {
      this.entries.clear();
      this.lastSplit = undefined;
    }
    this.optionsKey = key;
  }

  /** Replaces the cache with exactly the documents of the latest check. */
  replace(results: ReadonlyMap<string, ChunkResult>): void {
    this.entries = new Map(results);
  }

  get size(): number {
    return this.entries.size;
  }
}
