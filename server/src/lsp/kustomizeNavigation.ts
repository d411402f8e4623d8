/**
 * LSP glue for kustomization files: go to definition on their paths and patch targets,
 * and completion of their paths. The judgement is in service/features/
 * (kustomizeNavigation.ts, kustomizeCompletion.ts); this reads what they need from the
 * disk, through host/, and converts to the protocol's shapes. Other files get nothing here.
 */
import type { ReadScope } from '../host/readScope';
import * as path from 'node:path';
import { CompletionItemKind, Location } from 'vscode-languageserver/node';
import type { CompletionItem, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { folderLister } from '../host/folderListing';
import { inputsOf } from '../host/kustomizeIndex';
import type { Position } from '../service/core/types';
import { kustomizePathCompletions } from '../service/features/kustomizeCompletion';
import { kustomizeDefinitionAt } from '../service/features/kustomizeNavigation';
import { isKustomizationFileName } from '../service/kustomize/kustomization';
import { URI } from './uri';

/** The path of a kustomization file behind `uri`, or undefined for any other document. */
function kustomizationPath(uri: string): string | undefined {
  const filePath = URI.toPath(uri);
  return filePath !== undefined && isKustomizationFileName(path.basename(filePath)) ? filePath : undefined;
}

/** Where the path or patch target under the cursor leads; empty outside a kustomization. */
export function kustomizeDefinition(
  documents: TextDocuments<TextDocument>,
  uri: string,
  position: Position,
  scope: ReadScope,
): Location[] {
  const filePath = kustomizationPath(uri);
  const document = documents.get(uri);
  if (filePath === undefined || !document) return [];
  const text = document.getText();
  return kustomizeDefinitionAt(text, 'yaml', position, inputsOf(filePath, scope, text)).map((place) =>
    Location.create(URI.fromPath(place.path), place.range),
  );
}

/** Paths next to the kustomization for the entry under the cursor; empty outside one. */
export function kustomizeCompletions(document: TextDocument, position: Position, scope: ReadScope): CompletionItem[] {
  const filePath = kustomizationPath(document.uri);
  if (filePath === undefined) return [];
  return kustomizePathCompletions(document.getText(), 'yaml', position, folderLister(path.dirname(filePath), scope)).map(
    (completion): CompletionItem => ({
      label: completion.label,
      kind: completion.kind === 'folder' ? CompletionItemKind.Folder : CompletionItemKind.File,
      textEdit: { range: completion.range, newText: completion.newText },
      // The editor filters by the text the edit replaces: the whole path typed so far.
      filterText: completion.newText,
      sortText: completion.sortText,
    }),
  );
}
