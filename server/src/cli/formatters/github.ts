/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`), one per
 * finding, for runs without code scanning: GitHub shows them as annotations on the
 * pull request's files and in the run summary. Severities map to error, warning and
 * notice. Findings on standard input that no `# Source:` comment maps to a file have no
 * file to land on; they become annotations of the run, their location in the message.
 * Values are escaped as @actions/core escapes them, so a message cannot end the command.
 */
import type { Finding, Severity } from '../../service/core/types';
import type { FileReport } from '../checkTargets';
import { STDIN_DISPLAY_PATH } from '../checkTargets';
import { summaryLine } from './text';

type AnnotationLevel = 'error' | 'warning' | 'notice';

export function annotationLevel(severity: Severity): AnnotationLevel {
  if (severity === 'error' || severity === 'warning') return severity;
  return 'notice';
}

export function formatGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    report.findings.forEach((finding, index) => {
      const rendered = report.renderedAt?.[index];
      const where = rendered ? ` (rendered ${rendered.displayPath}:${rendered.line + 1}:${rendered.character + 1})` : '';
      lines.push(annotation(report.displayPath, finding, where));
    });
  }
  lines.push(summaryLine(reports));
  return `${lines.join('\n')}\n`;
}

function annotation(file: string, finding: Finding, renderedNote: string): string {
  const { start, end } = finding.range;
  const title = `Kubewise ${finding.ruleId}`;
  const message = finding.message.replace(/\s*\n\s*/g, ' ');
  if (file === STDIN_DISPLAY_PATH) {
    return `::${annotationLevel(finding.severity)} title=${escapeProperty(title)}::${escapeData(`${file}:${start.line + 1}:${start.character + 1} ${message}`)}`;
  }
  const properties = [`file=${escapeProperty(file)}`, `line=${start.line + 1}`, `endLine=${end.line + 1}`];
  // GitHub takes columns only for an annotation within one line.
  if (start.line === end.line) properties.push(`col=${start.character + 1}`, `endColumn=${end.character + 1}`);
  properties.push(`title=${escapeProperty(title)}`);
  return `::${annotationLevel(finding.severity)} ${properties.join(',')}::${escapeData(`${message}${renderedNote}`)}`;
}

/** As @actions/core's escapeData: the message after `::`. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core's escapeProperty: a `key=value` before `::`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
