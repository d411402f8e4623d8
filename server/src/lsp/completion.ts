/**
 * LSP glue for completion: converts the service's entries (features/completion.ts) to
 * LSP completion items. Registered from server.ts; the judgement is all in the service.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver/node';
import type { CompletionItem, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt } from '../service/features/completion';
import type { CompletionEntry } from '../service/features/completion';
import type { HoverContext } from '../service/features/hover';
import { workspaceSchemas } from '../service/features/workspaceSchemas';

/** What the client types that should open the list: a new key after indentation, a value after `: `. */
export const COMPLETION_TRIGGERS = [' ', ':'];

/** `contextOf` gives the workspace's other files' facts: custom resources complete from their CRDs. */
export function registerCompletion(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  contextOf: (uri: string) => HoverContext,
): void {
  connection.onCompletion((params): CompletionItem[] => {
    try {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const languageId = document.languageId === 'json' ? 'json' : 'yaml';
      const text = document.getText();
      const schemas = workspaceSchemas(text, languageId, contextOf(params.textDocument.uri));
      return completeAt(text, languageId, params.position, schemas).map(toCompletionItem);
    } catch (error) {
      connection.console.error(`completion failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    }
  });
}

function toCompletionItem(entry: CompletionEntry): CompletionItem {
  const item: CompletionItem = {
    label: entry.label,
    kind:
      entry.kind === 'field'
        ? CompletionItemKind.Property
        : entry.kind === 'value'
          ? CompletionItemKind.Value
          : CompletionItemKind.Snippet,
    insertText: entry.insertText,
    insertTextFormat: entry.kind === 'snippet' ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: entry.sortText,
  };
  if (entry.detail) item.detail = entry.detail;
  if (entry.documentation) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
  return item;
}
