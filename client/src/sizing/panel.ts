/**
 * The estimate panel: a webview with the inputs, the result table and a chart, updated
 * live as inputs change. The webview runs dist/sizingPanel.js only (a nonce'd script under
 * a strict Content-Security-Policy, no remote content); every message is validated on
 * arrival (protocol.ts), and the server computes every number.
 */
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { readEstimateResponse, readFormFields, readPanelRequest } from './protocol';
import type { EstimateKind, EstimateResponse, PanelUpdate } from './protocol';

const TITLES: Record<EstimateKind, string> = {
  prometheus: 'Prometheus storage',
  pods: 'Pods per node (EKS)',
  capacity: 'Namespace capacity',
  series: 'Series count',
};

export interface PanelTarget {
  /** The document the estimate is for (its objects come first), and where to insert the comment. */
  uri?: string;
  line?: number;
}

export class EstimatePanel {
  private static current: EstimatePanel | undefined;
  private latest: EstimateResponse | undefined;
  private inputs: Record<string, string>;
  private sequence = 0;

  static show(
    context: vscode.ExtensionContext,
    client: LanguageClient,
    estimate: EstimateKind,
    inputs: Record<string, string>,
    target: PanelTarget,
  ): EstimatePanel {
    EstimatePanel.current?.panel.dispose();
    const panel = vscode.window.createWebviewPanel(
      'kubewise.estimate',
      `Kubewise: ${TITLES[estimate]}`,
      vscode.ViewColumn.Beside,
      {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')],
      },
    );
    EstimatePanel.current = new EstimatePanel(context, panel, client, estimate, inputs, target);
    return EstimatePanel.current;
  }

  private constructor(
    context: vscode.ExtensionContext,
    private readonly panel: vscode.WebviewPanel,
    private readonly client: LanguageClient,
    private readonly estimate: EstimateKind,
    inputs: Record<string, string>,
    private readonly target: PanelTarget,
  ) {
    this.inputs = { ...inputs };
    panel.webview.html = html(panel.webview, vscode.Uri.joinPath(context.extensionUri, 'dist', 'sizingPanel.js'));
    panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message));
    panel.onDidDispose(() => {
      if (EstimatePanel.current === this) EstimatePanel.current = undefined;
    });
  }

  private async receive(message: unknown): Promise<void> {
    const request = readPanelRequest(message);
    if (!request) return; // not a message this panel sends: ignored
    if (request.type === 'ready') {
      const form = readFormFields(
        await this.client.sendRequest('kubewise/estimateForm', {
          estimate: this.estimate,
          uri: this.target.uri,
          inputs: this.inputs,
        }),
      );
      if (!form) return;
      const fields = form.map((field) => ({ ...field, value: this.inputs[field.name] ?? field.value }));
      const given = Object.keys(this.inputs);
      this.post({ type: 'form', estimate: this.estimate, title: TITLES[this.estimate], fields, given });
      await this.update();
    } else if (request.type === 'inputs') {
      this.inputs = request.inputs;
      await this.update();
    } else if (request.type === 'copyMarkdown' && this.latest?.ok) {
      await vscode.env.clipboard.writeText(this.latest.markdown);
      void vscode.window.showInformationMessage('Kubewise: the estimate is on the clipboard as Markdown.');
    } else if (request.type === 'insertYamlComment' && this.latest?.ok) {
      await this.insertComment(this.latest.yamlComment);
    }
  }

  private async update(): Promise<void> {
    const sequence = ++this.sequence;
    const response = readEstimateResponse(
      await this.client.sendRequest('kubewise/estimate', { estimate: this.estimate, uri: this.target.uri, inputs: this.inputs }),
    );
    // A slower answer to an older input must not overwrite a newer one.
    if (!response || sequence !== this.sequence) return;
    this.latest = response;
    this.post({ type: 'result', response });
  }

  private post(update: PanelUpdate): void {
    void this.panel.webview.postMessage(update);
  }

  /** Above the object the estimate came from, else above the cursor of the manifest it is for. */
  private async insertComment(comment: string): Promise<void> {
    const editor =
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.target.uri) ??
      vscode.window.visibleTextEditors.find((e) => ['yaml', 'json'].includes(e.document.languageId));
    if (!editor || editor.document.languageId !== 'yaml') {
      void vscode.window.showWarningMessage('Kubewise: open the YAML manifest to insert the estimate into.');
      return;
    }
    const line =
      editor.document.uri.toString() === this.target.uri && this.target.line !== undefined
        ? this.target.line
        : editor.selection.active.line;
    const documentStart = findDocumentStart(editor.document, line);
    await editor.edit((edit) => edit.insert(new vscode.Position(documentStart, 0), comment));
  }
}

/** The first line of the YAML document holding `line` (after a `---`), where a comment reads as its header. */
function findDocumentStart(document: vscode.TextDocument, line: number): number {
  for (let current = Math.min(line, document.lineCount - 1); current >= 0; current--) {
    if (/^---(\s|$)/.test(document.lineAt(current).text)) return current + 1;
  }
  return 0;
}

function html(webview: vscode.Webview, script: vscode.Uri): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
  h1 { font-size: 1.3em; font-weight: 600; }
  #inputs { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 8px 16px; margin-bottom: 12px; }
  #inputs label { display: block; font-weight: 600; margin-bottom: 2px; }
  #inputs vscode-textfield { width: 100%; }
  .source { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
  .error { color: var(--vscode-errorForeground); font-size: 0.9em; }
  .warning { border-left: 3px solid var(--vscode-editorWarning-foreground); padding: 4px 8px; margin: 6px 0; background: var(--vscode-textBlockQuote-background); }
  table { border-collapse: collapse; margin: 6px 0 14px; width: 100%; }
  th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
  td.value { font-variant-numeric: tabular-nums; font-weight: 600; }
  td.detail { color: var(--vscode-descriptionForeground); }
  #chart-box { position: relative; height: 300px; max-width: 900px; margin: 10px 0 16px; }
  .buttons { display: flex; gap: 8px; margin: 10px 0; }
</style>
<title>Kubewise estimate</title>
</head>
<body>
<h1 id="title">Kubewise estimate</h1>
<div id="inputs"></div>
<p id="summary"></p>
<div id="warnings"></div>
<div class="buttons">
  <vscode-button id="copy-markdown">Copy as Markdown</vscode-button>
  <vscode-button id="insert-comment" secondary>Insert as YAML comment</vscode-button>
</div>
<div id="chart-box"><canvas id="chart" role="img" aria-label="estimate chart"></canvas></div>
<div id="tables"></div>
<script nonce="${nonce}" src="${webview.asWebviewUri(script).toString()}"></script>
</body>
</html>`;
}
