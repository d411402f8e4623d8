/**
 * Machine output for scripts and dashboards. Every key is always present (null when
 * absent) so consumers can read fields without probing, and positions are 1-based
 * like the text output, not the 0-based positions the service uses internally.
 */
import { ruleMeta } from '../../service/rules/registry';
import type { Finding, Range } from '../../service/core/types';
import type { FileReport, RenderedLocation } from '../checkTargets';
import { countFindings } from './findingCounts';

export interface JsonPosition {
  line: number;
  column: number;
}

export interface JsonFinding {
  ruleId: string;
  equivalents: string[];
  severity: Finding['severity'];
  message: string;
  file: string;
  range: { start: JsonPosition; end: JsonPosition };
  object: { apiVersion: string; kind: string; namespace: string | null; name: string | null } | null;
  container: string | null;
  fixable: boolean;
  /** Where the finding was in `helm template` output on stdin, when `file` is the template it came from. */
  rendered: ({ file: string } & JsonPosition) | null;
}

export interface JsonReport {
  version: string;
  findings: JsonFinding[];
  summary: { errors: number; warnings: number; information: number; hints: number; files: number };
}

export function formatJson(reports: readonly FileReport[], version: string): string {
  const findings = reports.flatMap((report) =>
    report.findings.map((finding, index) => toJsonFinding(report.displayPath, finding, report.renderedAt?.[index])),
  );
  const { errors, warnings, information, hints, files } = countFindings(reports);
  const output: JsonReport = { version, findings, summary: { errors, warnings, information, hints, files } };
  return `${JSON.stringify(output, null, 2)}\n`;
}

function toJsonFinding(file: string, finding: Finding, rendered: RenderedLocation | undefined): JsonFinding {
  const object = finding.object;
  return {
    ruleId: finding.ruleId,
    equivalents: [...(ruleMeta(finding.ruleId)?.equivalents ?? [])],
    severity: finding.severity,
    message: finding.message,
    file,
    range: oneBased(finding.range),
    object: object
      ? { apiVersion: object.apiVersion, kind: object.kind, namespace: object.namespace ?? null, name: object.name ?? null }
      : null,
    container: finding.container ?? null,
    fixable: finding.fixes.length > 0,
    rendered: rendered ? { file: rendered.displayPath, line: rendered.line + 1, column: rendered.character + 1 } : null,
  };
}

function oneBased(range: Range): JsonFinding['range'] {
  return {
    start: { line: range.start.line + 1, column: range.start.character + 1 },
    end: { line: range.end.line + 1, column: range.end.character + 1 },
  };
}
