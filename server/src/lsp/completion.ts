/**
 * LSP glue for completion: converts the service's entries (features/completion.ts for
 * manifests, features/cniCompletion.ts for CNI configs, kustomizeNavigation.ts here for a
 * kustomization's paths) to LSP completion items.
 * Registered from server.ts; the judgement is all in the service.
 */
import type { ReadScope } from '../host/readScope';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver/node';
import type { CompletionItem, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt } from '../service/features/completion';
import type { CompletionEntry } from '../service/features/completion';
import { cniCompletions } from '../service/features/cniCompletion';
import type { CompletionDescription } from '../service/features/cniCompletion';
import { kustomizeCompletions } from './kustomizeNavigation';
import { URI } from './uri';
import type { HoverContext } from '../service/features/hover';
import { workspaceSchemas } from '../service/features/workspaceSchemas';

/**
 * What the client types that should open the list: a new key after indentation, a value after
 * `: `; in a CNI config (JSON), the quote that opens a key or a string value; in a
 * kustomization's path, the `/` that enters a folder.
 */
export const COMPLETION_TRIGGERS = [' ', ':', '"', '/'];

/** `contextOf` gives the workspace's other files' facts: custom resources complete from their CRDs. */
export function registerCompletion(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  contextOf: (uri: string) => HoverContext,
  languageOf: (document: TextDocument) => 'yaml' | 'json',
  scope: ReadScope,
): void {
  connection.onCompletion((params): CompletionItem[] => {
    try {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const languageId = languageOf(document);
      // A kustomization's paths: the files and folders beside it.
      const paths = languageId === 'yaml' ? kustomizeCompletions(document, params.position, scope) : [];
      if (paths.length > 0) return paths;
      const text = document.getText();
      // A CNI config (a file, or the JSON in a ConfigMap or NetworkAttachmentDefinition string)
      // is completed from its own schema; everything else from the Kubernetes kinds.
      const cni = cniCompletions(text, languageId, params.position, URI.toPath(params.textDocument.uri));
      if (cni.length > 0) return cni.map(toCniCompletionItem);
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

function toCniCompletionItem(entry: CompletionDescription): CompletionItem {
  const item: CompletionItem = {
    label: entry.label,
    kind: entry.kind === 'property' ? CompletionItemKind.Property : CompletionItemKind.Value,
    textEdit: { range: entry.range, newText: entry.newText },
    // The editor filters by the text under the cursor, quote included.
    filterText: entry.newText,
  };
  if (entry.detail) item.detail = entry.detail;
  if (entry.documentation) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
  return item;
}
