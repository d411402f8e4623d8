/**
 * The editor's sizing requests, answered by the language service's estimates
 * (service/sizing/):
 *
 * - `kubewise/estimateForm` {estimate, uri?, inputs?} → the inputs with their defaults and sources;
 * - `kubewise/estimate` {estimate, uri?, inputs} → the report (with Markdown and a YAML
 *   comment), or the errors per input, which input boxes and the panel show;
 * - `kubewise/estimateLenses` {uri} → where a Prometheus or ResourceQuota starts, for code lenses.
 *
 * The workspace is the open documents' live text (the one at `uri` first) plus the files of
 * the workspace folders, read again at most every few seconds while the panel updates live.
 * Parameters are validated here: the client is trusted, but a bad message must not throw.
 * Files on disk come from the walker both hosts use (host/workspaceFiles.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { estimateForm, isEstimateKind, runEstimate } from '../service/sizing/estimates';
import type { EstimateInputs } from '../service/sizing/fields';
import type { EstimateKind, EstimateReport } from '../service/sizing/report';
import { reportAsMarkdown, reportAsYamlComment } from '../service/sizing/render';
import { sizingWorkspace } from '../service/sizing/workspace';
import type { SizingFile, SizingWorkspace } from '../service/sizing/workspace';
import { walkManifests, WorkspaceFilter } from '../host/workspaceFiles';
import { URI } from './uri';

const DISK_CACHE_MS = 5000;
const MAX_FILES = 5000;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_INPUT_LENGTH = 1000;

type EstimateResponse =
  { ok: false; errors: Record<string, string> } | { ok: true; report: EstimateReport; markdown: string; yamlComment: string };

interface EstimateParams {
  estimate: EstimateKind;
  uri: string | undefined;
  inputs: EstimateInputs;
}

/** The request's parameters, or undefined when they are not what the client sends. */
export function readEstimateParams(raw: unknown): EstimateParams | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { estimate, uri, inputs } = raw as Record<string, unknown>;
  if (!isEstimateKind(estimate)) return undefined;
  if (uri !== undefined && typeof uri !== 'string') return undefined;
  const clean: Record<string, string> = {};
  if (inputs !== undefined) {
    if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) return undefined;
    for (const [name, value] of Object.entries(inputs)) {
      if (typeof value !== 'string' || value.length > MAX_INPUT_LENGTH) return undefined;
      clean[name] = value;
    }
  }
  return { estimate, uri, inputs: clean };
}

export function registerEstimateRequests(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  folders: () => readonly string[],
): void {
  let disk: { at: number; files: { absolute: string; file: SizingFile }[] } | undefined;

  const displayPath = (absolute: string): string => {
    const folder = folders()
      .map((uri) => URI.toPath(uri))
      .find((dir) => dir && absolute.startsWith(dir + path.sep));
    return folder ? path.relative(folder, absolute).split(path.sep).join('/') : path.basename(absolute);
  };

  const workspaceFor = async (uri: string | undefined): Promise<SizingWorkspace> => {
    if (!disk || Date.now() - disk.at > DISK_CACHE_MS) {
      // The walk `kubewise check` and the workspace index use (host/workspaceFiles.ts).
      const found: string[] = [];
      for (const folder of folders()) {
        const dir = URI.toPath(folder);
        if (!dir) continue;
        const walked = await walkManifests(dir, new WorkspaceFilter(), MAX_FILES - found.length);
        for (const entry of walked.entries) if (entry.kind === 'file') found.push(entry.absolutePath);
      }
      disk = { at: Date.now(), files: found.slice(0, MAX_FILES).flatMap((absolute) => readManifest(absolute, displayPath)) };
    }
    const open = new Map<string, SizingFile>();
    for (const document of documents.all()) {
      if (document.languageId !== 'yaml' && document.languageId !== 'json') continue;
      const absolute = URI.toPath(document.uri);
      const shown = absolute ? displayPath(absolute) : document.uri;
      open.set(absolute ?? document.uri, { path: shown, text: document.getText(), languageId: document.languageId });
    }
    const files = [...open.values(), ...disk.files.filter((entry) => !open.has(entry.absolute)).map((entry) => entry.file)];
    const focusPath = uri ? URI.toPath(uri) : undefined;
    return sizingWorkspace(files, focusPath ? displayPath(focusPath) : undefined);
  };

  const guarded =
    <R>(name: string, fallback: R, handler: (raw: unknown) => R | Promise<R>) =>
    async (raw: unknown): Promise<R> => {
      try {
        return await handler(raw);
      } catch (error) {
        connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };

  connection.onRequest(
    'kubewise/estimateForm',
    guarded('estimateForm', null, async (raw) => {
      const params = readEstimateParams(raw);
      if (!params) return null;
      return { estimate: params.estimate, fields: estimateForm(params.estimate, await workspaceFor(params.uri), params.inputs) };
    }),
  );

  const estimateHandler = async (raw: unknown): Promise<EstimateResponse> => {
    const params = readEstimateParams(raw);
    if (!params) return { ok: false, errors: { '': 'Kubewise could not read this request.' } };
    const outcome = runEstimate(params.estimate, params.inputs, await workspaceFor(params.uri), () => 'your input');
    if (!outcome.ok) return outcome;
    return {
      ok: true,
      report: outcome.report,
      markdown: reportAsMarkdown(outcome.report),
      yamlComment: reportAsYamlComment(outcome.report),
    };
  };
  const estimateFailed: EstimateResponse = { ok: false, errors: { '': 'The estimate failed; see the Kubewise output.' } };
  connection.onRequest<EstimateResponse, void>(
    'kubewise/estimate',
    guarded<EstimateResponse>('estimate', estimateFailed, estimateHandler),
  );

  connection.onRequest(
    'kubewise/estimateLenses',
    guarded('estimateLenses', [], (raw) => {
      const uri = typeof raw === 'object' && raw !== null ? (raw as { uri?: unknown }).uri : undefined;
      const document = typeof uri === 'string' ? documents.get(uri) : undefined;
      if (!document) return [];
      const workspace = sizingWorkspace([
        { path: 'open', text: document.getText(), languageId: document.languageId === 'json' ? 'json' : 'yaml' },
      ]);
      const lenses = [
        ...workspace.prometheuses.map((fact) => ({ offset: fact.offset, estimate: 'prometheus', name: fact.name })),
        ...workspace.quotas.map((fact) => ({
          offset: fact.offset,
          estimate: 'capacity',
          name: fact.name,
          namespace: fact.namespace,
        })),
      ];
      return lenses.map((lens) => ({ ...lens, line: document.positionAt(lens.offset).line }));
    }),
  );
}

function readManifest(absolute: string, displayPath: (absolute: string) => string): { absolute: string; file: SizingFile }[] {
  try {
    if (fs.statSync(absolute).size > MAX_FILE_BYTES) return [];
    const text = fs.readFileSync(absolute, 'utf8');
    const languageId = absolute.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
    return [{ absolute, file: { path: displayPath(absolute), text, languageId } }];
  } catch {
    return [];
  }
}
