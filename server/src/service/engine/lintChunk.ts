/**
 * Parses and checks one document. The result depends only on the document's text and
 * the rule options, so the caller can cache it by that text (per options): ranges are
 * relative to the document's first line, severities are the defaults, and
 * configuration is applied later.
 */
import type { LineCounter } from 'yaml';
import { parseChunk } from '../document/parseChunk';
import type { ParsedChunk } from '../document/parseChunk';
import { problemFinding } from '../document/problemFinding';
import { kubeObjectsIn } from '../kubernetes/objects';
import type { KubeObject } from '../kubernetes/objects';
import { isOnRemovedApi } from '../kubernetes/removedApis';
import { isWorkload } from '../kubernetes/workloads';
import { factKindsRead, rules } from '../rules/registry';
import { reportedOffsets } from '../rules/api/ruleTypes';
import type { Report } from '../rules/api/ruleTypes';
import { DEFAULT_RULE_OPTIONS } from '../config/ruleOptions';
import type { RuleOptions } from '../config/ruleOptions';
import { createFinding } from '../core/findings';
import { locatorOf } from '../core/ranges';
import type { Locate } from '../core/ranges';
import type { RuleMeta } from '../core/ruleMeta';
import type { Finding, ObjectRef, Position } from '../core/types';
import { internalError } from '../core/engineDiagnostics';
import type { BaseFact, DocumentFacts } from '../facts/factKind';
import { isKustomizeKind, readKustomization } from '../kustomize/kustomization';
import { documentFacts, recogniseDocuments, runDocumentRules, syntaxOwnedByDocument } from './documentRules';
import type { Recognised } from './documentRules';
import { hasTemplateMarkers, mentionsManifestFields, placeholderAt } from './helmDetection';

/**
 * What later stages and hosts read of a checked document. It is cached per document for as
 * long as the file has it, so it holds no parse tree: the `yaml` Document of a 590-byte
 * manifest takes about 12 KB (a 5,000-document file pinned 60 MB of trees); whoever needs the
 * tree again (a hover, the kustomization rules) parses the one document it is about.
 */
export interface ChunkResult {
  /**
   * Where each line of the document starts, in the text it was parsed from (the same lines as
   * the document's): turns offsets of facts and reports into positions (`locatorOf`).
   */
  lines: LineCounter;
  /** The document parsed to a tree rules read (no syntax error, alias bomb or the like). */
  usable: boolean;
  /**
   * Whether the tree reads as a kustomization (`readKustomization`): 'declared' by its
   * apiVersion or kind, 'ifNamed' only in a file named kustomization.yaml (no apiVersion or kind).
   */
  kustomization: 'declared' | 'ifNamed' | undefined;
  /** Go-template markers outside strings and comments (see helmDetection.ts). */
  templateMarkers: boolean;
  /** An `apiVersion:` or `kind:` line, templated or not. */
  mentionsManifest: boolean;
  /** A placeholder (`{SERVICE_IP_PREFIX}`, `__MTU__`) where the document fails to parse. */
  placeholder: string | undefined;
  /** Findings with ranges relative to the document's first line and default severities. */
  findings: Finding[];
  /** What rules across documents read, by fact kind (offsets relative to the document). */
  facts: DocumentFacts;
  /**
   * Findings that say what an object lacks (rules' `meta.completeness`), with the field
   * they name ('' when none): dropped on Kustomize patches, which lack things by design.
   */
  completeness: ReadonlyMap<Finding, string>;
}

const KUBE_LINTER_IGNORE = 'ignore-check.kube-linter.io/';

/** Where a document comes from, for rules on documents whose meaning depends on the file (`.conf` or `.conflist`). */
export interface ChunkSource {
  /** The file's path as the host gave it; undefined for stdin and untitled documents. */
  filePath: string | undefined;
  /** A JSON file is one document; a YAML stream may hold many. */
  languageId: 'yaml' | 'json';
}

const NO_SOURCE: ChunkSource = { filePath: undefined, languageId: 'yaml' };
/** Problems a stricter grammar reports instead, when a document kind owns the chunk's syntax. */
const YAML_SYNTAX = new Set(['syntax', 'duplicate-key']);

