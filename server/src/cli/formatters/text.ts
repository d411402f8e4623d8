/**
 * Human output: one line per finding as `path:line:col  severity  message  [rule-id]`,
 * which terminals and VS Code turn into links, grouped per file, then a summary.
 */
import type { Finding, Severity } from '../../service/core/types';
import type { FileReport } from '../checkTargets';
import { countFindings } from './findingCounts';

const RESET = '\u001b[0m';
const STYLES: Record<Severity | 'path' | 'dim' | 'bold', string> = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  information: '\u001b[34m',
  hint: '\u001b[2m',
  path: '\u001b[4m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
};

type Paint = (style: keyof typeof STYLES, text: string) => string;

export function formatText(reports: readonly FileReport[], options: { color: boolean }): string {
  const paint: Paint = (style, text) => (options.color ? `${STYLES[style]}${text}${RESET}` : text);
  const groups = reports.filter((report) => report.findings.length > 0).map((report) => formatFileGroup(report, paint));
  const summary = summaryLine(reports);
  const body = groups.length > 0 ? `${groups.join('\n\n')}\n\n` : '';
  const hasErrors = countFindings(reports).errors > 0;
  return `${body}${hasErrors ? paint('bold', summary) : summary}\n`;
}

/** The findings of one file, one per line, without colour or summary (for stderr). */
export function formatPlainFindings(report: FileReport): string {
  return `${formatFileGroup(report, (_style, text) => text)}\n`;
}

function formatFileGroup(report: FileReport, paint: Paint): string {
  const locations = report.findings.map((finding) => location(report.displayPath, finding));
  // Padding the columns within a file keeps messages aligned without a table library.
  const locationWidth = Math.max(...locations.map((text) => text.length));
  const severityWidth = Math.max(...report.findings.map((finding) => finding.severity.length));
  const lines = report.findings.map((finding, index) => {
    const where = paint('path', (locations[index] ?? '').padEnd(locationWidth));
    const severity = paint(finding.severity, finding.severity.padEnd(severityWidth));
    // One finding per line, so grep and problem matchers can rely on it.
    const message = finding.message.replace(/\s*\n\s*/g, ' ');
    // From `helm template` output: the line in the template, then where it was rendered.
    const rendered = report.renderedAt?.[index];
    const origin = rendered
      ? `  ${paint('dim', `(rendered ${rendered.displayPath}:${rendered.line + 1}:${rendered.character + 1})`)}`
      : '';
    return `${where}  ${severity}  ${message}  ${paint('dim', `[${finding.ruleId}]`)}${origin}`;
  });
  return lines.join('\n');
}

function location(displayPath: string, finding: Finding): string {
  return `${displayPath}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
}

export function summaryLine(reports: readonly FileReport[]): string {
  const counts = countFindings(reports);
  const checked = plural(counts.files, 'file');
  const total = counts.errors + counts.warnings + counts.information + counts.hints;
  if (total === 0) return `No problems in ${checked}.`;
  const parts = [
    counts.errors > 0 ? plural(counts.errors, 'error') : '',
    counts.warnings > 0 ? plural(counts.warnings, 'warning') : '',
    counts.information > 0 ? `${counts.information} information` : '',
    counts.hints > 0 ? plural(counts.hints, 'hint') : '',
  ].filter((part) => part !== '');
  return `${plural(total, 'problem')} (${parts.join(', ')}) in ${counts.filesWithFindings} of ${checked}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
