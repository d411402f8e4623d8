// Quantities in the editor (workspace/quantities.yaml): the invalid-quantity quick fix repairs
// `memory: 100mi` (suffixes are case-sensitive) and clears its error, and hovering `cpu: 250m` says
// what it is in plain words.
import fs from 'node:fs';
import path from 'node:path';
import * as ui from './ui.mjs';

export const QUANTITIES_FILE = 'quantities.yaml';

/** Positions come from the workspace file itself, so editing it keeps the test in step. */
export function quantityFacts(workspaceDir) {
  const lines = fs.readFileSync(path.join(workspaceDir, QUANTITIES_FILE), 'utf8').split('\n');
  const at = (pattern, value) => {
    const idx = lines.findIndex((l) => pattern.test(l));
    if (idx < 0) throw new Error(`workspace/${QUANTITIES_FILE} has no line matching ${pattern}`);
    return { line: idx + 1, column: lines[idx].indexOf(value) + 1 };
  };
  return { invalid: at(/^\s*memory: 100mi\s*$/, '100mi'), cpu: at(/^\s*cpu: 250m\s*$/, '250m') };
}

const invalidRow = (l) => l.includes('100mi') && /kubewise/i.test(l);

/** The error squiggle and Problems row, then Ctrl+. → "Change to 100Mi": text fixed, error gone. */
export async function fixInvalidQuantity(page, facts) {
  await ui.openFile(page, QUANTITIES_FILE);
  await ui.showProblems(page);
  await ui.poll(async () => (await ui.problemRows(page)).some(invalidRow), {
    what: 'a Problems row with "100mi" from kubewise',
    timeoutMs: 30_000,
    describe: () => ui.problemRows(page),
  });
  // Go to the value first: squiggles are only rendered on lines in view.
  await ui.goTo(page, facts.invalid.line, facts.invalid.column);
  await ui.poll(() => ui.squiggles(page, 'error'), {
    what: `a .squiggly-error on line ${facts.invalid.line} of ${QUANTITIES_FILE}`,
    describe: async () => ({ warnings: await ui.squiggles(page, 'warning'), text: await ui.editorText(page) }),
  });
  await page.keyboard.press('Control+.');
  await ui.poll(async () => (await ui.actionRows(page)).length, {
    what: 'the quick fix widget',
    describe: () => ui.hoverText(page),
  });
  const want = (r) => r.label === 'Change to 100Mi';
  // Clicking is intercepted by .context-view-pointerBlock; move the focus with the keyboard instead.
  await ui.poll(
    async () => {
      const rows = await ui.actionRows(page);
      if (rows.some((r) => r.focused && want(r))) return true;
      if (!rows.some(want)) throw new Error('no "Change to 100Mi" row');
      await page.keyboard.press('ArrowDown');
      return false;
    },
    { what: 'focused quick fix row "Change to 100Mi"', timeoutMs: 10_000, describe: () => ui.actionRows(page) },
  );
  await page.keyboard.press('Enter');
  await ui.poll(
    async () => {
      await ui.failOnDialog(page);
      const t = await ui.editorText(page);
      return t.includes('memory: 100Mi') && !t.includes('100mi');
    },
    { what: 'editor text with "memory: 100Mi" and no "100mi"', describe: () => ui.editorText(page) },
  );
  await ui.poll(async () => !(await ui.problemRows(page)).some(invalidRow) && (await ui.squiggles(page, 'error')) === 0, {
    what: `the "100mi" row to leave the Problems panel and no error squiggle in ${QUANTITIES_FILE}`,
    describe: async () => ({ rows: await ui.problemRows(page), errors: await ui.squiggles(page, 'error') }),
  });
}

/** Hover on `250m`: the quantity hover (not a diagnostic) says 0.25 CPU. */
export async function hoverQuantity(page, facts) {
  await ui.openFile(page, QUANTITIES_FILE);
  await ui.goTo(page, facts.cpu.line, facts.cpu.column);
  let lastTrigger = 0;
  await ui.poll(
    async () => {
      const text = await ui.providedHoverText(page);
      if (text.includes('0.25 CPU')) return true;
      if (Date.now() - lastTrigger > 3000) {
        // (re)trigger: a hover shown before the server answered stays empty
        lastTrigger = Date.now();
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
      }
      return false;
    },
    {
      what: 'a hover on 250m with "0.25 CPU"',
      describe: async () => ({ provided: await ui.providedHoverText(page), whole: await ui.hoverText(page) }),
    },
  );
}
