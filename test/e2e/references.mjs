// References across files in the editor (workspace/references/): the Ingress in ingress.yaml names
// port 8080 of the Service in web-service.yaml, which exposes only 80 (a diagnostic that needs the
// other file); F12 on the backend's Service name opens web-service.yaml; the Outline of
// web-service.yaml (Go to Symbol in Editor) lists Service/web and Deployment/web.
import fs from 'node:fs';
import path from 'node:path';
import * as ui from './ui.mjs';

export const INGRESS_FILE = 'ingress.yaml';
export const SERVICE_FILE = 'web-service.yaml';

/** Positions come from the workspace file itself, so editing it keeps the test in step. */
export function referenceFacts(workspaceDir) {
  const lines = fs.readFileSync(path.join(workspaceDir, 'references', INGRESS_FILE), 'utf8').split('\n');
  const idx = lines.findIndex((l) => /^\s*name: web\s*$/.test(l));
  if (idx < 0) throw new Error(`workspace/references/${INGRESS_FILE} has no 'name: web' line`);
  return { backendName: { line: idx + 1, column: lines[idx].indexOf('web') + 1 } };
}

const portRow = (l) => /exposes no port 8080/.test(l) && /kubewise/i.test(l);

/** The Problems panel shows ingress-backend-missing on ingress.yaml: it read web-service.yaml's ports. */
export async function crossFileDiagnostic(page) {
  await ui.openFile(page, INGRESS_FILE);
  await ui.showProblems(page);
  await ui.poll(async () => (await ui.problemRows(page)).some(portRow), {
    what: 'a Problems row "exposes no port 8080" from kubewise',
    timeoutMs: 30_000,
    describe: () => ui.problemRows(page),
  });
}

/** F12 on `name: web` of the backend opens web-service.yaml. */
export async function goToService(page, facts) {
  await ui.openFile(page, INGRESS_FILE);
  await ui.goTo(page, facts.backendName.line, facts.backendName.column);
  await page.keyboard.press('F12');
  await ui.poll(async () => (await ui.activeTabLabel(page)).includes(SERVICE_FILE), {
    what: `the active tab ${SERVICE_FILE} after F12`,
    describe: () => ui.tabLabels(page),
  });
}

/** Ctrl+Shift+O: the document symbols, one per object, Kind/name. */
export async function outline(page) {
  await ui.openFile(page, SERVICE_FILE);
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+Shift+O');
  await ui.poll(
    async () => {
      const labels = (await ui.quickInputRows(page)).map((r) => r.label).join(' | ');
      return labels.includes('Service/web') && labels.includes('Deployment/web');
    },
    { what: 'Service/web and Deployment/web in Go to Symbol in Editor', describe: () => ui.quickInputRows(page) },
  );
  await page.keyboard.press('Escape');
}
