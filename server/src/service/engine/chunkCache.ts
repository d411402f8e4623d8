/**
 * Per-file cache of document results keyed by each document's text. After every
 * check it keeps only the documents the file still has, so memory follows the file.
 */
import type { SourceChunk } from '../document/splitDocuments';
import type { ChunkResult } from './lintChunk';
import type { DocumentFacts } from '../facts/factKind';
import type { Finding } from '../core/types';
import { WorkspaceStageMemo } from './workspaceStage';

export class ChunkCache {
  /** Results by document text, with how many documents of the latest check have that text. */
  private entries = new Map<string, { result: ChunkResult; documents: number }>();
  private optionsKey: string | undefined;
  /** The rules across files' last run on this file, so that an edit re-judges only what changed. */
  readonly workspace = new WorkspaceStageMemo();
  /** The last check's text and its documents, so that an edit splits again only what it touched. */
  lastSplit: LastSplit | undefined;
  hits = 0;
  misses = 0;

  get(text: string): ChunkResult | undefined {
    const result = this.entries.get(text)?.result;
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
  replace(documents: readonly { text: string; result: ChunkResult }[]): void {
    this.entries = new Map();
    for (const { text, result } of documents) this.add(text, result);
  }

  /**
   * After an edit: the documents that left the file go, the new ones come; the cache
   * then holds exactly the latest check's documents, at a cost of the edit, not the file.
   */
  update(gone: readonly string[], added: readonly { text: string; result: ChunkResult }[]): void {
    for (const { text, result } of added) this.add(text, result);
    for (const text of gone) {
      const entry = this.entries.get(text);
      if (entry && --entry.documents === 0) this.entries.delete(text);
    }
  }

  private add(text: string, result: ChunkResult): void {
    const entry = this.entries.get(text);
    if (entry) entry.documents++;
    else this.entries.set(text, { result, documents: 1 });
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface LastSplit {
  text: string;
  chunks: readonly SourceChunk[];
  results: readonly ChunkResult[];
  directives: boolean;
  /** Each document's facts and findings at its place, as the check made them (engine/checkFile.ts). */
  located: readonly DocumentFacts[];
  shifted: readonly (readonly Finding[])[];
}
