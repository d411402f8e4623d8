// Kustomize in the editor (workspace/kustomize/): the overlay's kustomization names gone.yaml, which
// does not exist: the Problems panel lists kustomize-missing-path, its quick fix removes the entry and
// the row goes (the fix is saved: Check Workspace, later, reads the disk). A file named Kustomization
// (no extension) opens as YAML, as a kustomization: its Outline groups its resources, and F12 on
// `../overlay` opens that folder's kustomization.yaml.
import fs from 'node:fs';
import path from 'node:path';
import * as ui from './ui.mjs';

export const KUSTOMIZATION = 'kustomization.yaml';
export const NAMED = 'Kustomization';

/** Positions come from the workspace files themselves, so editing them keeps the test in step. */
export function kustomizeFacts(workspaceDir) {
  const at = (relative, pattern) => {
    const lines = fs.readFileSync(path.join(workspaceDir, 'kustomize', relative), 'utf8').split('\n');
    const idx = lines.findIndex((l) => pattern.test(l));
    if (idx < 0) throw new Error(`workspace/kustomize/${relative} has no line ${pattern}`);
    return { line: idx + 1, column: lines[idx].search(/\S/) + 3 };
  };
  return {
    gone: at('overlay/kustomization.yaml', /^\s*- gone\.yaml\s*$/),
    overlay: at('named/Kustomization', /- \.\.\/overlay/),
  };
}

const goneRow = (l) => /'gone\.yaml' does not exist/.test(l) && /kubewise/i.test(l);

/** The overlay's missing resource, in the Problems panel. */
export async function missingPathProblem(page) {
  await ui.openFile(page, KUSTOMIZATION);
  await ui.showProblems(page);
  await ui.poll(async () => (await ui.problemRows(page)).some(goneRow), {
    what: `a Problems row "'gone.yaml' does not exist" from kubewise`,
    timeoutMs: 30_000,
    describe: () => ui.problemRows(page),
  });
}

/** Ctrl+. on the entry, "Remove 'gone.yaml' from resources": the line goes, and so does the row. */
export async function removeMissingPath(page, facts) {
  await ui.openFile(page, KUSTOMIZATION);
  await ui.goTo(page, facts.gone.line, facts.gone.column);
  await page.keyboard.press('Control+.');
  const want = (r) => r.label.startsWith("Remove 'gone.yaml' from resources");
  await ui.poll(
    async () => {
      const rows = await ui.actionRows(page);
      if (rows.some((r) => r.focused && want(r))) return true;
      if (rows.length > 0 && !rows.some(want)) throw new Error(`no "Remove 'gone.yaml'" row`);
      if (rows.length > 0) await page.keyboard.press('ArrowDown');
      return false;
    },
    { what: `the focused quick fix "Remove 'gone.yaml' from resources"`, describe: () => ui.actionRows(page) },
  );
  await page.keyboard.press('Enter');
  await ui.poll(
    async () => {
      await ui.failOnDialog(page);
      const text = await ui.editorText(page);
      return text.includes('- settings.yaml') && !text.includes('gone.yaml');
    },
    { what: 'the kustomization without its gone.yaml entry', describe: () => ui.editorText(page) },
  );
  await page.keyboard.press('Control+S');
  await ui.showProblems(page);
  await ui.poll(async () => !(await ui.problemRows(page)).some(goneRow), {
    what: 'the gone.yaml row to leave the Problems panel',
    describe: () => ui.problemRows(page),
  });
}

/** `Kustomization` opens in the YAML language mode, with a kustomization's Outline and go to definition. */
export async function namedKustomization(page, facts) {
  // Quick Open ranks the kustomization.yaml opened before first for "Kustomization": ask by its folder.
  await page.keyboard.press('Control+P');
  await ui.acceptQuickInput(page, `named/${NAMED}`, (l) => l.startsWith(`${NAMED} `), `quick open row for ${NAMED}`);
  await ui.poll(async () => /^Kustomization\b/.test(await ui.activeTabLabel(page)), {
    what: `active tab ${NAMED}`,
    describe: () => ui.tabLabels(page),
  });
  await ui.poll(async () => /YAML/.test((await page.textContent('[id="status.editor.mode"]').catch(() => '')) ?? ''), {
    what: 'the language mode YAML in the status bar',
    describe: () => page.textContent('[id="status.editor.mode"]').catch(() => ''),
  });
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+Shift+O');
  await ui.poll(
    async () => {
      const labels = (await ui.quickInputRows(page)).map((r) => r.label).join(' | ');
      return labels.includes('resources') && labels.includes('../overlay');
    },
    { what: 'the groups "resources" and "../overlay" in Go to Symbol in Editor', describe: () => ui.quickInputRows(page) },
  );
  await page.keyboard.press('Escape');
  await ui.goTo(page, facts.overlay.line, facts.overlay.column);
  await page.keyboard.press('F12');
  await ui.poll(async () => (await ui.activeTabLabel(page)).includes(KUSTOMIZATION), {
    what: `the active tab ${KUSTOMIZATION} after F12 on ../overlay`,
    describe: () => ui.tabLabels(page),
  });
}
