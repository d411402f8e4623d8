/**
 * What the server tells about the workspace as a whole, for any client:
 *
 * - `kubewise/status` (request, and a notification after every walk): the version, the
 *   folders, the manifests indexed and the `.kubewise.yaml` files in use, or found and
 *   not applied because the workspace is not trusted. The server logs the same line, so
 *   the output channel says what it started with, and why a config file does nothing.
 * - `kubewise/checkWorkspace` (request, with work-done progress): checks every indexed
 *   file that is not open and publishes its diagnostics, so the Problems view lists
 *   every finding of the workspace; open documents are published as they are checked
 *   anyway. The diagnostics of a file stay until it is opened and closed, or the next
 *   Check Workspace.
 */
import type { KustomizeRole } from '../service/kustomize/inputs';
import type { CancellationToken, Connection, TextDocuments, WorkDoneProgressParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readManifest } from '../host/manifestFile';
import { kubewiseVersion } from '../host/version';
import { ChunkCache } from '../service/engine/chunkCache';
import { checkText } from '../service/engine/checkFile';
import { toDiagnostic } from './convert';
import { findingsToPublish } from './diagnosticLimit';
import type { PulledSettings } from './pulledSettings';
import type { ConfigFiles } from './settings';
import { resolveDocumentSettings } from './settings';
import { URI } from './uri';
import type { WorkspaceSync } from './workspaceSync';

export const STATUS_METHOD = 'kubewise/status';
export const CHECK_WORKSPACE_METHOD = 'kubewise/checkWorkspace';

export interface WorkspaceStatus {
  version: string;
  folders: string[];
  /** Manifests in the workspace index (what rules across files and Check Workspace see). */
  indexedFiles: number;
  /** The `.kubewise.yaml` files that apply to the folders, as paths. */
  configFiles: string[];
  /** False in an untrusted workspace: config files and `kubewise.crdPaths` wait for trust (lsp/trust.ts). */
  trusted: boolean;
  /** The config files found but not read, because the workspace is not trusted. */
  untrustedConfigFiles: string[];
}

export interface CheckWorkspaceResult {
  files: number;
  findings: number;
  cancelled: boolean;
}

export interface WorkspaceStatusDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  pulled: PulledSettings;
  configFiles: ConfigFiles;
  workspace: WorkspaceSync;
  folderPaths: () => string[];
  /** Resolves once the walk and the checks in progress are done. */
  whenIdle: () => Promise<void>;
}

export function registerWorkspaceStatus(deps: WorkspaceStatusDeps): { walked(): void } {
  const { connection } = deps;
  let lastLogged = '';
  connection.onRequest(STATUS_METHOD, () => statusOf(deps));
  connection.onRequest(CHECK_WORKSPACE_METHOD, (params: WorkDoneProgressParams | undefined, token: CancellationToken) =>
    checkWorkspace(deps, params?.workDoneToken, token).catch((error: unknown) => {
      connection.console.error(
        `Check Workspace failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return { files: 0, findings: 0, cancelled: true } satisfies CheckWorkspaceResult;
    }),
  );
  return {
    walked: () => {
      const status = statusOf(deps);
      const line = describeStatus(status);
      if (line !== lastLogged) connection.console.info(line); // once per change, not after every event
      lastLogged = line;
      void connection.sendNotification(STATUS_METHOD, status).catch(() => undefined);
    },
  };
}

export function statusOf(deps: Pick<WorkspaceStatusDeps, 'configFiles' | 'workspace' | 'folderPaths'>): WorkspaceStatus {
  const folders = deps.folderPaths();
  const found = folders.map((folder) => deps.configFiles.forFolder(folder)).filter((file) => file !== undefined);
  const pathsOf = (untrusted: boolean): string[] => [
    ...new Set(found.filter((file) => (file.untrusted === true) === untrusted).map((file) => file.path)),
  ];
  const keys = new Set(deps.workspace.model.paths().map((filePath) => deps.workspace.model.keyOf(filePath)));
  return {
    version: kubewiseVersion(),
    folders,
    indexedFiles: keys.size,
    configFiles: pathsOf(false),
    trusted: deps.configFiles.trusted,
    untrustedConfigFiles: pathsOf(true),
  };
}

export function describeStatus(status: WorkspaceStatus): string {
  const folders = status.folders.length === 0 ? 'no workspace folder' : plural(status.folders.length, 'workspace folder');
  const config = status.configFiles.length === 0 ? 'no .kubewise.yaml (defaults)' : status.configFiles.join(', ');
  const ignored = [...status.untrustedConfigFiles, 'kubewise.crdPaths'];
  const listed = ignored.length === 1 ? `${ignored[0]} is` : `${ignored.slice(0, -1).join(', ')} and ${ignored.at(-1)} are`;
  const untrusted = status.trusted ? '' : ` The workspace is not trusted: ${listed} not applied until it is.`;
  return `Kubewise ${status.version}: ${plural(status.indexedFiles, 'manifest')} indexed in ${folders}; configuration: ${config}.${untrusted}`;
}

async function checkWorkspace(
  deps: WorkspaceStatusDeps,
  workDoneToken: string | number | undefined,
  token: CancellationToken,
): Promise<CheckWorkspaceResult> {
  const { connection, documents, workspace } = deps;
  const progress = await connection.window.attachWorkDoneProgress(workDoneToken);
  progress.begin('Kubewise: checking the workspace', 0, 'Indexing…', true);
  try {
    await deps.whenIdle();
    const seen = new Set<string>();
    const files = workspace.model.paths().filter((filePath) => {
      const key = workspace.model.keyOf(filePath);
      if (seen.has(key)) return false; // a symlink and its target are one file
      seen.add(key);
      return true;
    });
    const open = new Set(documents.all().map((document) => URI.toPath(document.uri)));
    let findings = 0;
    for (const [index, filePath] of files.entries()) {
      if (token.isCancellationRequested) {
        return { files: index, findings, cancelled: true };
      }
      progress.report(Math.round((index / Math.max(1, files.length)) * 100), `${index + 1}/${files.length} ${filePath}`);
      if (open.has(filePath)) continue; // published by its own check
      const uri = URI.fromPath(filePath);
      const settings = resolveDocumentSettings(await deps.pulled.kubewiseFor(uri), deps.configFiles.forDocument(uri));
      const read = readManifest(filePath);
      if (!settings.enable || !read.ok) continue;
      const found = checkText(read.manifest.text, {
        ...read.manifest,
        filePath, // a CNI config's name says what it holds (.conf or .conflist)
        severities: settings.severities,
        maxFileSizeBytes: settings.maxFileSizeBytes,
        ruleOptions: settings.ruleOptions,
        cache: new ChunkCache(),
        workspace: workspace.othersThan(filePath),
        ...kustomizeOption(workspace.kustomize.roleOf(filePath)),
      });
      findings += found.length;
      const published = findingsToPublish(found, settings.maxDiagnosticsPerFile, 0, settings.severities);
      await connection.sendDiagnostics({ uri, diagnostics: published.map(toDiagnostic) });
      // Let other requests (hover, a keystroke's check) in between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { files: files.length, findings, cancelled: false };
  } finally {
    progress.done();
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The file's place in a kustomization tree, as an option only when it has one. */
function kustomizeOption(role: KustomizeRole | undefined): { kustomize?: KustomizeRole } {
  return role ? { kustomize: role } : {};
}
