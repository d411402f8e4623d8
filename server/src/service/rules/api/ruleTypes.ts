/**
 * The rule API, after ESLint: `meta` describes a rule (and generates its docs, its
 * config schema and its settings), `check` inspects one Kubernetes object (or, for a rule
 * declared with defineDocumentRule, one document of another kind) and reports nodes with
 * message ids. Rules across files declare the fact kinds they read and
 * report facts. The engine turns nodes and facts into ranges; rules never build a
 * range and never import the LSP library (dependency-cruiser enforces what a rule may
 * import: this folder, kubernetes/, document/, facts/ and its own family).
 */
import type { Node, Pair } from 'yaml';
import type { KubeObject } from '../../kubernetes/objects';
import type { BaseFact, FactKind } from '../../facts/factKind';
import type { FactIndex } from '../../facts/factIndex';
import type { KustomizationModel, PatchTarget } from '../../kustomize/kustomization';
import type { KustomizeInputs } from '../../kustomize/inputs';
import type { DocumentKind, RecognisedDocument } from '../../document/documentKind';
import { rangeOf } from '../../document/yamlNodes';
import { docsUrlOf } from '../../core/ruleMeta';
import type { OffsetFix, OffsetRange, RuleMeta, RuleOptionsMeta } from '../../core/ruleMeta';
import type { Severity } from '../../core/types';

export type { JsonSchema, OffsetEdit, OffsetFix, OffsetRange, RuleMeta, RuleOptionsMeta, RuleScope } from '../../core/ruleMeta';

interface ReportBase {
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  container?: string;
  /**
   * Instead of meta.defaultSeverity, for a finding weaker than the rule's usual one (an
   * assumption rather than a fact); a severity the user configures still wins.
   */
  severity?: Severity;
  fixes?: OffsetFix[];
}

/**
 * What a rule reports: the node (or key/value pair) the user should look at, or, where no
 * node holds the characters (a value inside a YAML string, a JSON token the YAML parser
 * does not keep), explicit offsets `at` in the text the rule was given. Either way the
 * engine makes the range.
 */
export type Report = ReportBase & ReportTarget;

/** Where a report points: a node, or offsets. */
export type ReportTarget = { node: Node | Pair<unknown, unknown>; at?: undefined } | { at: OffsetRange; node?: undefined };

/** The offsets a report points at: its `at`, or its node's range. */
export function reportedOffsets(report: Report): OffsetRange {
  if (report.at) return report.at;
  return (report.node ? rangeOf(report.node) : undefined) ?? [0, 0];
}

export interface RuleContext<O = unknown> {
  /** The Kubernetes object being checked. */
  object: KubeObject;
  /** The document's source text, for fixes that need indentation. */
  text: string;
  /** This rule's options in effect (meta.options, resolved from defaults, `.kubewise.yaml` and settings). */
  options: O;
  report(report: Report): void;
}

/** What a rule on documents of another kind (a CNI config) sees: the document, never a Kubernetes object. */
export interface DocumentRuleContext<D extends RecognisedDocument = RecognisedDocument, O = unknown> {
  /** The recognised document: its parse and what its kind knows about it. */
  document: D;
  /** The text the document's offsets refer to: the file's, or the decoded string it is embedded in. */
  text: string;
  /** The file's path as the host gave it (`.conf` and `.conflist` mean different things); undefined for stdin. */
  filePath: string | undefined;
  options: O;
  /** Nodes of the document's parse, or offsets in `text`; the engine maps embedded ones to the file. */
  report(report: Report): void;
}

/**
 * What a rule across files sees: facts of the declared kinds, of the document being judged
 * and of the workspace. The engine records what a judgement reads, and judges a document
 * again only when what it read may have changed: prefer `lookup` and `count` to scanning
 * `all`, which depends on every fact of the kind.
 */
export interface WorkspaceRuleContext<O = unknown> {
  /** Facts of this kind from the document being judged: the only facts a rule may report on. */
  inFile<T extends BaseFact>(kind: FactKind<T>): readonly T[];
  /** Facts of this kind from every document of the workspace, this file's included (a dependency on all of them). */
  all<T extends BaseFact>(kind: FactKind<T>): readonly T[];
  /**
   * The facts of `all(index.kind)` found under any of `keys`, in the same order (a
   * dependency on those keys only, found or not). The same keys give the same array within a check.
   */
  lookup<T extends BaseFact>(index: FactIndex<T>, ...keys: string[]): readonly T[];
  /** How many facts of the index's kind are found under `key` (a dependency on that number only). */
  count<T extends BaseFact>(index: FactIndex<T>, key: string): number;
  /** Whether any fact of the index's kind is found under `key` (a dependency on that alone: cheaper than `count` when the number does not matter). */
  has<T extends BaseFact>(index: FactIndex<T>, key: string): boolean;
  options: O;
  report(report: WorkspaceReport): void;
}

export interface WorkspaceReport {
  /** A fact of this file (from `inFile`): the finding is about its object, when it has one. */
  fact: BaseFact;
  /** Offsets inside the fact's document (a field the fact recorded); the fact's own `at` when absent. */
  at?: OffsetRange;
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  container?: string;
  /** Edits in offsets of the fact's document (a fact that recorded them). */
  fixes?: OffsetFix[];
}

