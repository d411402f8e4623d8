/**
 * The whole check of one file: guards, per-document parse and rules (cached),
 * Helm detection, configuration and suppressions. It never throws for any input.
 */
import { byteLength, looksBinary } from '../document/textGuards';
import { splitYamlDocuments } from '../document/splitDocuments';
import type { SourceChunk } from '../document/splitDocuments';
import type { RuleMeta } from '../core/ruleMeta';
import type { Finding, SeveritySetting } from '../core/types';
import { createFinding } from '../core/findings';
import { locatorOf, shiftFinding, TOP_OF_FILE } from '../core/ranges';
import { ChunkCache } from './chunkCache';
import { cutAtLimit } from './sizeLimit';
import type { LimitCut } from './sizeLimit';
import { fileNotChecked, unreadableFile } from '../core/engineDiagnostics';
import { lintChunk } from './lintChunk';
import { runWorkspaceStage } from './workspaceStage';
import { keptInKustomization, runKustomizationRules } from './kustomizeRules';
import { renderDocument } from './kustomizeFacts';
import type { KustomizeRole } from '../kustomize/inputs';
import type { DocumentFacts } from '../facts/factKind';
import { fingerprintOfFacts } from '../facts/factFingerprint';
import type { ChunkResult, ChunkSource } from './lintChunk';
import { baseName, extensionOf } from '../document/documentKind';
import { applyDirectives, parseDirectives } from './suppressions';
import { allRuleIds, documentKindsRead } from '../rules/registry';
import { DEFAULT_RULE_OPTIONS } from '../config/ruleOptions';
import type { RuleOptions } from '../config/ruleOptions';

export interface CheckOptions {
  languageId: 'yaml' | 'json';
  /**
   * The file's path as the host knows it (the service reads nothing from it): some
   * documents mean different things by name (`.conf` holds one CNI plugin, `.conflist`
   * a chain), and rules across files compare files of one folder. Undefined for stdin
   * and untitled documents.
   */
  filePath?: string;
  /** Severity per rule id; rules not listed keep their default. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  maxFileSizeBytes?: number;
  /** The host found the file in a Helm chart's templates/ folder. */
  isHelmChartTemplate?: boolean;
  /** Node shape and required resources; defaults when absent. */
  ruleOptions?: RuleOptions;
  /** The file's place in a kustomization tree, as the host found it (kustomize/inputs.ts). */
  kustomize?: KustomizeRole;
  /** Facts of the workspace's other files, for rules across files (ResourceQuota sums). */
  workspace?: readonly DocumentFacts[];
  cache?: ChunkCache;
}

/**
 * 4 MiB: a stream of 5,000 typical documents (3 MB) is checked whole; its first check takes
 * about as long as the `yaml` parser's own pass over it times a few (bench/).
 */
export const DEFAULT_MAX_FILE_SIZE_BYTES = 4 * 1024 * 1024;

export function checkText(text: string, options: CheckOptions): Finding[] {
  return checkTextWithFacts(text, options).findings;
}

/**
 * The check, plus the facts the file contributes to rules across files, from the same
 * parse: an editor host updates its workspace index without splitting the text twice.
 */