export function lintChunk(
  text: string,
  options: RuleOptions = DEFAULT_RULE_OPTIONS,
  source: ChunkSource = NO_SOURCE,
): ChunkResult {
  const parsed = parseChunk(text);
  const locate = locatorOf(parsed.lineCounter);
  // Rules read the text the document was parsed from (parseChunk.ts: the lines of a lenient scalar may be indented).
  const parsedText = parsed.source;
  const usable = parsed.doc && !parsed.unusable ? parsed.doc : undefined;
  const findings: Finding[] = [];
  const documents = recogniseIn(parsed, { ...source, text: parsedText }, locate, findings);
  const ownedSyntax = syntaxOwnedByDocument(documents);
  for (const problem of parsed.problems) {
    // A lenient scalar's warning ends on a line the relaxed text indented: its columns go back to the file's.
    const at = problem.kind === 'go-yaml-leniency' ? unindented(parsed, locate) : locate;
    if (!(ownedSyntax && YAML_SYNTAX.has(problem.kind))) findings.push(problemFinding(problem, at));
  }
  const syntaxError = parsed.problems.find((problem) => problem.kind === 'syntax');
  // A Kustomization or Component is kustomize's input, never applied to a cluster: rules/kustomize/ read it.
  // Its facts still count: what a kustomization generates or labels is read by the reference rules.
  const all = usable ? kubeObjectsIn(usable) : [];
  const objects = all.filter((object) => !isKustomizeKind(object.ref.apiVersion, object.ref.kind));
  const completeness = new Map<Finding, string>();
  for (const object of objects) findings.push(...runRules(object, parsedText, locate, options, completeness));
  const inStrings = unindented(parsed, locate);
  for (const document of documents) findings.push(...runDocumentRules(document, source.filePath, inStrings, options));
  const facts = extractFacts(all, parsedText, locate, findings);
  for (const [kind, found] of documentFacts(documents, source.filePath, locate, findings)) facts.set(kind, found);
  return {
    lines: parsed.lineCounter,
    usable: usable !== undefined,
    kustomization: usable ? kustomizationShape(usable) : undefined,
    findings,
    completeness,
    facts,
    templateMarkers: hasTemplateMarkers(parsedText, parsed.doc),
    mentionsManifest: mentionsManifestFields(text),
    placeholder: syntaxError ? placeholderAt(parsedText, syntaxError.start) : undefined,
  };
}

function kustomizationShape(doc: NonNullable<ParsedChunk['doc']>): ChunkResult['kustomization'] {
  if (readKustomization(doc, false)) return 'declared';
  return readKustomization(doc, true) ? 'ifNamed' : undefined;
}

/**
 * Where findings inside strings go when parseChunk indented the lines of a go-yaml-lenient
 * quoted scalar to read it (a NetworkAttachmentDefinition's `config: '{` with its JSON at the
 * key's depth): the lines are the same, but on an indented line every column moved right by
 * what was added. Findings inside the string (a CNI key) move back onto the file's characters.
 */
function unindented(parsed: ParsedChunk, locate: Locate): Locate {
  const added = new Map<number, number>();
  for (const problem of parsed.problems) {
    if (problem.kind !== 'go-yaml-leniency') continue;
    for (const edit of problem.fix?.edits ?? []) added.set(parsed.lineCounter.linePos(edit.start).line - 1, edit.text.length);
  }
  if (added.size === 0) return locate;
  const back = (position: Position): Position => ({
    line: position.line,
    character: Math.max(0, position.character - (added.get(position.line) ?? 0)),
  });
  return (start, end) => {
    const range = locate(start, end);
    return { start: back(range.start), end: back(range.end) };
  };
}

/** Problems after which no tree can be trusted, whatever grammar reads the text. */
const UNREADABLE = new Set(['alias-bomb', 'too-deep', 'parser-failure']);

/**
 * The documents of non-Kubernetes kinds in the chunk. A YAML syntax error makes the chunk
 * unusable for objects (no rule runs on a tree the parser guessed), but a kind with its own
 * grammar (a `.conflist`'s strict JSON) still reads the file and reports the error itself,
 * where it is; text embedded in a broken manifest is not read.
 */
function recogniseIn(
  parsed: ParsedChunk,
  source: ChunkSource & { text: string },
  locate: Locate,
  findings: Finding[],
): Recognised[] {
  const doc = parsed.doc;
  if (!doc || parsed.problems.some((problem) => UNREADABLE.has(problem.kind))) return [];
  const found = recogniseDocuments({ ...source, parsed: { ...parsed, doc } }, locate, findings);
  return parsed.unusable ? found.filter(({ document }) => document.ownsSyntax === true && !document.embedding) : found;
}

