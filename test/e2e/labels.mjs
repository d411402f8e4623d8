// Labels in the editor (workspace/labels.yaml): the invalid-label quick fix quotes `version: 1.0`
// (a number in YAML, which the API server rejects as a label) and clears its error, and hovering the
// pod template's `track` key says how many series it multiplies (values and pods, replicas counted).
import fs from 'node:fs';
import path from 'node:path';
import * as ui from './ui.mjs';

export const LABELS_FILE = 'labels.yaml';

/** Positions come from the workspace file itself, so editing it keeps the test in step. */
export function labelFacts(workspaceDir) {
  const lines = fs.readFileSync(path.join(workspaceDir, LABELS_FILE), 'utf8').split('\n');
  const at = (pattern, value) => {
    const idx = lines.findIndex((l) => pattern.test(l));
    if (idx < 0) throw new Error(`workspace/${LABELS_FILE} has no line matching ${pattern}`);
    return { line: idx + 1, column: lines[idx].indexOf(value) + 1 };
  };
  return { number: at(/^\s*version: 1\.0\s*$/, '1.0'), track: at(/^\s*track: stable\s*$/, 'track') };
}

const numberRow = (l) => /label 'version' is a number/.test(l) && /kubewise/i.test(l);

/** The error squiggle and Problems row, then Ctrl+. → 'Quote the value: "1.0"': text fixed, error gone. */
export async function fixLabelNumber(page, facts) {
  await ui.openFile(page, LABELS_FILE);
  await ui.showProblems(page);
  await ui.poll(async () => (await ui.problemRows(page)).some(numberRow), {
    what: 'a Problems row "label \'version\' is a number" from kubewise',
    timeoutMs: 30_000,
    describe: () => ui.problemRows(page),
  });
  await ui.goTo(page, facts.number.line, facts.number.column);
  await ui.poll(() => ui.squiggles(page, 'error'), {
    what: `a .squiggly-error on line ${facts.number.line} of ${LABELS_FILE}`,
    describe: async () => ({ warnings: await ui.squiggles(page, 'warning'), text: await ui.editorText(page) }),
  });
  await page.keyboard.press('Control+.');
  await ui.poll(async () => (await ui.actionRows(page)).length, {
    what: 'the quick fix widget',
    describe: () => ui.hoverText(page),
  });
  const want = (r) => r.label === 'Quote the value: "1.0"';
  await ui.poll(
    async () => {
      const rows = await ui.actionRows(page);
      if (rows.some((r) => r.focused && want(r))) return true;
      if (!rows.some(want)) throw new Error('no \'Quote the value: "1.0"\' row');
      await page.keyboard.press('ArrowDown');
      return false;
    },
    { what: 'focused quick fix row \'Quote the value: "1.0"\'', timeoutMs: 10_000, describe: () => ui.actionRows(page) },
  );
  await page.keyboard.press('Enter');
  await ui.poll(
    async () => {
      await ui.failOnDialog(page);
      return (await ui.editorText(page)).includes('version: "1.0"');
    },
    { what: 'editor text with version: "1.0"', describe: () => ui.editorText(page) },
  );
  await ui.poll(async () => !(await ui.problemRows(page)).some(numberRow), {
    what: `the "version" row to leave the Problems panel`,
    describe: () => ui.problemRows(page),
  });
}

/** Hover on the template's `track` key: the series hover (1 distinct value, 3 pods). */
export async function hoverLabelSeries(page, facts) {
  await ui.openFile(page, LABELS_FILE);
  await ui.goTo(page, facts.track.line, facts.track.column + 1);
  let lastTrigger = 0;
  await ui.poll(
    async () => {
      const text = await ui.providedHoverText(page);
      if (/carried by 3 pods/.test(text) && /metric-labels-allowlist/.test(text)) return true;
      if (Date.now() - lastTrigger > 3000) {
        lastTrigger = Date.now();
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
      }
      return false;
    },
    {
      what: 'a hover on track with "carried by 3 pods" and the kube-state-metrics allowlist',
      describe: async () => ({ provided: await ui.providedHoverText(page), whole: await ui.hoverText(page) }),
    },
  );
}