export function checkTextWithFacts(text: string, options: CheckOptions): { findings: Finding[]; facts: DocumentFacts[] } {
  if (notOurs(text, options)) return { findings: [], facts: [] };
  const guard = guardFinding(text, options);
  if (guard) {
    const cut = cutOverLimit(text, guard, options);
    if (!cut) return { findings: fileFinding(guard.meta, guard.messageId, guard.data, options.severities), facts: [] };
    // The documents that fit are checked as a file of their own; their positions are the file's.
    const checked = checkTextWithFacts(cut.prefix, options);
    const at = { line: cut.line, character: 0 };
    const documents = languageOf(options) === 'yaml' ? splitYamlDocuments(cut.prefix).length : 1;
    const note = createFinding(fileNotChecked, {
      messageId: 'partlyChecked',
      data: { documents, limit: guard.data.limit ?? '', size: guard.data.size ?? '' },
      range: { start: at, end: { line: cut.line, character: 3 } },
    });
    return { findings: [...checked.findings, ...configure([note], options.severities)], facts: checked.facts };
  }

  const { chunks, results } = lintChunks(text, options);
  const ruleOptions = options.ruleOptions ?? DEFAULT_RULE_OPTIONS;

  const notChecked = templateFinding(results, options);
  if (notChecked) return { findings: notChecked, facts: [] };

  const role = options.kustomize;
  const findings: Finding[] = [];
  for (const [index, chunk] of chunks.entries()) {
    const result = results[index];
    if (!result) continue;
    for (const finding of result.findings) {
      if (keptInKustomization(result, finding, role)) findings.push(shiftFinding(finding, chunk.startLine));
    }
  }
  const located = results.map((result, index) => ({
    result,
    startLine: chunks[index]?.startLine ?? 0,
    text: chunks[index]?.text ?? '',
  }));
  findings.push(...runKustomizationRules(located, role));
  // A patch's objects are fragments of others: counting them would count a Deployment twice.
  if (!role?.partial) {
    const rendered = role?.renderings !== undefined && role.renderings.length > 0;
    // Rendered facts are made afresh for each check: nothing of the last run can be matched to them.
    const memo = rendered ? undefined : options.cache?.workspace;
    const acrossFiles = runWorkspaceStage(renderedResults(located, role), options.workspace ?? [], ruleOptions, memo);
    findings.push(...(rendered ? distinct(acrossFiles) : acrossFiles));
  }
  // Document order, whichever stage found them (a rule across files reports after the per-document ones).
  findings.sort((a, b) => a.range.start.line - b.range.start.line);
  const configured = configure(findings, options.severities);
  const off = new Set(
    Object.entries(options.severities ?? {})
      .filter(([, s]) => s === 'off')
      .map(([id]) => id),
  );
  // Configured again so that the unused-directive findings follow their own setting.
  const suppressed = configure(applyDirectives(configured, parseDirectives(text), allRuleIds, off), options.severities);
  return { findings: suppressed, facts: role?.partial ? [] : locatedFacts(chunks, results) };
}

/** The file's documents once per kustomization tree it is built in, with facts as that tree renders them. */
function renderedResults<T extends { result: ChunkResult }>(located: readonly T[], role: KustomizeRole | undefined): T[] {
  const renderings = role?.renderings ?? [];
  if (renderings.length === 0) return [...located];
  return renderings.flatMap((rendering) =>
    located.map((entry) => ({ ...entry, result: { ...entry.result, facts: renderDocument(entry.result.facts, rendering) } })),
  );
}

