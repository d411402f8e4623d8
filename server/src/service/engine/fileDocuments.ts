/**
 * A file's documents, split and linted with the file's cache: after an edit only the
 * documents it touched are split and linted again (document/resplitDocuments.ts), and the
 * others keep their results, and, where they stayed on their lines, their located facts
 * and shifted findings, so an edit costs what it touched, not the file.
 */
import { splitYamlDocuments } from '../document/splitDocuments';
import type { SourceChunk } from '../document/splitDocuments';
import { resplitYamlDocuments } from '../document/resplitDocuments';
import { locatorOf, shiftFinding } from '../core/ranges';
import type { Finding } from '../core/types';
import type { DocumentFacts } from '../facts/factKind';
import { fingerprintOfFacts } from '../facts/factFingerprint';
import { DEFAULT_RULE_OPTIONS } from '../config/ruleOptions';
import type { RuleOptions } from '../config/ruleOptions';
import { ChunkCache } from './chunkCache';
import type { LastSplit } from './chunkCache';
import { lintChunk } from './lintChunk';
import type { ChunkResult, ChunkSource } from './lintChunk';
import { mayHoldDirectives } from './suppressions';

/** What linting a file's documents depends on besides their text. */
export interface LintOptions {
  filePath?: string;
  ruleOptions?: RuleOptions;
  cache?: ChunkCache;
}

/**
 * Each document's facts with the locator of its place in the file. A fresh map per
 * document: two documents with the same text share one cached result but not a place.
 */
export function locatedFacts(chunks: readonly SourceChunk[], results: readonly ChunkResult[], placed: Placed): DocumentFacts[] {
  return results.map((result, index) => placed.facts(index, () => locatedFactsOf(chunks, result, index)));
}

function locatedFactsOf(chunks: readonly SourceChunk[], result: ChunkResult, index: number): DocumentFacts {
  if (result.facts.size === 0) return result.facts;
  const locate = locatorOf(result.lines, chunks[index]?.startLine ?? 0);
  // The fingerprint of the cached facts goes along: the workspace model compares files by it.
  return Object.assign(new Map(result.facts), { locate, fingerprint: fingerprintOfFacts(result.facts) });
}

/**
 * What each document of a check made at its place in the file (located facts, shifted
 * findings), taken from the last check for a document the edit left where it was: an
 * edit in a stream of thousands of documents then makes these for the documents it moved.
 */
export class Placed {
  readonly located: DocumentFacts[] = [];
  readonly shifted: (readonly Finding[])[] = [];

  constructor(
    private readonly before: LastSplit | undefined,
    /** For each document, its index in the last check when it is the same text on the same line, else -1. */
    private readonly samePlace: readonly number[],
  ) {}

  facts(index: number, make: () => DocumentFacts): DocumentFacts {
    const value = this.kept(this.before?.located, index) ?? make();
    this.located[index] = value;
    return value;
  }

  findings(index: number, make: () => readonly Finding[]): readonly Finding[] {
    const value = this.kept(this.before?.shifted, index) ?? make();
    this.shifted[index] = value;
    return value;
  }

  private kept<T>(values: readonly T[] | undefined, index: number): T | undefined {
    const same = this.samePlace[index] ?? -1;
    return same >= 0 ? values?.[same] : undefined;
  }
}

/** A document's findings at its place in the file (kept by `Placed` while it stays there). */
export function shiftedFindings(result: ChunkResult, startLine: number): readonly Finding[] {
  return result.findings.map((finding) => shiftFinding(finding, startLine));
}

/** Splits and lints a file, re-using (and then trimming) the file's cache. */
export function lintChunks(
  text: string,
  languageId: 'yaml' | 'json',
  options: LintOptions,
): { chunks: SourceChunk[]; results: ChunkResult[]; mayHaveDirectives: boolean; placed: Placed } {
  const cache = options.cache ?? new ChunkCache();
  const ruleOptions = options.ruleOptions ?? DEFAULT_RULE_OPTIONS;
  // Results depend on the file's name too (`.conf` or `.conflist`).
  cache.useOptions(`${ruleOptions.key}\u0000${options.filePath ?? ''}\u0000${languageId}`);
  const last = cache.lastSplit;
  const source: ChunkSource = { filePath: options.filePath, languageId };
  const lint = (chunk: SourceChunk): ChunkResult => cache.get(chunk.text) ?? lintChunk(chunk.text, ruleOptions, source);
  if (languageId === 'yaml' && last) {
    const { chunks, sameAs } = resplitYamlDocuments(last.text, last.chunks, text);
    // A document the edit did not touch is the last check's, text and all: no lookup by its text.
    const kept = new Set<number>();
    const added: { text: string; result: ChunkResult }[] = [];
    // By text, for documents split again that are alike (a paste of the whole file splits every one again).
    const addedByText = new Map<string, ChunkResult>();
    const results = chunks.map((chunk, index) => {
      const same = sameAs[index] ?? -1;
      const result = same >= 0 ? last.results[same] : undefined;
      if (result) {
        cache.hits++;
        kept.add(same);
        return result;
      }
      const fresh = addedByText.get(chunk.text) ?? lint(chunk);
      addedByText.set(chunk.text, fresh);
      added.push({ text: chunk.text, result: fresh });
      return fresh;
    });
    const gone = last.chunks.flatMap((chunk, index) => (kept.has(index) ? [] : [chunk.text]));
    cache.update(gone, added);
    // Without a directive before the edit, only the documents split again can hold one.
    const mayHaveDirectives = last.directives
      ? mayHoldDirectives(text)
      : added.some((document) => mayHoldDirectives(document.text));
    const samePlace = sameAs.map((same, index) =>
      same >= 0 && last.chunks[same]?.startLine === chunks[index]?.startLine ? same : -1,
    );
    const placed = new Placed(last, samePlace);
    cache.lastSplit = { text, chunks, results, directives: mayHaveDirectives, located: placed.located, shifted: placed.shifted };
    return { chunks, results, mayHaveDirectives, placed };
  }
  const chunks: SourceChunk[] = languageId === 'json' ? [{ text, startOffset: 0, startLine: 0 }] : splitYamlDocuments(text);
  const byText = new Map<string, ChunkResult>();
  const results = chunks.map((chunk) => {
    const result = byText.get(chunk.text) ?? lint(chunk);
    byText.set(chunk.text, result);
    return result;
  });
  cache.replace(chunks.map((chunk, index) => ({ text: chunk.text, result: results[index] as ChunkResult })));
  const mayHaveDirectives = mayHoldDirectives(text);
  const placed = new Placed(undefined, []);
  cache.lastSplit =
    languageId === 'json'
      ? undefined
      : { text, chunks, results, directives: mayHaveDirectives, located: placed.located, shifted: placed.shifted };
  return { chunks, results, mayHaveDirectives, placed };
}
