/**
 * `textDocument/hover`: the language service's explanation at the position, with the
 * user's size limit and rule options, the facts of the check on screen and the file's
 * kustomization inputs; on a Service's keys, the Service's own view joins it.
 */
import type { Connection, HoverParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../service/features/hover';
import type { HoverContext } from '../service/features/hover';
import type { Finding } from '../service/core/types';
import type { DocumentFacts } from '../service/facts/factKind';
import { languageOf } from './documentLanguage';
import type { Guard } from './guard';
import type { Navigation } from './navigation';
import type { PulledSettings } from './pulledSettings';
import { resolveDocumentSettings } from './settings';
import type { ConfigFiles } from './settings';
import { URI } from './uri';
import type { WorkspaceSync } from './workspaceSync';

export interface HoverSources {
  documents: TextDocuments<TextDocument>;
  pulled: PulledSettings;
  configFiles: ConfigFiles;
  workspace: WorkspaceSync;
  navigation: Navigation;
  /** The document's latest check: its findings, and the facts of its text at that version. */
  checked: (uri: string) => { version: number; findings: Finding[]; facts?: DocumentFacts[] } | undefined;
}

export function registerHover(connection: Connection, guard: Guard, sources: HoverSources): void {
  const { documents, pulled, configFiles, workspace, navigation } = sources;
  connection.onHover(
    guard('hover', null, async (params: HoverParams) => {
      const uri = params.textDocument.uri;
      const document = documents.get(uri);
      if (!document) return null;
      const languageId = languageOf(document);
      const findings = sources.checked(uri)?.findings ?? [];
      // The user's size limit (a file the check skips gets no hover) and rule options (series per target).
      const settings = resolveDocumentSettings(await pulled.kubewiseFor(uri), configFiles.forDocument(uri));
      if (documents.get(uri) !== document) return null;
      const filePath = URI.toPath(uri);
      const inputs = filePath === undefined ? undefined : workspace.kustomize.roleOf(filePath, document.getText())?.inputs;
      // The facts of the check on screen, when it is of this text: a label hover needs no check of its own.
      const checked = sources.checked(uri);
      const context: HoverContext = {
        workspace: workspace.othersThan(filePath ?? uri),
        ...(checked?.version === document.version && checked.facts ? { ownFacts: checked.facts } : {}),
        ruleOptions: settings.ruleOptions,
        filePath,
        ...(inputs ? { kustomize: inputs } : {}),
      };
      const limits = { maxFileSizeBytes: settings.maxFileSizeBytes };
      const here = hoverAt(document.getText(), languageId, findings, params.position, limits, context);
      // On a Service's `name:`, `type:` or `selector:` key the field's explanation answers too: show both.
      const service = navigation.hover(uri, params.position);
      const hover =
        here && service ? { markdown: `${here.markdown}\n\n---\n\n${service.markdown}`, range: here.range } : (here ?? service);
      return hover ? { contents: { kind: 'markdown' as const, value: hover.markdown }, range: hover.range } : null;
    }),
  );
}