/** One finding per rule, place and message: a base built by two overlays is one text. */
function distinct(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = JSON.stringify([finding.ruleId, finding.range, finding.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A Helm chart's template, or a file with template syntax outside its values or a
 * placeholder where it fails to parse: one note at the top instead of a cascade of
 * errors about text that is not YAML yet. Only a chart template is told to run `helm template`.
 */
function templateFinding(results: readonly ChunkResult[], options: CheckOptions): Finding[] | undefined {
  if (options.isHelmChartTemplate) return fileFinding(fileNotChecked, 'helmTemplate', {}, options.severities);
  // A CNI config with `{{ … }}` outside its strings is a template an installer renders.
  if (kindFile(options) && results.some((r) => r.templateMarkers)) {
    return fileFinding(fileNotChecked, 'goTemplate', {}, options.severities);
  }
  if (!results.some((r) => r.mentionsManifest)) return undefined;
  const placeholder = results.find((r) => r.placeholder)?.placeholder;
  const what = results.some((r) => r.templateMarkers)
    ? 'Go template syntax outside its values'
    : placeholder && `the placeholder '${placeholder}'`;
  return what ? fileFinding(fileNotChecked, 'template', { what }, options.severities) : undefined;
}

type FileProblem = { meta: RuleMeta; messageId: string; data: Record<string, string | number> };

/** Where a YAML stream over the size limit can be cut, so that what fits is checked. */
function cutOverLimit(text: string, guard: FileProblem, options: CheckOptions): LimitCut | undefined {
  if (guard.messageId !== 'tooLarge' || languageOf(options) !== 'yaml') return undefined;
  return cutAtLimit(text, options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES);
}

function guardFinding(text: string, options: CheckOptions): FileProblem | undefined {
  if (looksBinary(text)) return { meta: unreadableFile, messageId: 'binary', data: {} };
  const limit = options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES;
  // Cheap upper bound first: UTF-8 never takes more than 3 bytes per UTF-16 unit.
  if (text.length * 3 > limit && byteLength(text) > limit) {
    const size = Math.ceil(byteLength(text) / 1024);
    return { meta: fileNotChecked, messageId: 'tooLarge', data: { size, limit: Math.floor(limit / 1024) } };
  }
  return undefined;
}

/**
 * One finding about the whole file, at its top, with the configured severity (none when
 * the rule is off). Hosts use it for what they find before the service sees any text,
 * such as a file the CLI could not read.
 */
export function fileFinding(
  meta: RuleMeta,
  messageId: string,
  data: Record<string, string | number>,
  severities: CheckOptions['severities'],
): Finding[] {
  return configure([createFinding(meta, { messageId, data, range: TOP_OF_FILE })], severities);
}

function configure(findings: Finding[], severities: CheckOptions['severities']): Finding[] {
  if (!severities) return findings;
  const configured: Finding[] = [];
  for (const finding of findings) {
    const setting = severities[finding.ruleId];
    if (setting === 'off') continue;
    configured.push(setting ? { ...finding, severity: setting } : finding);
  }
  return configured;
}

/**
 * The facts a file contributes to rules across files, for hosts that index a
 * workspace. With the file's cache, a later `checkText` of the same text re-parses nothing.
 */
export function factsOfText(text: string, options: CheckOptions): DocumentFacts[] {
  if (notOurs(text, options) || options.isHelmChartTemplate) return [];
  const guard = guardFinding(text, options);
  if (guard) {
    const cut = cutOverLimit(text, guard, options);
    return cut ? factsOfText(cut.prefix, options) : [];
  }
  if (options.kustomize?.partial) return [];
  const { chunks, results } = lintChunks(text, options);
  // A template's objects are not what gets applied: they count for nothing.
  if (templateFinding(results, options)) return [];
  return locatedFacts(chunks, results);
}

/**
 * Each document's facts with the locator of its place in the file. A fresh map per
 * document: two documents with the same text share one cached result but not a place.
 */
function locatedFacts(chunks: readonly SourceChunk[], results: readonly ChunkResult[]): DocumentFacts[] {
  return results.map((result, index) => {
    if (result.facts.size === 0) return result.facts;
    const locate = locatorOf(result.lines, chunks[index]?.startLine ?? 0);
    // The fingerprint of the cached facts goes along: the workspace model compares files by it.
    return Object.assign(new Map(result.facts), { locate, fingerprint: fingerprintOfFacts(result.facts) });
  });
}

/**
 * Files of an extension only a document kind uses (`.conf`) are checked only when that
 * kind claims them: an nginx.conf is not ours, and gets nothing, not even a syntax error.
 */
function notOurs(text: string, options: CheckOptions): boolean {
  if (options.filePath === undefined) return false;
  const extension = extensionOf(options.filePath);
  const kinds = documentKindsRead.filter((kind) => kind.fileExtensions?.includes(extension));
  if (kinds.length === 0) return false;
  const name = baseName(options.filePath);
  return !kinds.some((kind) => kind.claimsFile?.(name, text));
}

/** A file of an extension only a document kind uses (a `.conflist`). */
function kindFile(options: CheckOptions): boolean {
  if (options.filePath === undefined) return false;
  const extension = extensionOf(options.filePath);
  return documentKindsRead.some((kind) => kind.fileExtensions?.includes(extension));
}

/** JSON when the host says so, or when a document kind claims the file (a `.conflist` opened as plain text). */
function languageOf(options: CheckOptions): 'yaml' | 'json' {
  return kindFile(options) ? 'json' : options.languageId;
}

/** Splits and lints a file, re-using (and then trimming) the file's cache. */
function lintChunks(text: string, options: CheckOptions): { chunks: SourceChunk[]; results: ChunkResult[] } {
  const languageId = languageOf(options);
  const chunks: SourceChunk[] = languageId === 'json' ? [{ text, startOffset: 0, startLine: 0 }] : splitYamlDocuments(text);
  const cache = options.cache ?? new ChunkCache();
  const ruleOptions = options.ruleOptions ?? DEFAULT_RULE_OPTIONS;
  // Results depend on the file's name too (`.conf` or `.conflist`).
  cache.useOptions(`${ruleOptions.key}\u0000${options.filePath ?? ''}\u0000${languageId}`);
  const source: ChunkSource = { filePath: options.filePath, languageId };
  const fresh = new Map<string, ChunkResult>();
  const results = chunks.map((chunk) => {
    const result = fresh.get(chunk.text) ?? cache.get(chunk.text) ?? lintChunk(chunk.text, ruleOptions, source);
    fresh.set(chunk.text, result);
    return result;
  });
  cache.replace(fresh);
  return { chunks, results };
}
