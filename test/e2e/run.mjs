#!/usr/bin/env node
// Real-editor test: kubewise.vsix installed into code-server 4.100.3 (VS Code 1.100.3), the
// test/e2e/workspace copy opened in headless Debian Chromium via playwright-core, and the user-visible
// behaviour asserted: squiggle, Problems row, hover, quick fix, command. Then a second code-server with
// workspace trust on opens test/e2e/restricted in Restricted Mode (restrictedMode.mjs). Last line of
// output is always `editor: N passed, M failed` (CI reads it). KUBEWISE_VSIX=<path> tests another VSIX.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './install.mjs';
import * as cs from './codeServer.mjs';
import * as ui from './ui.mjs';
import { crashTwiceAndRecover } from './serverRestart.mjs';
import { fixInvalidQuantity, hoverQuantity, quantityFacts } from './quantities.mjs';
import { crossFileDiagnostic, goToService, outline, referenceFacts } from './references.mjs';
import { fixLenientScalar, lenientFacts } from './lenientYaml.mjs';
import { checkWorkspace, openSample, openWalkthrough } from './walkthrough.mjs';
import { fixLabelNumber, hoverLabelSeries, labelFacts } from './labels.mjs';
import { estimatePrometheusStorage } from './sizing.mjs';
import { cniDiagnostic, cniFacts, fixCniValue, hoverCniType } from './cni.mjs';
import { completeReadinessProbe, explainFacts, hoverExplain } from './explain.mjs';
import { kustomizeFacts, missingPathProblem, namedKustomization, removeMissingPath } from './kustomize.mjs';
import { restrictedFacts, restrictedMode } from './restrictedMode.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const ARTIFACTS = path.join(HERE, 'artifacts');
const VSIX = path.resolve(process.env.KUBEWISE_VSIX || path.join(ROOT, 'kubewise.vsix'));
// 32 steps (27 in the main code-server, 5 in the Restricted Mode one, which adds about 20 s) take
// 1.5 minutes, up to 4 on a loaded 2-core machine; the bound catches a hang, not slowness.
const TOTAL_MS = Number(process.env.EDITOR_TEST_TIMEOUT_MS || 300_000);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const results = [];
let browser = null;
/** Every code-server started ({ label, profile, server }), so each is stopped and its logs kept. */
const sessions = [];
let finished = false;
let timedOut = false;

function finish(code, { fromWatchdog = false } = {}) {
  if (finished || (timedOut && !fromWatchdog)) return; // after a timeout only the watchdog reports
  finished = true;
  const passed = results.filter((r) => r.ok).length;
  console.log(`editor: ${passed} passed, ${results.length - passed} failed`);
  process.exitCode = code ?? (passed === results.length && results.length > 0 ? 0 : 1);
}

// Always take code-server (and with it the extension host and language server) down, whatever happens.
process.on('exit', () => {
  for (const { server, profile } of sessions) {
    if (server) cs.killGroup(server.pid);
    if (!process.env.KEEP_PROFILE) cs.removeProfile(profile);
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    results.push({ name: `interrupted (${sig})`, ok: false });
    finish(1);
    process.exit();
  });
}

/** The test's fixed facts come from the workspace file itself, so editing it keeps them in step. */
function fixture() {
  const lines = fs.readFileSync(path.join(HERE, 'workspace', 'deployment.yaml'), 'utf8').split('\n');
  const idx = lines.findIndex((l) => /^\s*- name: web\s*$/.test(l));
  if (idx < 0) throw new Error('workspace/deployment.yaml has no "- name: web" line');
  return { line: idx + 1, column: lines[idx].indexOf('web') + 1 };
}

