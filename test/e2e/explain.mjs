// The schema features in the editor (workspace/explain.yaml): hovering a key shows the
// `kubectl explain` view (field path, type, description from the OpenAPI), and completion at a
// new key inside a container offers the container's fields, which accepting inserts.
import fs from 'node:fs';
import path from 'node:path';
import * as ui from './ui.mjs';

export const EXPLAIN_FILE = 'explain.yaml';

/** Positions come from the workspace file itself, so editing it keeps the test in step. */
export function explainFacts(workspaceDir) {
  const lines = fs.readFileSync(path.join(workspaceDir, EXPLAIN_FILE), 'utf8').split('\n');
  const at = (pattern) => {
    const idx = lines.findIndex((l) => pattern.test(l));
    if (idx < 0) throw new Error(`workspace/${EXPLAIN_FILE} has no line matching ${pattern}`);
    return { line: idx + 1, text: lines[idx] };
  };
  const liveness = at(/^\s*livenessProbe:\s*$/);
  const image = at(/^\s*image: nginx:1\.27\s*$/);
  return {
    livenessKey: { line: liveness.line, column: liveness.text.indexOf('livenessProbe') + 3 },
    imageEnd: { line: image.line, column: image.text.trimEnd().length + 1 },
  };
}

/** Hover on the `livenessProbe` key: its path, `<Probe>` and the OpenAPI description. */
export async function hoverExplain(page, facts) {
  await ui.openFile(page, EXPLAIN_FILE);
  await ui.goTo(page, facts.livenessKey.line, facts.livenessKey.column);
  const want = ['spec.template.spec.containers[].livenessProbe', '<Probe>', 'Periodic probe of container liveness'];
  let lastTrigger = 0;
  await ui.poll(
    async () => {
      const text = await ui.providedHoverText(page);
      if (want.every((part) => text.includes(part))) return true;
      if (Date.now() - lastTrigger > 3000) {
        // (re)trigger: a hover shown before the server answered stays empty
        lastTrigger = Date.now();
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
      }
      return false;
    },
    {
      what: `a hover on livenessProbe with ${want.map((w) => JSON.stringify(w)).join(', ')}`,
      describe: async () => ({ provided: await ui.providedHoverText(page), whole: await ui.hoverText(page) }),
    },
  );
}

/** Rows of the suggest widget: label, whether it is a property (a field, not a snippet or a word), focus. */
function suggestRows(page) {
  return page.$$eval('.editor-widget.suggest-widget.visible .monaco-list-row', (els) =>
    els.map((e) => ({
      label: (e.querySelector('.label-name')?.textContent ?? '').trim(),
      property: !!e.querySelector('.suggest-icon.codicon-symbol-property'),
      focused: e.classList.contains('focused'),
    })),
  );
}

/** A new line under `image:`, `readi` and Ctrl+Space: the field readinessProbe is offered; Enter inserts it. */
export async function completeReadinessProbe(page, facts, listShot) {
  await ui.openFile(page, EXPLAIN_FILE);
  await ui.goTo(page, facts.imageEnd.line, facts.imageEnd.column);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('readi');
  const want = (r) => r.label === 'readinessProbe' && r.property;
  let lastTrigger = 0;
  await ui.poll(
    async () => {
      const rows = await suggestRows(page);
      if (rows.some(want)) return true;
      if (rows.length === 0 && Date.now() - lastTrigger > 3000) {
        // (re)trigger: quick suggestions are off inside YAML plain scalars, and the server may be busy
        lastTrigger = Date.now();
        await page.keyboard.press('Control+Space');
      }
      return false;
    },
    { what: 'a suggest row "readinessProbe" (a property)', describe: () => suggestRows(page) },
  );
  // The snippet "readinessProbe (snippet)" sorts after the field; move the focus with the keyboard.
  await ui.poll(
    async () => {
      const rows = await suggestRows(page);
      if (rows.some((r) => r.focused && want(r))) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    },
    { what: 'the focused suggest row "readinessProbe"', timeoutMs: 10_000, describe: () => suggestRows(page) },
  );
  // The list as the user sees it; the step's own screenshot shows the inserted key.
  if (listShot) await page.screenshot({ path: listShot }).catch(() => {});
  await page.keyboard.press('Enter');
  await ui.poll(
    async () => {
      await ui.failOnDialog(page);
      return /image: nginx:1\.27\n\s+readinessProbe: ?\n\s+livenessProbe:/.test(await ui.editorText(page));
    },
    { what: 'editor text with "readinessProbe: " between image and livenessProbe', describe: () => ui.editorText(page) },
  );
}
