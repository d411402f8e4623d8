/**
 * The shape of a rule, after ESLint: `meta` describes it (and generates its docs),
 * `check` inspects one Kubernetes object and reports nodes with message ids. The
 * engine turns nodes into ranges; rules never build a range by hand and never
 * import the LSP library.
 */
import type { Node, Pair } from 'yaml';
import type { KubeObject } from '../kubernetes/objects';
import type { ObjectRef, Range, Severity } from '../types';
import type { DocumentFacts, OffsetRange } from '../workspace/namespaceFacts';
import type { RuleOptions } from '../config/ruleOptions';

/**
 * Where a rule applies: named kinds, every object that carries a pod template, or every
 * Kubernetes object (for checks on fields many kinds share, such as quantities, where a
 * kinds list would miss custom resources shaped like workloads).
 */
export type RuleScope = { workloads: true; exceptKinds?: readonly string[] } | { kinds: readonly string[] } | { all: true };

export interface RuleMeta {
  id: string;
  type: 'problem' | 'suggestion';
  defaultSeverity: Severity;
  /** 'workspace': the rule compares facts across documents and files (see workspace/). */
  scope: RuleScope | 'file' | 'workspace';
  description: string;
  /** The lesson: why this matters in production. Shown on hover. */
  why: string;
  /** An imperative sentence ending in a period. */
  remediation: string;
  docsUrl: string;
  /** Peer checks this rule matches, as `tool:check-name`. */
  equivalents: readonly string[];
  messages: Readonly<Record<string, string>>;
  fixable: boolean;
}

/** An edit in offsets of the document being checked; the engine converts it. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export interface OffsetFix {
  title: string;
  edits: OffsetEdit[];
  /**
   * false for a fix that changes what the manifest asks for (`1G` → `1Gi`, `1000` →
   * `1000m`): offered as a quick fix, never applied by fix-all (on save), which must only
   * make edits that keep the author's meaning.
   */
  fixAll?: false;
}

export interface Report {
  node: Node | Pair<unknown, unknown>;
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  container?: string;
  fixes?: OffsetFix[];
}

export interface RuleContext {
  object: KubeObject;
  /** The document's source text, for fixes that need indentation. */
  text: string;
  /** The node shape and required resources in effect (see config/ruleOptions.ts). */
  options: RuleOptions;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
  /** Only for scope 'workspace'. */
  checkWorkspace?(context: WorkspaceRuleContext): void;
}

/** What a workspace rule sees: the facts of the file being checked, and of every document. */
export interface WorkspaceRuleContext {
  /** This file's documents, each with a way to turn a fact's offsets into a range in the file. */
  file: readonly { facts: DocumentFacts; locate(at: OffsetRange): Range }[];
  /** Every document of the workspace, this file's included. */
  all: readonly DocumentFacts[];
  options: RuleOptions;
  report(report: WorkspaceReport): void;
}

export interface WorkspaceReport {
  range: Range;
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  object: ObjectRef;
  container?: string;
}

/** Declares a rule that compares documents (ResourceQuota sums, for instance). */
export function defineWorkspaceRule(meta: Omit<MetaInput, 'scope'>, checkWorkspace: NonNullable<Rule['checkWorkspace']>): Rule {
  return {
    meta: { ...meta, scope: 'workspace', docsUrl: `${DOCS_BASE_URL}/${meta.id}.md` },
    check: () => undefined,
    checkWorkspace,
  };
}

export const DOCS_BASE_URL = 'https://github.com/kubewise/kubewise/blob/main/docs/rules';

type MetaInput = Omit<RuleMeta, 'docsUrl'>;

/** Declares a rule; the docs URL follows from the id so the two cannot drift. */
export function defineRule(meta: MetaInput, check: Rule['check']): Rule {
  return { meta: { ...meta, docsUrl: `${DOCS_BASE_URL}/${meta.id}.md` }, check };
}

export function defineEngineDiagnostic(meta: Omit<MetaInput, 'scope' | 'fixable' | 'type'> & { fixable?: boolean }): RuleMeta {
  return { type: 'problem', scope: 'file', fixable: false, ...meta, docsUrl: `${DOCS_BASE_URL}/${meta.id}.md` };
}

/** Fills `{{name}}` placeholders, as ESLint's messages do. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, key: string) => (data && key in data ? String(data[key]) : match));
}