async function step(page, name, shot, fn) {
  if (timedOut) return false;
  const t0 = Date.now();
  const file = path.join(ARTIFACTS, shot);
  let error = null;
  try {
    await ui.reset(page);
    await fn();
  } catch (err) {
    error = err;
    const state = await ui.screenState(page).catch(() => ({}));
    if (state.dialogs?.length && !error.message.includes('a dialog appeared')) {
      error.message += `\n     dialog on screen: ${state.dialogs.join(' | ')}`;
    }
    if (state.notifications?.length) error.message += `\n     notifications: ${state.notifications.join(' | ')}`;
  }
  // Let slide-in animations (hover, notifications) settle so the picture shows what was asserted.
  await page.waitForTimeout(300).catch(() => {});
  await page.screenshot({ path: file }).catch((e) => console.log(`  (screenshot failed: ${e.message})`));
  if (timedOut) return false; // the watchdog closed the browser: this failure is only a consequence
  const ms = Date.now() - t0;
  results.push({ name, ok: !error });
  if (error) console.log(`FAIL ${name} (${ms} ms): ${error.message}\n     screenshot: ${file}`);
  else console.log(`ok   ${name} (${ms} ms)  ${path.relative(ROOT, file)}`);
  return !error;
}

/**
 * A throwaway profile with the VSIX installed, a copy of `from` as its workspace, and code-server
 * serving it. The session is tracked before code-server starts, so a failed start is cleaned up too.
 */
async function startSession(label, { from, settings = {}, workspaceTrust = false }) {
  const session = { label, profile: cs.makeProfile(`kubewise-e2e-${label}-`), server: null };
  sessions.push(session);
  cs.seedSettings(session.profile, settings);
  cs.installVsix(session.profile, VSIX);
  session.workspace = path.join(session.profile.root, 'workspace');
  fs.cpSync(from, session.workspace, { recursive: true });
  const t0 = Date.now();
  session.server = await cs.startCodeServer(session.profile, {
    port: await cs.freePort(),
    folder: session.workspace,
    workspaceTrust,
  });
  console.log(`code-server (${label}) up at ${session.server.url} in ${Date.now() - t0} ms (log ${session.profile.log})`);
  return session;
}

/**
 * Stop a session's code-server and keep its logs next to the screenshots (they explain most failures):
 * the main one's as code-server.log and vscode-logs/, the others' with their label in front.
 */
function endSession(session) {
  if (session.ended) return;
  session.ended = true;
  if (session.server) cs.killGroup(session.server.pid);
  session.server = null;
  const prefix = session.label === 'main' ? '' : `${session.label}-`;
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const { profile } = session;
  if (fs.existsSync(profile.log)) fs.cpSync(profile.log, path.join(ARTIFACTS, `${prefix}code-server.log`));
  const logs = path.join(profile.userData, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(ARTIFACTS, `${prefix}vscode-logs`), { recursive: true });
  if (!process.env.KEEP_PROFILE) cs.removeProfile(profile);
  else console.log(`profile (${session.label}) kept at ${profile.root}`);
}

const readinessRow = (l) => /readinessProbe/.test(l) && /kubewise/i.test(l);

