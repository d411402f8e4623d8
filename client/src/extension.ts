/**
 * The Kubewise client: starts the language server over IPC, forwards settings and
 * `.kubewise.yaml` changes, registers the palette commands, and restarts the server
 * if it dies (telling the user once, not on every crash).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, TransportKind } from 'vscode-languageclient/node';
import { registerCniLanguage } from './cniLanguage';
import type {
  CloseHandlerResult,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Kubewise', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
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
      ],
    },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // Hovers link to the bundled rule docs through a command URI.
    markdown: { isTrusted: { enabledCommands: ['kubewise.showRuleDocs'] } },
    errorHandler: restartingErrorHandler(output),
  };
  client = new LanguageClient('kubewise', 'Kubewise', serverOptions, clientOptions);
  registerCniLanguage(context);

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('kubewise.showRuleDocs', (ruleId?: unknown) => showRuleDocs(context, ruleId)),
    vscode.commands.registerCommand('kubewise.restartServer', async () => {
      await client?.restart();
      void vscode.window.showInformationMessage('Kubewise language server restarted.');
    }),
    vscode.commands.registerCommand('kubewise.showOutput', () => output.show(true)),
  );
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

/** Opens the rule's bundled documentation page; with no rule given, asks which. */
async function showRuleDocs(context: vscode.ExtensionContext, ruleId: unknown): Promise<void> {
  const docsDir = context.asAbsolutePath(path.join('docs', 'rules'));
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (!id) {
    const ids = listRuleDocs(docsDir);
    if (ids.length === 0) {
      void vscode.window.showErrorMessage(
        'Kubewise: the rule documentation is missing from this installation; reinstall the extension.',
      );
      return;
    }
    id = await vscode.window.showQuickPick(ids, { placeHolder: 'Which Kubewise rule?' });
    if (!id) return;
  }
  const page = path.join(docsDir, `${id}.md`);
  if (!fs.existsSync(page)) {
    void vscode.window.showErrorMessage(`Kubewise has no documentation for '${id}'.`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(page));
}

function listRuleDocs(docsDir: string): string[] {
  try {
    return fs
      .readdirSync(docsDir)
      .filter((name) => name.endsWith('.md') && name !== 'README.md')
      .map((name) => name.slice(0, -3))
      .sort();
  } catch {
    return []; // a broken install: the caller says so in words, not with a stack trace
  }
}