/** What a rule on a kustomization file sees: the model of its text and what its paths resolve to. */
export interface KustomizationRuleContext {
  kustomization: KustomizationModel;
  inputs: KustomizeInputs;
  /** The document's source text, for fixes. */
  text: string;
  report(report: Report): void;
}

/**
 * What a kustomization rule sees of a file some kustomization reads as a JSON 6902 patch:
 * one document's text and the targets the kustomizations give it.
 */
export interface PatchFileRuleContext {
  targets: readonly PatchTarget[];
  /** The document's source text; reports give offsets (`at`) in it. */
  text: string;
  report(report: Report): void;
}

export interface Rule<O = unknown> {
  meta: RuleMeta;
  /** Fact kinds a rule across files reads; the engine runs it for a file that contributes any of them. */
  facts?: readonly FactKind[];
  /**
   * Turns the validated option values (defaults filled in) into what the rule reads;
   * `configured` names the properties a source set (the rest are defaults).
   */
  resolveOptions?: (values: Readonly<Record<string, unknown>>, configured: ReadonlySet<string>) => O;
  check?(context: RuleContext<O>): void;
  /** The document kind a rule on non-Kubernetes documents reads (its meta.scope names it). */
  documents?: DocumentKind<RecognisedDocument>;
  checkDocument?(context: DocumentRuleContext<RecognisedDocument, O>): void;
  checkWorkspace?(context: WorkspaceRuleContext<O>): void;
  checkKustomization?(context: KustomizationRuleContext): void;
  /** For a kustomization rule that also judges patch files (scope 'kustomization'). */
  checkPatchFile?(context: PatchFileRuleContext): void;
}

/** A rule with the family folder it lives in, as the generated registry lists it. */
export interface RegisteredRule {
  family: string;
  rule: Rule;
}

type MetaInput = Omit<RuleMeta, 'docsUrl' | 'options'>;

/** Options as a rule declares them: the meta (schema, docs) and how to read the values. */
export interface OptionsDeclaration<O> {
  meta: RuleOptionsMeta;
  /** `configured`: the properties a source (`.kubewise.yaml`, settings) set; the others hold their defaults. */
  resolve(values: Readonly<Record<string, unknown>>, configured: ReadonlySet<string>): O;
}

/** Declares a rule; the docs URL follows from the id so the two cannot drift. */
export function defineRule<O = unknown>(
  meta: MetaInput & { options?: OptionsDeclaration<O> },
  check: (context: RuleContext<O>) => void,
): Rule<O> {
  const { options, ...rest } = meta;
  const rule: Rule<O> = { meta: { ...rest, docsUrl: docsUrlOf(meta.id) }, check };
  if (options) {
    rule.meta.options = options.meta;
    rule.resolveOptions = options.resolve;
  }
  return rule;
}

/** Declares a rule on the documents of a non-Kubernetes kind (CNI configs); its scope names the kind. */
export function defineDocumentRule<D extends RecognisedDocument, O = unknown>(
  meta: Omit<MetaInput, 'scope'> & { documents: DocumentKind<D>; options?: OptionsDeclaration<O> },
  check: (context: DocumentRuleContext<D, O>) => void,
): Rule<O> {
  const { options, documents, ...rest } = meta;
  const rule: Rule<O> = {
    meta: { ...rest, scope: { documents: documents.id }, docsUrl: docsUrlOf(meta.id) },
    documents: documents as unknown as DocumentKind<RecognisedDocument>,
    checkDocument: (context) => check(context as unknown as DocumentRuleContext<D, O>),
  };
  if (options) {
    rule.meta.options = options.meta;
    rule.resolveOptions = options.resolve;
  }
  return rule;
}

/** Declares a rule that compares documents and files (ResourceQuota sums, for instance). */
export function defineWorkspaceRule<O = unknown>(
  meta: Omit<MetaInput, 'scope'> & { facts: readonly FactKind[]; options?: OptionsDeclaration<O> },
  checkWorkspace: (context: WorkspaceRuleContext<O>) => void,
): Rule<O> {
  const { facts, options, ...rest } = meta;
  const rule: Rule<O> = { meta: { ...rest, scope: 'workspace', docsUrl: docsUrlOf(meta.id) }, facts, checkWorkspace };
  if (options) {
    rule.meta.options = options.meta;
    rule.resolveOptions = options.resolve;
  }
  return rule;
}

/** Declares a rule on kustomization files (a path that does not exist, a deprecated field). */
export function defineKustomizationRule(
  meta: Omit<MetaInput, 'scope'>,
  checkKustomization: (context: KustomizationRuleContext) => void,
  checkPatchFile?: (context: PatchFileRuleContext) => void,
): Rule {
  const rule: Rule = { meta: { ...meta, scope: 'kustomization', docsUrl: docsUrlOf(meta.id) }, checkKustomization };
  if (checkPatchFile) rule.checkPatchFile = checkPatchFile;
  return rule;
}

export { formatMessage } from '../../core/ruleMeta';
