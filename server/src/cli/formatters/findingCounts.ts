/** Totals shared by the text summary line and the JSON summary object. */
import type { FileReport } from '../checkTargets';

export interface FindingCounts {
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  /** Files checked, with or without findings. */
  files: number;
  filesWithFindings: number;
}

export function countFindings(reports: readonly FileReport[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, information: 0, hints: 0, files: reports.length, filesWithFindings: 0 };
  for (const report of reports) {
    if (report.findings.length > 0) counts.filesWithFindings++;
    for (const finding of report.findings) {
      if (finding.severity === 'error') counts.errors++;
      else if (finding.severity === 'warning') counts.warnings++;
      else if (finding.severity === 'information') counts.information++;
      else counts.hints++;
    }
  }
  return counts;
}
