/**
 * Parses and checks one document. The result depends only on the document's text and
 * the rule options, so the caller can cache it by that text (per options): ranges are relative to the document's
 * first line, severities are the defaults, and configuration is applied later.
 */
import type { LineCounter } from 'yaml';
import { parseChunk } from '../document/parseChunk';
import type { ParsedChunk, ParseProblem } from '../document/parseChunk';
import { rangeOf } from '../document/yamlNodes';
import { kubeObjectsIn } from '../kubernetes/objects';
import type { KubeObject } from '../kubernetes/objects';
import { isWorkload } from '../kubernetes/workloads';
import { rules } from '../rules/registry';
import { DEFAULT_RULE_OPTIONS } from '../config/ruleOptions';
import type { RuleOptions } from '../config/ruleOptions';
import { formatMessage } from '../rules/types';
import type { OffsetFix, Report, Rule, RuleMeta } from '../rules/types';
import type { Finding, Fix, Range } from '../types';
import { internalError, yamlAliasBomb, yamlSyntax } from './engineDiagnostics';
import { hasTemplateMarkers, mentionsManifestFields } from './helmDetection';
import { factsOf } from '../workspace/namespaceFacts';
import type { DocumentFacts } from '../workspace/namespaceFacts';

export interface ChunkResult {
  parsed: ParsedChunk;
  /** Go-template markers outside strings and comments (see helmDetection.ts). */
  templateMarkers: boolean;
  /** An `apiVersion:` or `kind:` line, templated or not. */
  mentionsManifest: boolean;
  /** Findings with ranges relative to the document's first line and default severities. */
  findings: Finding[];
  /** What rules across documents need to know (offsets relative to the document). */
  facts: DocumentFacts;
}

const KUBE_LINTER_IGNORE = 'ignore-check.kube-linter.io/';

export function lintChunk(text: string, options: RuleOptions = DEFAULT_RULE_OPTIONS): ChunkResult {
  const parsed = parseChunk(text);
  const findings = parsed.problems.map((problem) => problemFinding(problem, parsed.lineCounter));
  const objects = parsed.doc && !parsed.unusable ? kubeObjectsIn(parsed.doc) : [];
  for (const object of objects) findings.push(...runRules(object, text, parsed.lineCounter, options));
  return {
    parsed,
    findings,
    facts: safeFacts(objects),
    templateMarkers: hasTemplateMarkers(text, parsed.doc),
    mentionsManifest: mentionsManifestFields(text),
  };
}

function runRules(object: KubeObject, text: string, lineCounter: LineCounter, options: RuleOptions): Finding[] {
  const findings: Finding[] = [];
  const workload = isWorkload(object);
  const ignored = kubeLinterIgnores(object);
  for (const rule of rules) {
    if (!appliesTo(rule.meta, object, workload)) continue;
    if (rule.meta.equivalents.some((equivalent) => ignored.has(equivalent))) continue;
    const report = (r: Report): void => {
      findings.push(reportFinding(rule.meta, r, object, lineCounter));
    };
    try {
      rule.check({ object, text, options, report });
    } catch (error) {
      // One broken rule must not take the others (or the server) down with it.
      const start = object.root.range?.[0] ?? 0;
      findings.push({
        ruleId: internalError.id,
        severity: internalError.defaultSeverity,
        message: formatMessage(internalError.messages.crashed ?? '', { rule: rule.meta.id, detail: String(error) }),
        range: toRange(lineCounter, start, start),
        object: object.ref,
        fixes: [],
      });
    }
  }
  return findings;
}

/** Facts feed other rules; a bug here must cost those rules, not the whole check. */
function safeFacts(objects: readonly KubeObject[]): DocumentFacts {
  try {
    return factsOf(objects);
  } catch {
    return { workloads: [], quotas: [], limitRanges: [], disruptionBudgets: [] };
  }
}

function appliesTo(meta: RuleMeta, object: KubeObject, workload: boolean): boolean {
  const scope = meta.scope;
  if (scope === 'file' || scope === 'workspace') return false;
  if ('all' in scope) return true;
  if ('kinds' in scope) return scope.kinds.includes(object.ref.kind);
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

function reportFinding(meta: RuleMeta, report: Report, object: KubeObject, lineCounter: LineCounter): Finding {
  const template = meta.messages[report.messageId];
  if (template === undefined) throw new Error(`Rule ${meta.id} reported unknown message id '${report.messageId}'`);
  const [start, end] = rangeOf(report.node) ?? [0, 0];
  const finding: Finding = {
    ruleId: meta.id,
    severity: meta.defaultSeverity,
    message: formatMessage(template, report.data),
    range: toRange(lineCounter, start, end),
    object: object.ref,
    fixes: (report.fixes ?? []).map((fix) => toFix(fix, lineCounter)),
  };
  if (report.container !== undefined) finding.container = report.container;
  return finding;
}

function problemFinding(problem: ParseProblem, lineCounter: LineCounter): Finding {
  const meta = problem.kind === 'alias-bomb' ? yamlAliasBomb : yamlSyntax;
  const messageId = {
    syntax: 'syntax',
    'duplicate-key': 'duplicateKey',
    'alias-bomb': 'aliasBomb',
    'parser-failure': 'parserFailure',
    'too-deep': 'tooDeep',
  }[problem.kind];
  return {
    ruleId: meta.id,
    severity: meta.defaultSeverity,
    message: formatMessage(meta.messages[messageId] ?? '{{detail}}', { detail: problem.message }),
    range: toRange(lineCounter, problem.start, problem.end),
    fixes: [],
  };
}

function toFix(fix: OffsetFix, lineCounter: LineCounter): Fix {
  const converted: Fix = {
    title: fix.title,
    edits: fix.edits.map((edit) => ({ range: toRange(lineCounter, edit.start, edit.end), newText: edit.text })),
  };
  if (fix.fixAll === false) converted.fixAll = false;
  return converted;
}

export function toRange(lineCounter: LineCounter, start: number, end: number): Range {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(end);
  return {
    start: { line: from.line - 1, character: from.col - 1 },
    end: { line: to.line - 1, character: to.col - 1 },
  };
}

export type { Rule };
