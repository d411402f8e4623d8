/**
 * A status-bar item with the Kubewise findings of the open file (errors, warnings,
 * others); a click opens the Problems view. Shown for YAML and JSON editors only.
 */
import * as vscode from 'vscode';

const LANGUAGES = new Set(['yaml', 'json']);

export function registerFindingsStatusBar(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('kubewise.findings', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Kubewise findings';
  item.command = 'workbench.actions.view.problems';
  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !LANGUAGES.has(document.languageId)) {
      item.hide();
      return;
    }
    const counts = countFindings(vscode.languages.getDiagnostics(document.uri));
    item.text = statusText(counts);
    item.tooltip = `Kubewise in this file: ${describeCounts(counts)}. Click for the Problems view.`;
    item.accessibilityInformation = { label: `Kubewise: ${describeCounts(counts)}` };
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      if (uri && event.uris.some((changed) => changed.toString() === uri)) update();
    }),
  );
  update();
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  others: number;
}

export function countFindings(diagnostics: readonly vscode.Diagnostic[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, others: 0 };
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'kubewise') continue;
    if (diagnostic.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
    else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    else counts.others++;
  }
  return counts;
}

function statusText(counts: FindingCounts): string {
  if (counts.errors + counts.warnings + counts.others === 0) return '$(check) Kubewise';
  const parts = [`$(error) ${counts.errors}`, `$(warning) ${counts.warnings}`];
  if (counts.others > 0) parts.push(`$(info) ${counts.others}`);
  return `Kubewise ${parts.join(' ')}`;
}

function describeCounts(counts: FindingCounts): string {
  const total = counts.errors + counts.warnings + counts.others;
  if (total === 0) return 'no findings';
  const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
  return [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), `${counts.others} other`].join(', ');
}
