/**
 * The Kubewise client: starts the language server over IPC, forwards settings and
 * `.kubewise.yaml` changes, registers the palette commands, and restarts the server
 * if it dies (telling the user once, not on every crash). It tells the server whether
 * the workspace is trusted: until it is, `.kubewise.yaml` and `kubewise.crdPaths` wait.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, TransportKind } from 'vscode-languageclient/node';
import { registerCniLanguage } from './cniLanguage';
import { registerSizing } from './sizing/commands';
import type {
  CloseHandlerResult,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';
import { showRuleDocs } from './ruleDocs';
import { registerFindingsStatusBar } from './statusBar';
import { registerWalkthrough } from './walkthrough';
import { registerWorkspaceStatus } from './workspaceStatus';
import { SERVER_EXEC_ARGV } from './serverLaunch';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Kubewise', { log: true });
  output.info(`Kubewise ${String(context.extension.packageJSON.version)} starting in VS Code ${vscode.version}.`);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    // Used when the extension runs from a checkout (F5, see forceDebug below): "Attach to
    // Server" in .vscode/launch.json attaches to this port, and the stacks the server
    // logs go through dist/server.js.map, which the VSIX does not ship.
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009', '--enable-source-maps'] },
    },
  };
  const selector = ['yaml', 'json'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    // Manifests too: a ResourceQuota in one file is checked against workloads in others.
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.kubewise.yaml'),
        vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json,conf,conflist}'),
        // kustomize also reads a kustomization named `Kustomization`, without an extension.
        vscode.workspace.createFileSystemWatcher('**/Kustomization'),
        // A folder deleted or renamed is reported as the folder alone, not as the manifests in
        // it: forward creates and deletes of every path, and the server walks or drops folders.
        vscode.workspace.createFileSystemWatcher('**/*', false, true, false),
      ],
    },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // Hovers link to the bundled rule docs through a command URI.
    markdown: { isTrusted: { enabledCommands: ['kubewise.showRuleDocs'] } },
    errorHandler: restartingErrorHandler(output),
    // A function, so a restarted server is told the trust of the moment, not of the first start.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
  };
  // The client's own test for debug mode looks for --inspect in the extension host's
  // arguments, which depends on how VS Code starts it; the extension mode does not.
  const forceDebug = context.extensionMode === vscode.ExtensionMode.Development;
  client = new LanguageClient('kubewise', 'Kubewise', serverOptions, clientOptions, forceDebug);
  registerCniLanguage(context);

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('kubewise.showRuleDocs', (ruleId?: unknown) => showRuleDocs(context, ruleId)),
    vscode.commands.registerCommand('kubewise.restartServer', async () => {
      await client?.restart();
      void vscode.window.showInformationMessage('Kubewise language server restarted.');
    }),
    vscode.commands.registerCommand('kubewise.showOutput', () => output.show(true)),
    // CodeLens "selects 2 Deployments": the server sends protocol shapes, VS Code's command wants its own.
    vscode.commands.registerCommand('kubewise.showReferences', (uri: string, position: unknown, locations: unknown[]) => {
      const converter = client?.protocol2CodeConverter;
      if (!converter) return;
      return vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(uri),
        converter.asPosition(position as Parameters<typeof converter.asPosition>[0]),
        locations.map((location) => converter.asLocation(location as Parameters<typeof converter.asLocation>[0])),
      );
    }),
    ...registerSizing(context, () => client),
    // A server starting at this moment reads isTrusted itself: a lost notification changes nothing.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification('kubewise/workspaceTrusted').catch(() => undefined);
    }),
  );
  registerWalkthrough(context);
  registerFindingsStatusBar(context);
  registerWorkspaceStatus(context, client, selector);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Restarts the server whenever it dies; the user hears about it once per session. */
function restartingErrorHandler(output: vscode.LogOutputChannel): ErrorHandler {
  let told = false;
  return {
    error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
    closed: (): CloseHandlerResult => {
      output.warn(`The Kubewise language server stopped; restarting it.`);
      if (!told) {
        told = true;
        void vscode.window
          .showWarningMessage('The Kubewise language server stopped unexpectedly and was restarted.', 'Show Output')
          .then((choice) => (choice ? output.show(true) : undefined));
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