async function main() {
  if (!fs.existsSync(VSIX)) {
    console.log(`FAIL kubewise.vsix not found at ${VSIX}: run npm run package first`);
    results.push({ name: 'setup: kubewise.vsix present', ok: false });
    return finish(1);
  }
  ensureInstalled();
  armWatchdog();
  const { chromium } = await import('playwright-core'); // only resolvable after install
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const fx = fixture();
  const quantities = quantityFacts(path.join(HERE, 'workspace'));
  const cni = cniFacts(path.join(HERE, 'cni-source'));
  const references = referenceFacts(path.join(HERE, 'workspace'));
  const lenient = lenientFacts(path.join(HERE, 'workspace'));
  const labels = labelFacts(path.join(HERE, 'workspace'));
  const explain = explainFacts(path.join(HERE, 'workspace'));
  const kustomize = kustomizeFacts(path.join(HERE, 'workspace'));
  const restricted = restrictedFacts(path.join(HERE, 'restricted'));

  const t0 = Date.now();
  // Tabs instead of preview editors: the workflow file must stay open (and linted) while we look at
  // deployment.yaml, instead of being replaced and closed.
  const main = await startSession('main', {
    from: path.join(HERE, 'workspace'),
    settings: { 'workbench.editor.enablePreview': false, 'workbench.editor.enablePreviewFromQuickOpen': false },
  });
  const { profile, workspace } = main;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(30_000);
  await page.goto(main.server.folderUrl);
  await ui.waitWorkbench(page);

  // a. Squiggle, then the Problems row. The workflow is opened first so that by the time
  // deployment.yaml's diagnostics arrive, the server has long had the chance to publish for it.
  await step(page, 'squiggle on deployment.yaml', '01-squiggle.png', async () => {
    await ui.openFile(page, 'ci.yaml');
    await ui.openFile(page, 'deployment.yaml');
    await ui.poll(() => ui.squiggles(page, 'warning'), {
      what: 'a .squiggly-warning in deployment.yaml',
      timeoutMs: 60_000,
      describe: async () => ({
        errors: await ui.squiggles(page, 'error'),
        info: await ui.squiggles(page, 'info'),
        status: await page.getAttribute('[id="status.problems"]', 'aria-label').catch(() => null),
      }),
    });
  });
  await step(page, 'Problems panel lists readinessProbe from kubewise', '02-problems.png', async () => {
    await ui.showProblems(page);
    await ui.poll(async () => (await ui.problemRows(page)).some(readinessRow), {
      what: 'a Problems row with "readinessProbe" and source "kubewise"',
      describe: () => ui.problemRows(page),
    });
  });

  // b. Hover on the container name: the "why" text.
  await step(page, 'hover explains readinessProbe', '03-hover.png', async () => {
    await ui.goTo(page, fx.line, fx.column);
    let lastTrigger = 0;
    await ui.poll(
      async () => {
        const text = await ui.providedHoverText(page);
        if (/traffic/i.test(text) && text.includes('readinessProbe')) return true;
        if (Date.now() - lastTrigger > 3000) {
          // (re)trigger: the first one can land before the server is ready
          lastTrigger = Date.now();
          await page.keyboard.press('Control+K');
          await page.keyboard.press('Control+I');
        }
        return false;
      },
      {
        what: 'a hover (from a hover provider, not the repeated diagnostic) with "traffic" and "readinessProbe"',
        describe: async () => ({ provided: await ui.providedHoverText(page), whole: await ui.hoverText(page) }),
      },
    );
  });

  // c. Quick fix "Add readinessProbe" inserts the probe and the readiness diagnostic goes away.
  await step(page, 'quick fix adds readinessProbe', '04-quickfix.png', async () => {
    await ui.goTo(page, fx.line, fx.column);
    await page.keyboard.press('Control+.');
    await ui.poll(async () => (await ui.actionRows(page)).length, {
      what: 'the quick fix widget',
      describe: () => ui.hoverText(page),
    });
    const want = (r) => r.label === 'Add readinessProbe' || r.label.startsWith('Add readinessProbe ');
    // Clicking is intercepted by .context-view-pointerBlock; move the focus with the keyboard instead.
    await ui.poll(
      async () => {
        const rows = await ui.actionRows(page);
        if (rows.some((r) => r.focused && want(r))) return true;
        if (!rows.some(want)) throw new Error('no "Add readinessProbe" row');
        await page.keyboard.press('ArrowDown');
        return false;
      },
      { what: 'focused quick fix row "Add readinessProbe"', timeoutMs: 10_000, describe: () => ui.actionRows(page) },
    );
    await page.keyboard.press('Enter');
    await ui.poll(
      async () => {
        await ui.failOnDialog(page);
        const t = await ui.editorText(page);
        return t.includes('readinessProbe:') && t.includes('httpGet:');
      },
      { what: 'editor text with "readinessProbe:" and "httpGet:"', describe: () => ui.editorText(page) },
    );
    await ui.showProblems(page);
    await ui.poll(async () => !(await ui.problemRows(page)).some(readinessRow), {
      what: 'the readinessProbe row to leave the Problems panel',
      describe: () => ui.problemRows(page),
    });
  });

  // d. Command palette: Kubewise: Show Rule Documentation -> missing-liveness-probe.
  await step(page, 'Show Rule Documentation opens missing-liveness-probe', '05-command.png', async () => {
    await page.keyboard.press('F1');
    await ui.acceptQuickInput(
      page,
      'Kubewise: Show Rule Documentation',
      (l) => l.includes('Kubewise: Show Rule Documentation'),
      'palette row "Kubewise: Show Rule Documentation"',
      { waitHidden: false },
    );
    await ui.poll(
      async () => {
        await ui.failOnDialog(page);
        // Any row that starts with a rule id (then its family and description): the list is longer
        // than the rows rendered, and typing below filters it.
        return (await ui.quickInputRows(page)).some((r) => /^[a-z]+(-[a-z0-9]+)+(,|$)/.test(r.label));
      },
      { what: 'a quick pick of rule ids', describe: () => ui.quickInputRows(page) },
    );
    await ui.acceptQuickInput(
      page,
      'missing-liveness-probe',
      (l) => l.includes('missing-liveness-probe'),
      'focused rule id "missing-liveness-probe"',
    );
    await ui.poll(
      async () => {
        await ui.failOnDialog(page);
        return (await ui.tabLabels(page)).some((l) => l.includes('missing-liveness-probe'));
      },
      { what: 'an editor tab titled with "missing-liveness-probe"', describe: () => ui.tabLabels(page) },
    );
    // Only waited for, not asserted, so the screenshot shows the page: a markdown preview renders in
    // a webview (nested iframes) a moment after its tab appears.
    const t = Date.now();
    const shown = await ui
      .poll(() => ui.frameHasText(page, 'livenessProbe'), { what: 'rule page content', timeoutMs: 10_000 })
      .catch(() => false);
    console.log(
      `     (Show Rule Documentation: page content ${shown ? `rendered after ${Date.now() - t} ms` : 'not seen within 10 s'})`,
    );
  });

  // The workflow has been open since the start: no kubewise diagnostics for it, in the panel or editor.
  await step(page, 'no kubewise diagnostics on a GitHub workflow', '06-workflow.png', async () => {
    await ui.openFile(page, 'ci.yaml');
    await ui.showProblems(page);
    const rows = await ui.problemRows(page);
    const hits = rows.filter((l) => l.includes('ci.yaml'));
    const marks = (await ui.squiggles(page, 'warning')) + (await ui.squiggles(page, 'error'));
    if (hits.length || marks) throw new Error(`workflow has diagnostics: ${JSON.stringify({ hits, marks })}`);
  });

  // The server is killed twice: it comes back each time, and the user is told once.
  await step(page, 'a crashed server is restarted and the user told once', '07-restart.png', async () => {
    await ui.openFile(page, 'deployment.yaml');
    await crashTwiceAndRecover(page, profile, (l) => /livenessProbe/.test(l) && /kubewise/i.test(l));
  });

  // Quantities, served by the restarted server: the invalid-quantity quick fix on `memory: 100mi`,
  // and the plain-words hover on `cpu: 250m`.
  await step(page, 'quick fix repairs an invalid quantity', '08-quantity-fix.png', () => fixInvalidQuantity(page, quantities));
  await step(page, 'hover explains a quantity in plain words', '09-quantity-hover.png', () => hoverQuantity(page, quantities));
  await step(page, 'quick fix quotes a label value YAML reads as a number', '10-label-fix.png', () =>
    fixLabelNumber(page, labels),
  );
  await step(page, 'hover on a label key counts the series it multiplies', '11-label-hover.png', () =>
    hoverLabelSeries(page, labels),
  );

  // Kustomize, before Check Workspace fills the Problems panel with every file's findings.
  await step(page, 'a kustomization lists a missing resource in Problems', '11a-kustomize-problem.png', () =>
    missingPathProblem(page),
  );
  await step(page, 'quick fix removes the missing resource', '11b-kustomize-fix.png', () => removeMissingPath(page, kustomize));
  await step(page, 'a file named Kustomization is YAML, with its Outline and F12', '11c-kustomize-named.png', () =>
    namedKustomization(page, kustomize),
  );

  // The first minute: the walkthrough, its sample with the status-bar count, and Check Workspace.
  await step(page, 'the walkthrough opens', '12-walkthrough.png', () => openWalkthrough(page));
  await step(page, 'the sample manifest opens with findings in the status bar', '13-sample.png', () => openSample(page));
  await step(page, 'Check Workspace lists a file nobody opened', '14-check-workspace.png', () => checkWorkspace(page, workspace));

  // Sizing: an estimate from the palette, its numbers read in the panel, one input changed live, and
  // the chart's picture (KUBEWISE_UPDATE_DOCS_IMAGES=1 also copies it to docs/images for the README).
  await step(page, 'Estimate Prometheus Storage shows the numbers and chart', '15-sizing.png', () =>
    estimatePrometheusStorage(page, {
      chartShot: path.join(ARTIFACTS, 'sizing-chart.png'),
      docsImage: path.join(ROOT, 'docs', 'images', 'sizing-panel.png'),
    }),
  );
  await step(page, 'lenient YAML: the CLI warning, and its fix', '16-lenient-yaml.png', () => fixLenientScalar(page, lenient));

  // Schemas: the kubectl-explain hover on a key, and completion of a container's field.
  await step(page, 'hover on a key shows the kubectl explain view', '17-explain-hover.png', () => hoverExplain(page, explain));
  await step(page, 'completion offers readinessProbe in a container and inserts it', '18-completion.png', () =>
    completeReadinessProbe(page, explain, path.join(ARTIFACTS, '18-completion-list.png')),
  );

  await step(page, 'a diagnostic that reads another file', '19-cross-file.png', () => crossFileDiagnostic(page));
  await step(page, 'go to definition opens the Service in another file', '20-definition.png', () =>
    goToService(page, references),
  );
  await step(page, 'the Outline lists each object', '21-outline.png', () => outline(page));

  // A CNI config: opened as JSON, its error listed, fixed in place, and its plugin type explained.
  await step(page, 'a .conflist is JSON, with a CNI diagnostic', '22-cni-diagnostic.png', () =>
    cniDiagnostic(page, cni, workspace),
  );
  await step(page, 'quick fix writes the CNI mtu as a number', '23-cni-fix.png', () => fixCniValue(page, cni));
  await step(page, 'hover on a CNI plugin type', '24-cni-hover.png', () => hoverCniType(page, cni));

  console.log(`steps took ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // Restricted Mode, in a code-server of its own: the main one is stopped first, so both do not
  // share the two cores.
  await page.close().catch(() => {});
  endSession(main);
  const t1 = Date.now();
  try {
    const restrictedPage = await restrictedMode({ browser, step, startSession, facts: restricted, artifacts: ARTIFACTS });
    await restrictedPage.close().catch(() => {});
  } catch (err) {
    if (timedOut) return;
    console.log(`FAIL Restricted Mode setup: ${err.stack || err.message}`);
    results.push({ name: 'Restricted Mode setup', ok: false });
  }
  console.log(`Restricted Mode took ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  return finish();
}

// One cleanup, shared by the normal path and the watchdog (they can race when the watchdog closes the
// browser under a running step).
let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    if (browser) await browser.close().catch(() => {});
    for (const session of sessions) endSession(session);
  })().catch((e) => console.log(`cleanup: ${e.message}`));
  return cleaning;
}

// Bounds the editor part of the run (the one-off install is not counted: it can take minutes).
let watchdog = null;
const armWatchdog = () => {
  watchdog = setTimeout(async () => {
    timedOut = true;
    results.push({ name: `whole run within ${TOTAL_MS} ms`, ok: false });
    console.log(`FAIL the run exceeded ${TOTAL_MS} ms; screenshots so far in ${ARTIFACTS}`);
    await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 10_000))]);
    finish(1, { fromWatchdog: true });
    process.exit();
  }, TOTAL_MS);
};

main()
  .catch((err) => {
    if (timedOut) return; // the watchdog closed the browser under us; it reports the failure
    console.log(`FAIL setup: ${err.stack || err.message}`);
    results.push({ name: 'setup', ok: false });
  })
  .finally(async () => {
    if (timedOut) return;
    await cleanup();
    clearTimeout(watchdog);
    finish();
  });
