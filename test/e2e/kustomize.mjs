// Kustomize in the editor (workspace/kustomize/): the overlay's kustomization names gone.yaml, which
// does not exist: the Problems panel lists kustomize-missing-path, its quick fix removes the entry and
// the row goes. A file named Kustomization (no extension) opens as YAML and is checked the same way.
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
    renamed: at('named/Kustomization', /- renamed\.yaml/),
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
  await ui.showProblems(page);
  await ui.poll(async () => !(await ui.problemRows(page)).some(goneRow), {
    what: 'the gone.yaml row to leave the Problems panel',
    describe: () => ui.problemRows(page),
  });
}

/** `Kustomization` opens in the YAML language mode and gets its missing-path error. */
export async function namedKustomization(page, facts) {
  await ui.openFile(page, NAMED);
  await ui.poll(async () => /YAML/.test((await page.textContent('[id="status.editor.mode"]').catch(() => '')) ?? ''), {
    what: 'the language mode YAML in the status bar',
    describe: () => page.textContent('[id="status.editor.mode"]').catch(() => ''),
  });
  await ui.goTo(page, facts.renamed.line, facts.renamed.column);
  await ui.poll(() => ui.squiggles(page, 'error'), {
    what: `a .squiggly-error in ${NAMED}`,
    timeoutMs: 30_000,
    describe: () => ui.problemRows(page),
  });
  await page.keyboard.press('F8');
  await ui.poll(async () => /'renamed\.yaml' does not exist/.test(await page.textContent('.marker-widget').catch(() => '')), {
    what: "the problem widget (F8) saying 'renamed.yaml' does not exist",
    describe: () => page.textContent('.marker-widget').catch(() => ''),
  });
  await page.keyboard.press('Escape');
}
