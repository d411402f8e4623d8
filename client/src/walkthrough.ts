/**
 * The first-run walkthrough's commands (package.json `contributes.walkthroughs`, pages in
 * media/walkthrough/): open a sample manifest with mistakes, as an untitled file the
 * user may edit and fix, and open the walkthrough itself from the palette.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export const WALKTHROUGH_ID = 'kubewise.gettingStarted';

export function registerWalkthrough(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('kubewise.openSample', async () => {
      const sample = context.asAbsolutePath('media/walkthrough/sample-deployment.yaml');
      const content = fs.readFileSync(sample, 'utf8');
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    }),
    vscode.commands.registerCommand('kubewise.getStarted', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false),
    ),
  );
}
