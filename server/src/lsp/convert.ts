/** Converts the service's plain findings and actions to LSP shapes; nothing more. */
import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  RenameFile,
  TextDocumentEdit,
} from 'vscode-languageserver/node';
import type { ActionDescription } from '../service/features/codeActions';
import { ruleMeta } from '../service/rules/registry';
import type { Finding, Severity } from '../service/core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding reused by the next check (a document the edit did not touch) is converted once. */
const converted = new WeakMap<Finding, Diagnostic>();

/**
 * A diagnostic carries no fix edits: code actions take them from the latest check
 * (`findingOf`). A file of thousands of documents sends up to 1,000 diagnostics on every
 * keystroke, and the edits were most of their bytes.
 */
export function toDiagnostic(finding: Finding): Diagnostic {
  const known = converted.get(finding);
  if (known) return known;
  const meta = ruleMeta(finding.ruleId);
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: 'kubewise',
    code: finding.ruleId,
    message: finding.message,
  };
  if (meta) diagnostic.codeDescription = { href: meta.docsUrl };
  if (finding.ruleId === 'unused-disable-directive') diagnostic.tags = [DiagnosticTag.Unnecessary];
  converted.set(finding, diagnostic);
  return diagnostic;
}

/** The latest check's findings by start line, made when a code action first asks. */
const byLine = new WeakMap<readonly Finding[], Map<number, Finding[]>>();

/**
 * The finding a diagnostic the client sent back stands for: the one of `latest` (the check of
 * the text on screen) with its rule, range and message, fixes and all. A diagnostic of an
 * older text matches none, and gets a finding without fixes: its edits would be for that text.
 */
export function findingOf(diagnostic: Diagnostic, latest: readonly Finding[] | undefined): Finding | undefined {
  if (diagnostic.source !== 'kubewise' || typeof diagnostic.code !== 'string') return undefined;
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  const { start, end } = diagnostic.range;
  const match = latest
    ? linesOf(latest)
        .get(start.line)
        ?.find(
          (finding) =>
            finding.ruleId === diagnostic.code &&
            finding.message === message &&
            finding.range.start.character === start.character &&
            finding.range.end.line === end.line &&
            finding.range.end.character === end.character,
        )
    : undefined;
  return match ?? { ruleId: diagnostic.code, severity: 'warning', message, range: diagnostic.range, fixes: [] };
}

function linesOf(findings: readonly Finding[]): Map<number, Finding[]> {
  let lines = byLine.get(findings);
  if (!lines) {
    lines = new Map();
    for (const finding of findings) {
      const line = finding.range.start.line;
      const onLine = lines.get(line);
      if (onLine) onLine.push(finding);
      else lines.set(line, [finding]);
    }
    byLine.set(findings, lines);
  }
  return lines;
}

export function toCodeAction(uri: string, action: ActionDescription, diagnostics: Diagnostic[]): CodeAction {
  const kind = action.kind === 'quickfix' ? CodeActionKind.QuickFix : action.kind;
  const codeAction = CodeAction.create(action.title, kind);
  if (action.renameTo !== undefined) {
    // The edits, then the rename: the file is rewritten under its old name and moved.
    const target = uri.slice(0, uri.lastIndexOf('/') + 1) + encodeURIComponent(action.renameTo);
    codeAction.edit = {
      documentChanges: [
        TextDocumentEdit.create({ uri, version: null }, action.edits ?? []),
        RenameFile.create(uri, target, { overwrite: false, ignoreIfExists: false }),
      ],
    };
  } else if (action.edits) codeAction.edit = { changes: { [uri]: action.edits } };
  if (action.command) codeAction.command = action.command;
  if (action.isPreferred) codeAction.isPreferred = true;
  if (diagnostics.length > 0) codeAction.diagnostics = diagnostics;
  return codeAction;
}
