// A CNI config in the editor (cni-source/net.d/10-podnet.conflist, written into the workspace when
// these steps start, so the earlier steps' Problems view holds only what they look for): the file
// opens as JSON, the `"mtu": "1500"` string gets a kubewise error, Ctrl+. → "Write 1500 as a number"
// fixes it in place and clears the error, and hovering the plugin type says where its binary must be.
import fs from 'node:fs';
import path from 'node:path';
import * as ui from './ui.mjs';

export const CNI_FILE = '10-podnet.conflist';
const RELATIVE = path.join('net.d', CNI_FILE);

/** Positions come from the file itself, so editing it keeps the test in step. */
export function cniFacts(sourceDir) {
  const text = fs.readFileSync(path.join(sourceDir, RELATIVE), 'utf8');
  const lines = text.split('\n');
  const at = (pattern, value) => {
    const idx = lines.findIndex((l) => pattern.test(l));
    if (idx < 0) throw new Error(`${RELATIVE} has no line matching ${pattern}`);
    return { line: idx + 1, column: lines[idx].indexOf(value) + 1 };
  };
  return { text, mtu: at(/"mtu": "1500"/, '"1500"'), type: at(/"type": "bridge"/, 'bridge') };
}

const mtuRow = (l) => /mtu/.test(l ?? '') && /kubewise/i.test(l ?? '');

/** The file is JSON (from package.json's contributes.languages), and its error is listed and squiggled. */
export async function cniDiagnostic(page, facts, workspace) {
  fs.mkdirSync(path.join(workspace, 'net.d'), { recursive: true });
  fs.writeFileSync(path.join(workspace, RELATIVE), facts.text);
  await ui.openFile(page, CNI_FILE);
  await ui.poll(async () => /JSON/.test((await page.textContent('[id="status.editor.mode"]').catch(() => '')) ?? ''), {
    what: 'the language mode JSON in the status bar',
    describe: () => page.textContent('[id="status.editor.mode"]').catch(() => ''),
  });
  await ui.goTo(page, facts.mtu.line, facts.mtu.column);
  await ui.poll(() => ui.squiggles(page, 'error'), {
    what: `a .squiggly-error on line ${facts.mtu.line} of ${CNI_FILE}`,
    describe: async () => ({ rows: await ui.problemRows(page), text: await ui.editorText(page) }),
  });
  // The message as the user reads it: F8 (Go to Next Problem) shows it under the line. The
  // Problems view lists every file of the workspace by now, and its rows are virtual: the
  // file's row may be scrolled out of sight.
  await page.keyboard.press('F8');
  await ui.poll(async () => mtuRow(await page.textContent('.marker-widget').catch(() => '')), {
    what: 'the problem widget (F8) about mtu from kubewise',
    describe: () => page.textContent('.marker-widget').catch(() => ''),
  });
  await page.keyboard.press('Escape');
}

/** Ctrl+. → "Write 1500 as a number": the quotes go, and so does the error. */
export async function fixCniValue(page, facts) {
  await ui.openFile(page, CNI_FILE);
  await ui.goTo(page, facts.mtu.line, facts.mtu.column + 1);
  await page.keyboard.press('Control+.');
  await ui.poll(async () => (await ui.actionRows(page)).length, {
    what: 'the quick fix widget',
    describe: () => ui.hoverText(page),
  });
  const want = (r) => r.label === 'Write 1500 as a number';
  // Clicking is intercepted by .context-view-pointerBlock; move the focus with the keyboard instead.
  await ui.poll(
    async () => {
      const rows = await ui.actionRows(page);
      if (rows.some((r) => r.focused && want(r))) return true;
      if (!rows.some(want)) throw new Error('no "Write 1500 as a number" row');
      await page.keyboard.press('ArrowDown');
      return false;
    },
    { what: 'focused quick fix row "Write 1500 as a number"', timeoutMs: 10_000, describe: () => ui.actionRows(page) },
  );
  await page.keyboard.press('Enter');
  await ui.poll(
    async () => {
      await ui.failOnDialog(page);
      const t = await ui.editorText(page);
      return t.includes('"mtu": 1500,') && !t.includes('"1500"');
    },
    { what: 'editor text with "mtu": 1500 unquoted', describe: () => ui.editorText(page) },
  );
  await ui.showProblems(page);
  await ui.poll(async () => !(await ui.problemRows(page)).some(mtuRow) && (await ui.squiggles(page, 'error')) === 0, {
    what: `the mtu row to leave the Problems panel and no error squiggle in ${CNI_FILE}`,
    describe: async () => ({ rows: await ui.problemRows(page), errors: await ui.squiggles(page, 'error') }),
  });
}

/** Hover on the plugin type: a reference plugin, run from /opt/cni/bin/bridge. */
export async function hoverCniType(page, facts) {
  await ui.openFile(page, CNI_FILE);
  await ui.goTo(page, facts.type.line, facts.type.column + 1);
  let lastTrigger = 0;
  await ui.poll(
    async () => {
      const text = await ui.providedHoverText(page);
      if (text.includes('/opt/cni/bin/bridge')) return true;
      if (Date.now() - lastTrigger > 3000) {
        lastTrigger = Date.now();
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
      }
      return false;
    },
    { what: 'a hover with "/opt/cni/bin/bridge"', describe: async () => ({ provided: await ui.providedHoverText(page) }) },
  );
}
