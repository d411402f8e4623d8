/**
 * LSP glue: documents in, diagnostics, hovers and code actions out. All judgement
 * lives in the language service; this file only schedules work and converts shapes.
 * Every handler is guarded: a bug in one request must never end the server.
 */
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import type { Connection, Diagnostic, InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../service/config/config';
import { ChunkCache } from '../service/engine/chunkCache';
import { checkTextWithFacts } from '../service/engine/checkFile';
import type { CheckOptions } from '../service/engine/checkFile';
import { isHelmChartTemplateOnDisk, realPathOf } from '../host/manifestFile';
import { isKustomizationFileName } from '../service/kustomize/kustomization';
import { kubewiseVersion } from '../host/version';
import type { Finding } from '../service/core/types';
import type { DocumentFacts } from '../service/facts/factKind';
import { COMPLETION_TRIGGERS, registerCompletion } from './completion';
import { toDiagnostic } from './convert';
import { EditFocus, findingsToPublish } from './diagnosticLimit';
import { FIX_ALL_KIND, registerCodeActions } from './codeActionRequests';
import { registerHover } from './hoverRequest';
import { isConfigFileUri, languageOf } from './documentLanguage';
import { guardFor } from './guard';
import { PulledSettings } from './pulledSettings';
import { ConfigFiles, resolveDocumentSettings } from './settings';
import type { ConfigFile } from './settings';
import { URI } from './uri';
import { Activity } from './activity';
import { CheckScheduler, DEBOUNCE_MS } from './checkScheduler';
import { folderSetup, WorkspaceSync } from './workspaceSync';
import { crdFactsOnly } from '../host/crdFolders';
import { Navigation, navigationCapabilities } from './navigation';
import { registerEstimateRequests } from './estimate';
import { registerWorkspaceStatus } from './workspaceStatus';
import { WorkspaceTrust } from './trust';

/** Sent while the workspace is walked: how many files are read of how many found. */
const INDEXING_METHOD = 'kubewise/indexing';

export function startServer(connection: Connection): void {
  const focus = new EditFocus();
  const documents = new TextDocuments(focus.documentsConfiguration(TextDocument));
  const caches = new Map<string, ChunkCache>();
  /** The latest findings per document, with the version they were computed for. */
  const findingsByUri = new Map<string, { version: number; findings: Finding[]; facts?: DocumentFacts[] }>();
  const pulled = new PulledSettings(connection);
  const activity = new Activity();
  /** Config files we published problems for, so a fixed file gets its diagnostics cleared. */
  const publishedConfigFiles = new Set<string>();
  let workspaceFolders: string[] = [];
  let supportsFolderChanges = false;
  /** The client applies workspace edits that rename files (the `.conf` → `.conflist` fix). */
  let canRenameFiles = false;
  let canRegisterConfiguration = false;

  /** Open documents by file path: the model and config lookup speak paths, the protocol URIs. */
  const openUriByPath = new Map<string, string>();
  const openText = (filePath: string): string | undefined => {
    const uri = openUriByPath.get(filePath);
    return uri === undefined ? undefined : documents.get(uri)?.getText();
  };
  const folderPaths = (): string[] =>
    workspaceFolders.map((uri) => URI.toPath(uri)).filter((folderPath): folderPath is string => !!folderPath);

  const trust = new WorkspaceTrust();
  const configFiles = new ConfigFiles(() => workspaceFolders, openText, trust);
  const workspace = new WorkspaceSync(
    (folderPath) => folderSetup(folderPath, pulled, configFiles, trust),
    (message) => connection.console.info(message),
    (read, total) => void connection.sendNotification(INDEXING_METHOD, { read, total }).catch(() => undefined),
  );
  const navigation = new Navigation(workspace.model, documents, workspace.kustomize.scope);

  // `kubewise/status` and `kubewise/checkWorkspace`; logs what the server indexed after each walk.
  const status = registerWorkspaceStatus({
    connection,
    documents,
    pulled,
    configFiles,
    workspace,
    folderPaths,
    whenIdle: () => activity.whenIdle(),
  });

  const guard = guardFor(connection);

  connection.onInitialize((params): InitializeResult => {
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
    pulled.canPull = params.capabilities.workspace?.configuration === true;
    pulled.push(params.initializationOptions);
    trust.readInitializationOptions(params.initializationOptions);
    canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    canRenameFiles = workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('rename');
    supportsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...navigationCapabilities,
      },
      serverInfo: { name: 'kubewise', version: kubewiseVersion() },
    };
  });

  // Trust granted: read the config files and crdPaths now, walk again, re-check what is open.
  trust.onGranted(connection, () => {
    configFiles.invalidate();
    pulled.clear();
    refreshWorkspace(true);
  });

  connection.onInitialized(() => {
    // Only a client that registers dynamically: others send every change anyway (or log an error).
    if (pulled.canPull && canRegisterConfiguration) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: ['kubewise', 'files.exclude'] })
        .catch(() => undefined);
    }
    refreshWorkspace(true);
    if (!supportsFolderChanges) return; // the library throws if the client cannot send them
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => folder.uri));
      workspaceFolders = [...workspaceFolders.filter((uri) => !removed.has(uri)), ...event.added.map((folder) => folder.uri)];
      configFiles.invalidate();
      refreshWorkspace(true);
    });
  });

  /** Re-reads what the walk depends on and re-walks where it changed; re-checks open documents after. */
  const refreshWorkspace = (always: boolean): void => {
    void activity.track(
      workspace.refresh(folderPaths()).then(
        (changed) => {
          status.walked();
          if (changed || always) revalidateAll();
        },
        (error: unknown) => connection.console.error(`workspace scan failed: ${String(error)}`),
      ),
    );
  };

  const validate = guard('validate', undefined, async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const client = await pulled.kubewiseFor(uri);
    const configFile = configFiles.forDocument(uri);
    const settings = resolveDocumentSettings(client, configFile);
    if (documents.get(uri)?.version !== version) return; // a newer edit has its own run queued
    const filePath = URI.toPath(uri);
    let findings: Finding[] = [];
    let ownFacts: DocumentFacts[] | undefined;
    if (filePath !== undefined && path.basename(filePath) === CONFIG_FILE_NAME && configFile?.path === filePath) {
      findings = configFile.parsed.findings;
    } else if (settings.enable) {
      let cache = caches.get(uri);
      if (!cache) caches.set(uri, (cache = new ChunkCache()));
      const options: CheckOptions = {
        languageId: languageOf(document),
        severities: settings.severities,
        maxFileSizeBytes: settings.maxFileSizeBytes,
        ruleOptions: settings.ruleOptions,
        isHelmChartTemplate: filePath !== undefined && isHelmChartTemplateOnDisk(filePath),
        cache,
      };
      if (filePath !== undefined) {
        options.filePath = filePath;
        // The live text of a kustomization decides which files are its patches, before any is checked.
        if (isKustomizationFileName(path.basename(filePath)) && workspace.kustomize.set(filePath, document.getText())) {
          revalidateOthers(uri);
        }
        const role = workspace.kustomize.roleOf(filePath, document.getText());
        if (role) options.kustomize = role;
      }
      const others = workspace.othersThan(filePath ?? uri);
      const incremental = cache.size > 0;
      const started = performance.now();
      const checked = checkTextWithFacts(document.getText(), { ...options, workspace: others });
      scheduler.checked(uri, performance.now() - started, incremental);
      findings = checked.findings;
      ownFacts = checked.facts;
      // An open document is always checked, but only a file the walk would include
      // counts for the others, as in the CLI. Other open files may sum this one's
      // workloads into their ResourceQuota: re-check them when its facts change.
      if (filePath !== undefined && workspace.includes(filePath)) {
        if (workspace.model.setLive(filePath, checked.facts, realPathOf(filePath))) revalidateOthers(uri);
      } else if (filePath !== undefined && workspace.onlyCrds(filePath)) {
        // A file of a `crdPaths` folder, open: its unsaved CRDs apply, as a workspace file's would.
        if (workspace.model.setLive(filePath, crdFactsOnly(checked.facts), realPathOf(filePath))) revalidateOthers(uri);
      }
    }
    if (await scheduler.overtaken(version, () => documents.get(uri)?.version)) return;
    const first = !findingsByUri.has(uri);
    findingsByUri.set(uri, { version, findings, ...(ownFacts ? { facts: ownFacts } : {}) });
    const published = findingsToPublish(findings, settings.maxDiagnosticsPerFile, focus.lineOf(uri), settings.severities);
    void connection.sendDiagnostics({ uri, version, diagnostics: published.map(toDiagnostic) });
    // The first keystroke's update needs the document's line index, which TextDocument makes
    // when first asked (12 ms at 5,000 documents): made now, while the user reads.
    if (first) setImmediate(() => documents.get(uri)?.lineCount);
    publishConfigProblems(configFile);
  });

  /** A broken `.kubewise.yaml` is reported in that file even when it is not open. */
  const publishConfigProblems = (configFile: ConfigFile | undefined): void => {
    if (!configFile || openUriByPath.has(configFile.path)) return;
    const diagnostics: Diagnostic[] = configFile.parsed.findings.map(toDiagnostic);
    if (diagnostics.length === 0 && !publishedConfigFiles.has(configFile.uri)) return;
    if (diagnostics.length > 0) publishedConfigFiles.add(configFile.uri);
    else publishedConfigFiles.delete(configFile.uri);
    void connection.sendDiagnostics({ uri: configFile.uri, diagnostics });
  };

  const scheduler = new CheckScheduler(activity, (uri) => validate(uri));

  const revalidateAll = (): void => {
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
  };

  const revalidateOthers = (uri: string): void => {
    for (const document of documents.all()) if (document.uri !== uri) scheduler.schedule(document.uri, DEBOUNCE_MS);
  };

  documents.onDidOpen((event) => {
    const filePath = URI.toPath(event.document.uri);
    if (filePath !== undefined) openUriByPath.set(filePath, event.document.uri);
  });
  // TextDocuments reports an open as a content change too: the first check of a
  // document runs at once, later ones wait for a pause in typing.
  documents.onDidChangeContent((event) => {
    if (isConfigFileUri(event.document.uri)) {
      configFiles.invalidate();
      revalidateAll();
      refreshWorkspace(false); // its `ignore:` may have changed
    } else {
      const uri = event.document.uri;
      scheduler.schedule(uri, findingsByUri.has(uri) ? scheduler.waitAfterEdit(uri) : 0);
    }
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    const filePath = URI.toPath(uri);
    scheduler.forget(uri);
    caches.delete(uri);
    findingsByUri.delete(uri);
    focus.forget(uri);
    pulled.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    if (filePath === undefined) return;
    openUriByPath.delete(filePath);
    if (path.basename(filePath) === CONFIG_FILE_NAME) {
      configFiles.invalidate(); // the text on disk applies again
      revalidateAll();
      refreshWorkspace(false);
      return;
    }
    void activity.track(
      workspace.closed(filePath).then(
        (changed) => changed && revalidateAll(),
        () => undefined,
      ),
    );
  });

  connection.onDidChangeConfiguration((change) => {
    pulled.push(change.settings);
    pulled.clear();
    revalidateAll();
    refreshWorkspace(false); // `files.exclude` or the size limit may have changed what is indexed
  });

  // Created, changed and deleted files (a rename is a delete and a create). A config
  // file change re-reads the configuration and its `ignore:` globs.
  const watchedFilesChanged = guard('watchedFiles', undefined, async (event: { changes: { uri: string; type: number }[] }) => {
    const configChanged = event.changes.some((change) => isConfigFileUri(change.uri));
    if (configChanged) configFiles.invalidate(); // at once: a document opened next must see it
    let changed = false;
    for (const change of event.changes) {
      const filePath = URI.toPath(change.uri);
      if (filePath === undefined || isConfigFileUri(change.uri)) continue;
      changed = (await workspace.fileChanged(filePath, change.type === FileChangeType.Deleted)) || changed;
    }
    if (configChanged) await workspace.refresh(folderPaths());
    if (changed || configChanged) revalidateAll();
    status.walked();
  });
  connection.onDidChangeWatchedFiles((event) => void activity.track(watchedFilesChanged(event)));
  // For tests and tools: answers once every check and disk task in progress has finished.
  connection.onRequest('kubewise/whenIdle', () => activity.whenIdle().then(() => null));

  registerHover(connection, guard, {
    documents,
    pulled,
    configFiles,
    workspace,
    navigation,
    checked: (uri) => findingsByUri.get(uri),
  });

  registerCompletion(
    connection,
    documents,
    (uri) => ({ workspace: workspace.model.othersThan(URI.toPath(uri) ?? uri) }),
    languageOf,
    workspace.kustomize.scope,
  );

  registerCodeActions(connection, guard, {
    documents,
    checked: (uri) => findingsByUri.get(uri),
    validate,
    canRenameFiles: () => canRenameFiles,
  });

  navigation.register(connection, guard);

  registerEstimateRequests(connection, documents, () => workspaceFolders);
  documents.listen(connection);
  connection.listen();
}
