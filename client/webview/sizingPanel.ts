/**
 * The estimate panel's page (bundled into dist/sizingPanel.js): inputs as
 * @vscode-elements text fields, the result as tables and a Chart.js chart in VS Code's
 * theme colours. It computes nothing: every change of an input is posted to the
 * extension (debounced), which answers with the server's report. Messages from the
 * extension are checked before use.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js';
import type { ChartConfiguration } from 'chart.js';
import { readEstimateResponse, readFormFields } from '../src/sizing/protocol';
import type { EstimateReport, FormField, PanelRequest } from '../src/sizing/protocol';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Title,
  Tooltip,
);

declare function acquireVsCodeApi(): { postMessage(message: PanelRequest): void };
const vscode = acquireVsCodeApi();
const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;
let chart: Chart | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
const fieldsShown: FormField[] = [];
/** The inputs the user gave: in the input boxes, or by changing them here. Only these are sent. */
const touched = new Set<string>();
let shownReport: EstimateReport | undefined;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function currentInputs(): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const field of fieldsShown) {
    if (!touched.has(field.name)) continue;
    const input = document.querySelector<HTMLElement & { value: string }>(`[data-field="${field.name}"]`);
    if (input && input.value.trim() !== '') inputs[field.name] = input.value;
  }
  return inputs;
}

function showForm(title: string, fields: FormField[], given: string[]): void {
  byId('title').textContent = `Kubewise: ${title}`;
  const box = byId('inputs');
  box.replaceChildren();
  fieldsShown.splice(0, fieldsShown.length, ...fields);
  touched.clear();
  for (const name of given) touched.add(name);
  for (const field of fields) {
    const wrapper = element('div');
    const label = element('label', field.label);
    label.htmlFor = `field-${field.name}`;
    const input = document.createElement('vscode-textfield') as HTMLElement & { value: string; placeholder: string };
    input.id = `field-${field.name}`;
    input.dataset.field = field.name;
    input.value = field.value;
    input.placeholder = field.prompt;
    input.title = field.prompt;
    input.addEventListener('input', () => {
      touched.add(field.name);
      clearTimeout(timer);
      timer = setTimeout(() => vscode.postMessage({ type: 'inputs', inputs: currentInputs() }), 250);
    });
    wrapper.append(label, input, element('div', field.source, 'source'), element('div', '', 'error'));
    wrapper.dataset.wrapper = field.name;
    box.append(wrapper);
  }
}

function showErrors(errors: Record<string, string>): void {
  for (const node of document.querySelectorAll<HTMLElement>('[data-wrapper] .error')) node.textContent = '';
  const general: string[] = [];
  for (const [name, message] of Object.entries(errors)) {
    const slot = document.querySelector<HTMLElement>(`[data-wrapper="${name}"] .error`);
    if (slot) slot.textContent = message;
    else general.push(message);
  }
  byId('summary').textContent = general.join(' ') || 'Fix the inputs marked above.';
  byId('warnings').replaceChildren();
}

function showReport(report: EstimateReport): void {
  for (const node of document.querySelectorAll<HTMLElement>('[data-wrapper] .error')) node.textContent = '';
  const sources = new Map(report.assumptions.map((a) => [a.input, a.source]));
  for (const node of document.querySelectorAll<HTMLElement>('[data-wrapper]')) {
    const source = node.querySelector<HTMLElement>('.source');
    if (source) source.textContent = sources.get(node.dataset.wrapper ?? '') ?? 'not used';
  }
  byId('summary').textContent = report.summary;
  byId('warnings').replaceChildren(...report.warnings.map((w) => element('div', w, 'warning')));
  const tables = byId('tables');
  tables.replaceChildren();
  for (const section of report.sections) {
    tables.append(element('h2', section.title));
    const table = element('table');
    for (const row of section.rows) {
      const tr = element('tr');
      tr.dataset.key = row.key;
      tr.append(element('td', row.label), element('td', row.display, 'value'), element('td', row.detail ?? '', 'detail'));
      table.append(tr);
    }
    tables.append(table);
  }
  shownReport = report;
  drawChart(report);
}

function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function drawChart(report: EstimateReport): void {
  const spec = report.chart;
  if (!spec) return;
  const palette = [
    '--vscode-charts-blue',
    '--vscode-charts-green',
    '--vscode-charts-orange',
    '--vscode-charts-red',
    '--vscode-charts-purple',
  ].map((name) => themeColour(name, '#3794ff'));
  const text = themeColour('--vscode-foreground', '#cccccc');
  const grid = themeColour('--vscode-panel-border', '#80808050');
  const config: ChartConfiguration = {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series, index) => ({
        label: series.name,
        data: series.data,
        borderColor: palette[index % palette.length],
        backgroundColor: palette[index % palette.length],
        borderDash: series.dashed ? [6, 4] : [],
        pointRadius: 0,
        borderWidth: 2,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      color: text,
      plugins: { title: { display: true, text: spec.title, color: text }, legend: { labels: { color: text } } },
      scales: {
        x: { title: { display: true, text: spec.xLabel, color: text }, ticks: { color: text }, grid: { color: grid } },
        y: {
          beginAtZero: true,
          title: { display: true, text: spec.yLabel, color: text },
          ticks: { color: text },
          grid: { color: grid },
        },
      },
    },
  };
  chart?.destroy();
  chart = new Chart(byId('chart') as HTMLCanvasElement, config);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data as { type?: unknown; title?: unknown; fields?: unknown; given?: unknown; response?: unknown } | null;
  if (!data || typeof data !== 'object') return;
  if (data.type === 'form' && typeof data.title === 'string') {
    const fields = readFormFields(data);
    const given = Array.isArray(data.given) ? data.given.filter((name): name is string => typeof name === 'string') : [];
    if (fields) showForm(data.title, fields, given);
  } else if (data.type === 'result') {
    const response = readEstimateResponse(data.response);
    if (!response) return;
    if (response.ok) showReport(response.report);
    else showErrors(response.errors);
  }
});

// VS Code changes the theme's classes on <body> and its colour variables on <html> when the user
// switches themes: the chart reads its colours when drawn, so draw it again.
const redraw = new MutationObserver(() => {
  if (shownReport) drawChart(shownReport);
});
redraw.observe(document.body, { attributes: true, attributeFilter: ['class'] });
redraw.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

byId('copy-markdown').addEventListener('click', () => vscode.postMessage({ type: 'copyMarkdown' }));
byId('insert-comment').addEventListener('click', () => vscode.postMessage({ type: 'insertYamlComment' }));
vscode.postMessage({ type: 'ready' });
