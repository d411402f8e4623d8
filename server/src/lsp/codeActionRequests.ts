/**
 * `textDocument/codeAction`: quick fixes for the diagnostics the client sends back, each
 * matched to its finding in the check of the text on screen (which holds the fix edits), and
 * "fix all" from that check.
 */
import { CodeActionKind } from 'vscode-languageserver/node';
import type { CodeAction, CodeActionParams, Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllEdits, quickFixes } from '../service/features/codeActions';
import type { Finding } from '../service/core/types';
import { findingOf, toCodeAction } from './convert';
import { languageOf } from './documentLanguage';
import type { Guard } from './guard';

export const FIX_ALL_KIND = 'source.fixAll.kubewise';

export interface CodeActionSources {
  documents: TextDocuments<TextDocument>;
  /** The findings of the document's latest check, with the version they are of. */
  checked: (uri: string) => { version: number; findings: Finding[] } | undefined;
  /** Checks the document now (fix-all right after typing must match the text). */
  validate: (uri: string) => Promise<void>;
  canRenameFiles: () => boolean;
}

export function registerCodeActions(connection: Connection, guard: Guard, sources: CodeActionSources): void {
  const { documents, checked } = sources;
  connection.onCodeAction(
    guard('codeAction', [] as CodeAction[], async (params: CodeActionParams) => {
      const uri = params.textDocument.uri;
      const document = documents.get(uri);
      if (!document) return [];
      const only = params.context.only;
      const actions: CodeAction[] = [];
      const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      // A request right after typing may come before the check of the text it is about.
      const current = async (): Promise<Finding[] | undefined> => {
        if (checked(uri)?.version !== document.version) await sources.validate(uri);
        const latest = checked(uri);
        return latest?.version === document.version ? latest.findings : undefined;
      };
      if (wants(CodeActionKind.QuickFix) && params.context.diagnostics.length > 0) {
        const latest = await current();
        const pairs = params.context.diagnostics
          .map((diagnostic) => ({ diagnostic, finding: findingOf(diagnostic, latest) }))
          .filter((pair): pair is { diagnostic: Diagnostic; finding: Finding } => pair.finding !== undefined);
        for (const action of quickFixes(
          document.getText(),
          pairs.map((pair) => pair.finding),
          { languageId: languageOf(document), canRename: sources.canRenameFiles() },
        )) {
          const diagnostic = pairs.find((pair) => pair.finding === action.finding)?.diagnostic;
          actions.push(toCodeAction(uri, action, diagnostic ? [diagnostic] : []));
        }
      }
      if (wants(FIX_ALL_KIND)) {
        // Fix-all often runs on save, right after typing: the findings must match the text.
        const edits = fixAllEdits((await current()) ?? []);
        if (edits.length > 0) {
          actions.push(toCodeAction(uri, { title: 'Fix all auto-fixable Kubewise problems', kind: FIX_ALL_KIND, edits }, []));
        }
      }
      return actions;
    }),
  );
}
