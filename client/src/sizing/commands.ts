/**
 * `Kubewise: Estimate …` palette commands: a short sequence of input boxes (the defaults
 * come from the workspace through the server, each box validated by the server's own
 * parser as the user types), then the panel. Code lenses above a Prometheus and a
 * ResourceQuota open the matching estimate; the server finds them with the real YAML
 * parser (`kubewise/estimateLenses`), so flow style and multi-document files work.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EstimatePanel } from './panel';
import { isEstimateKind, readEstimateResponse, readFormFields } from './protocol';
import type { EstimateKind, FormField } from './protocol';

/** The few inputs each palette command asks for; the panel shows them all. */
const ASKED: Record<EstimateKind, readonly string[]> = {
  prometheus: ['targets', 'series-per-target', 'interval', 'retention'],
  pods: ['instance-type', 'pods'],
  capacity: ['node-cpu', 'node-memory'],
  series: ['targets', 'labels'],
};

const COMMANDS: Record<EstimateKind, string> = {
  prometheus: 'kubewise.estimatePrometheus',
  pods: 'kubewise.estimatePods',
  capacity: 'kubewise.estimateCapacity',
  series: 'kubewise.estimateSeries',
};

export function registerSizing(
  context: vscode.ExtensionContext,
  getClient: () => LanguageClient | undefined,
): vscode.Disposable[] {
  const run = async (estimate: EstimateKind, target: { uri?: string; line?: number; ask: boolean }): Promise<void> => {
    const client = getClient();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage('Kubewise: the language server is not running yet; try again in a moment.');
      return;
    }
    const uri = target.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
    const inputs = target.ask ? await askInputs(client, estimate, uri) : {};
    if (!inputs) return; // cancelled
    EstimatePanel.show(context, client, estimate, inputs, { uri, line: target.line });
  };
  const disposables: vscode.Disposable[] = Object.entries(COMMANDS).map(([estimate, id]) =>
    vscode.commands.registerCommand(id, () => run(estimate as EstimateKind, { ask: true })),
  );
  disposables.push(
    vscode.commands.registerCommand('kubewise.openEstimate', (estimate: unknown, uri: unknown, line: unknown) => {
      if (!isEstimateKind(estimate)) return;
      return run(estimate, {
        uri: typeof uri === 'string' ? uri : undefined,
        line: typeof line === 'number' ? line : undefined,
        ask: false,
      });
    }),
    vscode.languages.registerCodeLensProvider({ language: 'yaml' }, new EstimateLenses(getClient)),
  );
  return disposables;
}

/** One input box per asked field; undefined when the user presses Escape. */
async function askInputs(
  client: LanguageClient,
  estimate: EstimateKind,
  uri: string | undefined,
): Promise<Record<string, string> | undefined> {
  const fields = readFormFields(await client.sendRequest('kubewise/estimateForm', { estimate, uri }));
  if (!fields) return {};
  const inputs: Record<string, string> = {};
  const asked = fields.filter((field) => ASKED[estimate].includes(field.name));
  for (const [index, field] of asked.entries()) {
    const answer = await vscode.window.showInputBox({
      title: `Kubewise: Estimate ${estimateTitle(estimate)} (${index + 1}/${asked.length})`,
      prompt: `${field.label}: ${field.prompt}${field.source ? ` — now ${field.value || 'empty'} (${field.source})` : ''}`,
      value: field.value,
      ignoreFocusOut: true,
      validateInput: (text) => validate(client, estimate, uri, field, text),
    });
    if (answer === undefined) return undefined;
    // An accepted default is not the user's input: the panel keeps showing its source.
    if (answer.trim() !== '' && answer !== field.value) inputs[field.name] = answer;
  }
  return inputs;
}

/** The server's parser is the judge: the box shows the same message the CLI prints. */
async function validate(
  client: LanguageClient,
  estimate: EstimateKind,
  uri: string | undefined,
  field: FormField,
  text: string,
): Promise<string | undefined> {
  if (text.trim() === '') return field.optional ? undefined : `${field.label} is needed: ${field.prompt}`;
  const response = readEstimateResponse(
    await client.sendRequest('kubewise/estimate', { estimate, uri, inputs: { [field.name]: text } }),
  );
  return response && !response.ok ? response.errors[field.name] : undefined;
}

function estimateTitle(estimate: EstimateKind): string {
  return {
    prometheus: 'Prometheus Storage',
    pods: 'Pods per Node (EKS)',
    capacity: 'Namespace Capacity',
    series: 'Series Count',
  }[estimate];
}

class EstimateLenses implements vscode.CodeLensProvider {
  constructor(private readonly getClient: () => LanguageClient | undefined) {}

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const client = this.getClient();
    if (!client?.isRunning()) return [];
    const lenses: unknown = await client.sendRequest('kubewise/estimateLenses', { uri: document.uri.toString() });
    if (!Array.isArray(lenses)) return [];
    return lenses.flatMap((lens: unknown) => {
      if (typeof lens !== 'object' || lens === null) return [];
      const { estimate, line } = lens as { estimate?: unknown; line?: unknown };
      if (!isEstimateKind(estimate) || typeof line !== 'number' || line < 0 || line >= document.lineCount) return [];
      const title = estimate === 'prometheus' ? 'Kubewise: estimate storage' : 'Kubewise: estimate namespace capacity';
      const range = new vscode.Range(line, 0, line, 0);
      return [
        new vscode.CodeLens(range, {
          title,
          command: 'kubewise.openEstimate',
          arguments: [estimate, document.uri.toString(), line],
        }),
      ];
    });
  }
}
