/**
 * CNI network configs are JSON: `.conflist` files get the JSON language from package.json
 * (as do `.conf` files under a `net.d` or `cni` folder). Any other `.conf` is VS Code's
 * "properties" (nginx.conf, say); one whose text is a JSON object naming a cniVersion is
 * switched to JSON when it opens, so it is checked and highlighted as what it is.
 */
import * as vscode from 'vscode';

const LOOKS_LIKE_CNI = /^\uFEFF?\s*\{[\s\S]{0,4000}"cniVersion"/;

export function registerCniLanguage(context: vscode.ExtensionContext): void {
  const adopt = (document: vscode.TextDocument): void => {
    if (document.languageId === 'json' || !/\.conf$/i.test(document.fileName)) return;
    if (!LOOKS_LIKE_CNI.test(document.getText(new vscode.Range(0, 0, 200, 0)))) return;
    void vscode.languages.setTextDocumentLanguage(document, 'json').then(undefined, () => undefined);
  };
  vscode.workspace.textDocuments.forEach(adopt);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(adopt));
}
