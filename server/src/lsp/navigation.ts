/**
 * LSP glue for navigation: go to definition, find references, the Outline, workspace
 * symbols, CodeLens and the Service hover. The judgement lives in service/features/
 * (workspaceIndex, navigation, symbols, serviceHover); this file converts paths to URIs
 * and shapes to the protocol's.
 */
import type { ReadScope } from '../host/readScope';
import { basename } from 'node:path';
import { Location, SymbolKind } from 'vscode-languageserver/node';
import type {
  CodeLens,
  Connection,
  DocumentSymbol,
  ServerCapabilities,
  TextDocuments,
  WorkspaceSymbol,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { realPathOf } from '../host/manifestFile';
import type { WorkspaceModel } from '../host/workspaceModel';
import type { Position } from '../service/core/types';
import type { HoverResult } from '../service/features/hoverResult';
import { codeLenses, definitionAt, referencesAt } from '../service/features/navigation';
import { serviceHoverAt } from '../service/features/serviceHover';
import { documentSymbols, workspaceSymbols } from '../service/features/symbols';
import type { OutlineSymbol } from '../service/features/symbols';
import { WorkspaceIndex } from '../service/features/workspaceIndex';
import type { Place } from '../service/features/workspaceIndex';
import { kustomizeDefinition } from './kustomizeNavigation';
import { URI } from './uri';
import type { Guard } from './guard';

/** What the initialize result announces for navigation. */
export const navigationCapabilities: ServerCapabilities = {
  definitionProvider: true,
  referencesProvider: true,
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  codeLensProvider: { resolveProvider: false },
};

export class Navigation {
  constructor(
    private readonly model: WorkspaceModel,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly scope: ReadScope,
  ) {}

  register(connection: Connection, guard: Guard): void {
    connection.onDefinition(
      guard('definition', [] as Location[], (params) => {
        // In a kustomization, its paths and patch targets; elsewhere, the links between objects.
        const kustomize = kustomizeDefinition(this.documents, params.textDocument.uri, params.position, this.scope);
        return kustomize.length > 0 ? kustomize : this.at(params.textDocument.uri, params.position, definitionAt);
      }),
    );
    connection.onReferences(
      guard('references', [] as Location[], (params) =>
        this.at(params.textDocument.uri, params.position, (index, path, position) =>
          referencesAt(index, path, position, params.context.includeDeclaration),
        ),
      ),
    );
    connection.onDocumentSymbol(
      guard('documentSymbol', [] as DocumentSymbol[], (params) => {
        const document = this.documents.get(params.textDocument.uri);
        if (!document) return [];
        const fileName = basename(URI.toPath(document.uri) ?? '');
        return documentSymbols(document.getText(), document.languageId === 'json' ? 'json' : 'yaml', fileName).map(
          toDocumentSymbol,
        );
      }),
    );
    connection.onWorkspaceSymbol(
      guard('workspaceSymbol', [] as WorkspaceSymbol[], (params) =>
        workspaceSymbols(this.index(), params.query).map((symbol) => ({
          name: symbol.name,
          kind: SymbolKind.Class,
          containerName: symbol.namespace,
          location: toLocation(symbol.place),
        })),
      ),
    );
    connection.onCodeLens(
      guard('codeLens', [] as CodeLens[], (params) => {
        const path = this.pathOf(params.textDocument.uri);
        if (path === undefined) return [];
        return codeLenses(this.index(), path).map((lens): CodeLens => ({
          range: lens.range,
          command: {
            title: lens.title,
            command: lens.places.length > 0 ? 'kubewise.showReferences' : '',
            arguments: [params.textDocument.uri, lens.range.start, lens.places.map(toLocation)],
          },
        }));
      }),
    );
  }

  /** The Service hover, for the hover handler to offer when nothing else is under the cursor. */
  hover(uri: string, position: Position): HoverResult | undefined {
    const path = this.pathOf(uri);
    if (path === undefined) return undefined;
    return serviceHoverAt(this.index(), path, position, (place) => {
      const line = place.range.start.line + 1;
      return `${URI.fromPath(place.path)}#L${line}`;
    });
  }

  private at(
    uri: string,
    position: Position,
    find: (index: WorkspaceIndex, path: string, position: Position) => Place[],
  ): Location[] {
    const path = this.pathOf(uri);
    return path === undefined ? [] : find(this.index(), path, position).map(toLocation);
  }

  /** The model's key for the document: its real path. */
  private pathOf(uri: string): string | undefined {
    const path = URI.toPath(uri);
    return path === undefined ? undefined : realPathOf(path);
  }

  private index(): WorkspaceIndex {
    return new WorkspaceIndex(this.model.files());
  }
}

function toLocation(place: Place): Location {
  return Location.create(URI.fromPath(place.path), place.range);
}

const SYMBOL_KINDS: Record<OutlineSymbol['kind'], SymbolKind> = {
  object: SymbolKind.Class,
  container: SymbolKind.Field,
  group: SymbolKind.Namespace,
  path: SymbolKind.File,
  'inline-patch': SymbolKind.Object,
  generator: SymbolKind.Class,
  image: SymbolKind.Package,
};

function toDocumentSymbol(symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KINDS[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toDocumentSymbol),
  };
}
