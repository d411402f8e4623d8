/**
 * What the server indexed, at a glance and in the log: a language status item (the
 * `{}` in the status bar for YAML and JSON) with the version, the manifests indexed and
 * the configuration files in use, fed by the server's `kubewise/status` notification;
 * and "Kubewise: Check Workspace", which asks the server to check and publish every
 * indexed file, with progress, then opens the Problems view.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import type { LanguageClient, WorkDoneProgressBegin, WorkDoneProgressReport } from 'vscode-languageclient/node';

/** The shape of the server's `kubewise/status` (server/src/lsp/workspaceStatus.ts); the client does not import server code. */
interface WorkspaceStatus {
  version: string;
  folders: string[];
  indexedFiles: number;
  configFiles: string[];
  /** Absent from servers older than workspace trust. */
  trusted?: boolean;
  /** The config files found but not applied until the workspace is trusted. */
  untrustedConfigFiles?: string[];
}

interface CheckWorkspaceResult {
  files: number;
  findings: number;
  cancelled: boolean;
}

export function registerWorkspaceStatus(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  selector: vscode.DocumentSelector,
): void {
  const item = vscode.languages.createLanguageStatusItem('kubewise.status', selector);
  item.name = 'Kubewise';
  item.text = 'Kubewise';
  item.detail = 'indexing the workspace…';
  item.busy = true;
  item.command = { title: 'Show Output', command: 'kubewise.showOutput' };
  context.subscriptions.push(
    item,
    // While the server walks the workspace: how far it is.
    client.onNotification('kubewise/indexing', (progress: { read: number; total: number }) => {
      item.busy = true;
      item.detail = `indexing the workspace… ${progress.read} of ${progress.total} files`;
    }),
    client.onNotification('kubewise/status', (status: WorkspaceStatus) => {
      item.busy = false;
      item.text = `Kubewise ${status.version}`;
      const waiting = status.untrustedConfigFiles ?? [];
      // A config file that waits for trust is there: "no .kubewise.yaml" would say otherwise.
      const config =
        status.configFiles.length > 0
          ? status.configFiles.map((file) => path.basename(file)).join(', ')
          : waiting.length > 0
            ? `${waiting.map((file) => path.basename(file)).join(', ')} not applied`
            : 'no .kubewise.yaml';
      const restricted = status.trusted === false ? ' · Restricted Mode: .kubewise.yaml and crdPaths wait for trust' : '';
      item.detail = `${status.indexedFiles} manifest${status.indexedFiles === 1 ? '' : 's'} indexed · ${config}${restricted}`;
    }),
    vscode.commands.registerCommand('kubewise.checkWorkspace', () => checkWorkspace(client)),
  );
}

async function checkWorkspace(client: LanguageClient): Promise<void> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Kubewise: checking the workspace', cancellable: true },
    async (progress, cancellation) => {
      const token = `kubewise-check-${Date.now()}`;
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind === 'end') return;
        const step = value as WorkDoneProgressBegin | WorkDoneProgressReport;
        const increment = step.percentage === undefined ? undefined : step.percentage - reported;
        if (step.percentage !== undefined) reported = step.percentage;
        progress.report({ message: step.message, increment });
      });
      try {
        return await client.sendRequest<CheckWorkspaceResult>('kubewise/checkWorkspace', { workDoneToken: token }, cancellation);
      } finally {
        listener.dispose();
      }
    },
  );
  // Focus, not workbench.actions.view.problems: that one toggles, and closes a Problems view already open.
  await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
  if (result.cancelled) return;
  void vscode.window.showInformationMessage(
    `Kubewise checked ${result.files} manifest${result.files === 1 ? '' : 's'}; every finding is in the Problems view.`,
  );
}
