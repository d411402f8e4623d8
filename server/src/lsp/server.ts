/**
 * LSP glue: documents in, diagnostics, hovers and code actions out. All judgement
 * lives in the language service; this file only schedules work and converts shapes.
 * Every handler is guarded: a bug in one request must never end the server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  CompletionItemKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import type { CodeAction, CompletionItem, Connection, Diagnostic, InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../service/config/config';
import { ChunkCache } from '../service/engine/chunkCache';
import { checkTextWithFacts, DEFAULT_MAX_FILE_SIZE_BYTES } from '../service/engine/checkFile';
import type { CheckOptions } from '../service/engine/checkFile';
import { WorkspaceIndex } from './workspaceIndex';
import { isHelmChartTemplatePath } from '../service/document/textGuards';
import { fixAllEdits, quickFixes } from '../service/features/codeActions';
import { hoverAt } from '../service/features/hover';
import { cniCompletions } from '../service/features/cniCompletion';
import type { HoverContext } from '../service/features/hover';
import type { Finding } from '../service/core/types';
import { fromDiagnostic, toCodeAction, toDiagnostic } from './convert';
import { ConfigFiles, DEFAULT_CLIENT_SETTINGS, resolveDocumentSettings, sanitizeClientSettings } from './settings';
import type { ClientSettings } from './settings';
import { URI } from './uri';

/** Long enough to coalesce a burst of keystrokes, short enough to feel immediate. */
const DEBOUNCE_MS = 120;
const FIX_ALL_KIND = 'source.fixAll.kubewise';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const caches = new Map<string, ChunkCache>();
  /** The latest findings per document, with the version they were computed for. */
  const findingsByUri = new Map<string, { version: number; findings: Finding[] }>();
  const clientSettings = new Map<string, Promise<ClientSettings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Config files we published problems for, so a fixed file gets its diagnostics cleared. */
  const publishedConfigFiles = new Set<string>();
  let workspaceFolders: string[] = [];
  let canPullConfiguration = false;
  let supportsFolderChanges = false;
  /** The client applies workspace edits that rename files (the `.conf` → `.conflist` fix). */
  let canRenameFiles = false;

  /** The open document for a file, matched by path: VS Code and Node spell some URIs differently. */
  const openDocumentAt = (uri: string): TextDocument | undefined => {
    const exact = documents.get(uri);
    if (exact) return exact;
    const filePath = URI.toPath(uri);
    return filePath === undefined ? undefined : documents.all().find((document) => URI.toPath(document.uri) === filePath);
  };

  const workspaceIndex = new WorkspaceIndex(() => DEFAULT_MAX_FILE_SIZE_BYTES);
  const configFiles = new ConfigFiles(
    () => workspaceFolders,
    (uri) => openDocumentAt(uri)?.getText(),
  );

  const guard =
    <A extends unknown[], R>(name: string, fallback: R, handler: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };

  connection.onInitialize((params): InitializeResult => {
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    canRenameFiles = workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('rename');
    supportsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        // Keys and values of CNI configs, from their schema.
        completionProvider: { triggerCharacters: ['"'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kubewise' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kubewise' }).catch(() => undefined);
    }
    void workspaceIndex.scan(workspaceFolders).then(revalidateAll);
    if (!supportsFolderChanges) return; // the library throws if the client cannot send them
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => folder.uri));
      workspaceFolders = [...workspaceFolders.filter((uri) => !removed.has(uri)), ...event.added.map((folder) => folder.uri)];
      configFiles.invalidate();
      void workspaceIndex.scan(event.added.map((folder) => folder.uri)).then(revalidateAll);
    });
  });

  const settingsFor = (uri: string): Promise<ClientSettings> => {
    if (!canPullConfiguration) return Promise.resolve(DEFAULT_CLIENT_SETTINGS);
    let pending = clientSettings.get(uri);
    if (!pending) {
      pending = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'kubewise' })
        .then(sanitizeClientSettings, () => DEFAULT_CLIENT_SETTINGS);
      clientSettings.set(uri, pending);
    }
    return pending;
  };

  const validate = guard('validate', undefined, async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const client = await settingsFor(uri);
    const configFile = configFiles.forDocument(uri);
    const settings = resolveDocumentSettings(client, configFile);
    if (documents.get(uri)?.version !== version) return; // a newer edit has its own run queued
    const isConfigFile = path.basename(URI.toPath(uri) ?? '') === CONFIG_FILE_NAME;
    let findings: Finding[] = [];
    // Paths, not URI strings: VS Code and Node encode characters such as '@' differently.
    if (isConfigFile && configFile && URI.toPath(configFile.uri) === URI.toPath(uri)) {
      findings = configFile.parsed.findings;
    } else if (settings.enable) {
      const filePath = URI.toPath(uri);
      let cache = caches.get(uri);
      if (!cache) caches.set(uri, (cache = new ChunkCache()));
      const options: CheckOptions = {
        languageId: languageOf(document),
        severities: settings.severities,
        maxFileSizeBytes: settings.maxFileSizeBytes,
        ruleOptions: settings.ruleOptions,
        isHelmChartTemplate: filePath !== undefined && isHelmChartTemplatePath(filePath, fs.existsSync),
        cache,
      };
      if (filePath !== undefined) options.filePath = filePath;
      const checked = checkTextWithFacts(document.getText(), { ...options, workspace: workspaceIndex.othersThan(uri) });
      findings = checked.findings;
      // Other open files may sum this one's workloads into their ResourceQuota: re-check them.
      if (workspaceIndex.setFacts(uri, checked.facts)) revalidateOthers(uri);
    }
    findingsByUri.set(uri, { version, findings });
    void connection.sendDiagnostics({ uri, version, diagnostics: findings.map(toDiagnostic) });
    publishConfigProblems(configFile);
  });

  /** A broken `.kubewise.yaml` is reported in that file even when it is not open. */
  const publishConfigProblems = (configFile: ReturnType<ConfigFiles['forDocument']>): void => {
    if (!configFile || openDocumentAt(configFile.uri)) return;
    const diagnostics: Diagnostic[] = configFile.parsed.findings.map(toDiagnostic);
    if (diagnostics.length === 0 && !publishedConfigFiles.has(configFile.uri)) return;
    if (diagnostics.length > 0) publishedConfigFiles.add(configFile.uri);
    else publishedConfigFiles.delete(configFile.uri);
    void connection.sendDiagnostics({ uri: configFile.uri, diagnostics });
  };

  const schedule = (uri: string, delay: number): void => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, delay),
    );
  };

  const revalidateAll = (): void => {
    for (const document of documents.all()) schedule(document.uri, 0);
  };

  const revalidateOthers = (uri: string): void => {
    for (const document of documents.all()) if (document.uri !== uri) schedule(document.uri, DEBOUNCE_MS);
  };

  // TextDocuments reports an open as a content change too: the first check of a
  // document runs at once, later ones wait for a pause in typing.
  documents.onDidChangeContent((event) => {
    if (path.basename(URI.toPath(event.document.uri) ?? '') === CONFIG_FILE_NAME) {
      configFiles.invalidate(event.document.uri);
      revalidateAll();
    } else {
      schedule(event.document.uri, findingsByUri.has(event.document.uri) ? DEBOUNCE_MS : 0);
    }
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    caches.delete(uri);
    findingsByUri.delete(uri);
    clientSettings.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    void workspaceIndex.closed(uri).then(
      (changed) => changed && revalidateAll(),
      () => undefined,
    );
  });

  connection.onDidChangeConfiguration(() => {
    clientSettings.clear();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(
    guard('watchedFiles', undefined, async (event: { changes: { uri: string; type: number }[] }) => {
      let changed = false;
      for (const change of event.changes) {
        if (path.basename(URI.toPath(change.uri) ?? '') === CONFIG_FILE_NAME) {
          configFiles.invalidate(change.uri);
          changed = true;
        } else if (!openDocumentAt(change.uri)) {
          changed = (await workspaceIndex.fileChanged(change.uri, change.type === FileChangeType.Deleted)) || changed;
        }
      }
      if (changed) revalidateAll();
    }),
  );

  connection.onHover(
    guard('hover', null, (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const findings = findingsByUri.get(params.textDocument.uri)?.findings ?? [];
      const context: HoverContext = { workspace: workspaceIndex.othersThan(params.textDocument.uri) };
      const filePath = URI.toPath(params.textDocument.uri);
      if (filePath !== undefined) context.filePath = filePath;
      const hover = hoverAt(document.getText(), languageOf(document), findings, params.position, context);
      return hover ? { contents: { kind: 'markdown' as const, value: hover.markdown }, range: hover.range } : null;
    }),
  );

  connection.onCompletion(
    guard('completion', [] as CompletionItem[], (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const filePath = URI.toPath(params.textDocument.uri);
      return cniCompletions(document.getText(), languageOf(document), params.position, filePath).map((item): CompletionItem => {
        const completion: CompletionItem = {
          label: item.label,
          kind: item.kind === 'property' ? CompletionItemKind.Property : CompletionItemKind.Value,
          textEdit: { range: item.range, newText: item.newText },
          // The editor filters by the text under the cursor, quote included.
          filterText: item.newText,
        };
        if (item.detail) completion.detail = item.detail;
        if (item.documentation) completion.documentation = { kind: 'markdown', value: item.documentation };
        return completion;
      });
    }),
  );

  connection.onCodeAction(
    guard('codeAction', [] as CodeAction[], async (params) => {
      const uri = params.textDocument.uri;
      const document = documents.get(uri);
      if (!document) return [];
      const only = params.context.only;
      const actions: CodeAction[] = [];
      const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      if (wants(CodeActionKind.QuickFix)) {
        const pairs = params.context.diagnostics
          .map((diagnostic) => ({ diagnostic, finding: fromDiagnostic(diagnostic) }))
          .filter((pair): pair is { diagnostic: Diagnostic; finding: Finding } => pair.finding !== undefined);
        for (const action of quickFixes(
          document.getText(),
          pairs.map((pair) => pair.finding),
          { languageId: languageOf(document), canRename: canRenameFiles },
        )) {
          const diagnostic = pairs.find((pair) => pair.finding === action.finding)?.diagnostic;
          actions.push(toCodeAction(uri, action, diagnostic ? [diagnostic] : []));
        }
      }
      if (wants(FIX_ALL_KIND)) {
        // Fix-all often runs on save, right after typing: make sure the findings match the text.
        if (findingsByUri.get(uri)?.version !== document.version) await validate(uri);
        const edits = fixAllEdits(findingsByUri.get(uri)?.findings ?? []);
        if (edits.length > 0) {
          actions.push(toCodeAction(uri, { title: 'Fix all auto-fixable Kubewise problems', kind: FIX_ALL_KIND, edits }, []));
        }
      }
      return actions;
    }),
  );

  documents.listen(connection);
  connection.listen();
}

/** JSON for JSON documents and for CNI configs (`.conf`, `.conflist`), whatever language the editor gave them. */
function languageOf(document: TextDocument): 'yaml' | 'json' {
  if (document.languageId === 'json') return 'json';
  return /\.(?:conf|conflist)$/i.test(URI.toPath(document.uri) ?? document.uri) ? 'json' : 'yaml';
}