function runRules(
  object: KubeObject,
  text: string,
  locate: Locate,
  options: RuleOptions,
  completeness: Map<Finding, string>,
): Finding[] {
  const findings: Finding[] = [];
  const workload = isWorkload(object);
  const ignored = kubeLinterIgnores(object);
  for (const rule of rules) {
    if (!rule.check || !appliesTo(rule.meta, object, workload)) continue;
    if (rule.meta.equivalents.some((equivalent) => ignored.has(equivalent))) continue;
    const report = (r: Report): void => {
      const finding = findingOfReport(rule.meta, r, locate, object.ref);
      findings.push(finding);
      if (reportsAbsence(rule.meta, r.messageId)) completeness.set(finding, String(r.data?.field ?? ''));
    };
    try {
      rule.check({ object, text, options: options.byRule.get(rule.meta.id), report });
    } catch (error) {
      // One broken rule must not take the others (or the server) down with it.
      findings.push(crashFinding(rule.meta.id, error, object, locate));
    }
  }
  return findings;
}

/** Whether a message of the rule says what an object lacks (see `RuleMeta.completeness`). */
export function reportsAbsence(meta: RuleMeta, messageId: string): boolean {
  const completeness = meta.completeness;
  return completeness === true || (completeness !== undefined && completeness.includes(messageId));
}

/** A rule's report as a finding: its node's range or its explicit offsets, located in the document. */
export function findingOfReport(meta: RuleMeta, report: Report, locate: Locate, object?: ObjectRef): Finding {
  const [start, end] = reportedOffsets(report);
  return createFinding(meta, {
    messageId: report.messageId,
    data: report.data,
    range: locate(start, end),
    object,
    container: report.container,
    severity: report.severity,
    fixes: report.fixes,
    locate,
  });
}

const READS_KUSTOMIZATIONS = new Set(['kustomization', 'object']);

/** Facts feed other rules; a bug in one kind's extractor costs that kind, reported like a crashed rule. */
function extractFacts(
  objects: readonly KubeObject[],
  text: string,
  locate: Locate,
  findings: Finding[],
): Map<string, BaseFact[]> {
  const facts = new Map<string, BaseFact[]>();
  for (const kind of factKindsRead) {
    if (!kind.extract) continue;
    const found: BaseFact[] = [];
    for (const object of objects) {
      // A removed API is rejected by current clusters: no rule across files may count it.
      if (isOnRemovedApi(object.ref)) continue;
      // Kustomize's own files are inputs, not cluster objects: only the kustomization kind reads
      // them, and the object kind for the ConfigMaps and Secrets their generators make.
      if (!READS_KUSTOMIZATIONS.has(kind.id) && isKustomizeKind(object.ref.apiVersion, object.ref.kind)) continue;
      try {
        found.push(...kind.extract(object, text));
      } catch (error) {
        const start = object.root.range?.[0] ?? 0;
        findings.push(
          createFinding(internalError, {
            messageId: 'factsFailed',
            data: { kind: kind.id, detail: String(error) },
            range: locate(start, start),
            object: object.ref,
          }),
        );
      }
    }
    if (found.length > 0) facts.set(kind.id, found);
  }
  return facts;
}

export function crashFinding(what: string, error: unknown, object: KubeObject | undefined, locate: Locate): Finding {
  const start = object?.root.range?.[0] ?? 0;
  return createFinding(internalError, {
    messageId: 'crashed',
    data: { rule: what, detail: String(error) },
    range: locate(start, start),
    object: object?.ref,
  });
}

function appliesTo(meta: RuleMeta, object: KubeObject, workload: boolean): boolean {
  const scope = meta.scope;
  if (scope === 'file' || scope === 'workspace' || scope === 'kustomization') return false;
  if ('all' in scope) return true;
  if ('kinds' in scope) return scope.kinds.includes(object.ref.kind);
  if ('documents' in scope) return false;
  return workload && !(scope.exceptKinds ?? []).includes(object.ref.kind);
}

/** kube-linter's `ignore-check.kube-linter.io/<check>` annotations, as `kube-linter:<check>`. */
function kubeLinterIgnores(object: KubeObject): Set<string> {
  const ignored = new Set<string>();
  for (const key of object.annotations.keys()) {
    if (key.startsWith(KUBE_LINTER_IGNORE)) ignored.add(`kube-linter:${key.slice(KUBE_LINTER_IGNORE.length)}`);
  }
  return ignored;
}
