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
import type { Finding, Fix, Severity } from '../service/core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a diagnostic with fixes carries in `data`, so code actions need no server-side
 * cache. One without fixes carries none: the rule id is its `code`, and a file of
 * thousands of documents sends thousands of diagnostics on every edit.
 */
export interface DiagnosticData {
  ruleId: string;
  fixes: Fix[];
}

/** A finding reused by the next check (a document the edit did not touch) is converted once. */
const converted = new WeakMap<Finding, Diagnostic>();

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
  if (finding.fixes.length > 0) diagnostic.data = { ruleId: finding.ruleId, fixes: finding.fixes } satisfies DiagnosticData;
  if (meta) diagnostic.codeDescription = { href: meta.docsUrl };
  if (finding.ruleId === 'unused-disable-directive') diagnostic.tags = [DiagnosticTag.Unnecessary];
  converted.set(finding, diagnostic);
  return diagnostic;
}

/** Rebuilds a finding from a diagnostic the client sent back with a code-action request. */
export function fromDiagnostic(diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== 'kubewise' || typeof diagnostic.code !== 'string') return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return {
    ruleId: diagnostic.code,
    severity: 'warning',
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    range: diagnostic.range,
    fixes: Array.isArray(data?.fixes) ? data.fixes : [],
  };
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
