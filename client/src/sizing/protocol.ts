/**
 * The shapes the client, the server's sizing requests (server/src/lsp/estimate.ts) and the
 * panel's webview (client/webview/sizingPanel.ts) exchange. The client may not import
 * server code, so they are restated here, and every message that crosses into the
 * extension from the webview or the server is checked before use.
 */

export const ESTIMATES = ['prometheus', 'pods', 'capacity', 'series'] as const;
export type EstimateKind = (typeof ESTIMATES)[number];

export interface FormField {
  name: string;
  label: string;
  type: string;
  prompt: string;
  optional: boolean;
  value: string;
  source: string;
}

export interface ReportRow {
  key: string;
  label: string;
  value: number | string | boolean;
  display: string;
  detail?: string;
}

export interface EstimateReport {
  estimate: EstimateKind;
  title: string;
  summary: string;
  sections: { title: string; rows: ReportRow[] }[];
  assumptions: { input: string; label: string; value: string; source: string }[];
  warnings: string[];
  chart?: {
    type: 'line' | 'bar';
    title: string;
    xLabel: string;
    yLabel: string;
    labels: string[];
    series: { name: string; data: (number | null)[]; dashed?: boolean }[];
  };
}

export type EstimateResponse =
  { ok: true; report: EstimateReport; markdown: string; yamlComment: string } | { ok: false; errors: Record<string, string> };

/** Webview → extension. */
export type PanelRequest =
  | { type: 'ready' }
  | { type: 'inputs'; inputs: Record<string, string> }
  | { type: 'copyMarkdown' }
  | { type: 'insertYamlComment' };

/**
 * Extension → webview. `given` names the inputs the user gave (in the input boxes): only those, and
 * the ones changed in the panel, are sent back, so the other fields keep their default or workspace
 * source instead of all turning into "your input" at the first change.
 */
export type PanelUpdate =
  | { type: 'form'; estimate: EstimateKind; title: string; fields: FormField[]; given: string[] }
  | { type: 'result'; response: EstimateResponse };

export function isEstimateKind(value: unknown): value is EstimateKind {
  return typeof value === 'string' && (ESTIMATES as readonly string[]).includes(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A message from the webview, or undefined when it is not one the panel sends. */
export function readPanelRequest(message: unknown): PanelRequest | undefined {
  if (!isRecord(message)) return undefined;
  switch (message.type) {
    case 'ready':
    case 'copyMarkdown':
    case 'insertYamlComment':
      return { type: message.type };
    case 'inputs': {
      if (!isRecord(message.inputs)) return undefined;
      const inputs: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.inputs)) {
        if (!/^[a-z][a-z0-9-]{0,40}$/.test(name) || typeof value !== 'string' || value.length > 1000) return undefined;
        inputs[name] = value;
      }
      return { type: 'inputs', inputs };
    }
    default:
      return undefined;
  }
}

/** The server's answer, checked for the fields the panel reads. */
export function readEstimateResponse(value: unknown): EstimateResponse | undefined {
  if (!isRecord(value)) return undefined;
  if (value.ok === false && isRecord(value.errors)) {
    const errors: Record<string, string> = {};
    for (const [name, message] of Object.entries(value.errors)) if (typeof message === 'string') errors[name] = message;
    return { ok: false, errors };
  }
  if (
    value.ok !== true ||
    !isRecord(value.report) ||
    typeof value.markdown !== 'string' ||
    typeof value.yamlComment !== 'string'
  ) {
    return undefined;
  }
  const report = value.report;
  if (!isEstimateKind(report.estimate) || typeof report.title !== 'string' || !Array.isArray(report.sections)) return undefined;
  return { ok: true, report: report as unknown as EstimateReport, markdown: value.markdown, yamlComment: value.yamlComment };
}

export function readFormFields(value: unknown): FormField[] | undefined {
  if (!isRecord(value) || !Array.isArray(value.fields)) return undefined;
  const fields = value.fields.filter(
    (field): field is FormField =>
      isRecord(field) &&
      typeof field.name === 'string' &&
      typeof field.label === 'string' &&
      typeof field.prompt === 'string' &&
      typeof field.value === 'string' &&
      typeof field.source === 'string',
  );
  return fields.length === value.fields.length ? fields : undefined;
}
