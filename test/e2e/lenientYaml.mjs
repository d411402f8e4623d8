// YAML that kubectl accepts (workspace/lenient.yaml, issue 8): the editor shows the same
// yaml-lenient-syntax warning as `kubewise check` (asked first, on the same file), and the quick fix
// "Indent the continuation lines" writes what the CLI then finds clean.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ui from './ui.mjs';

export const LENIENT_FILE = 'lenient.yaml';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The CLI's findings for a text, as JSON (the same engine the editor's server runs). */
function cliFindings(text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-lenient-'));
  try {
    const file = path.join(dir, LENIENT_FILE);
    fs.writeFileSync(file, text);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', file], {
      encoding: 'utf8',
    });
    // A NetworkAttachmentDefinition without its CRD in the temporary folder gets the "no schema known"
    // note; it says nothing about the YAML, which is what this step compares.
    return JSON.parse(run.stdout).findings.filter((f) => f.ruleId !== 'unknown-kind');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What the CLI says about the workspace file: one warning, where the editor must show it. */
export function lenientFacts(workspaceDir) {
  const text = fs.readFileSync(path.join(workspaceDir, LENIENT_FILE), 'utf8');
  const findings = cliFindings(text);
  if (findings.length !== 1 || findings[0].ruleId !== 'yaml-lenient-syntax') {
    throw new Error(`the CLI should give one yaml-lenient-syntax finding, got ${JSON.stringify(findings)}`);
  }
  return { text, finding: findings[0] };
}

/** The warning squiggle and Problems row with the CLI's message; Ctrl+. → the fix; the CLI finds the result clean. */
export async function fixLenientScalar(page, facts) {
  const { finding } = facts;
  const row = (l) => l.includes('Continuation lines of this quoted value') && /kubewise/i.test(l);
  await ui.openFile(page, LENIENT_FILE);
  await ui.showProblems(page);
  await ui.poll(async () => (await ui.problemRows(page)).some(row), {
    what: 'a Problems row with the CLI message "Continuation lines of this quoted value…" from kubewise',
    timeoutMs: 30_000,
    describe: () => ui.problemRows(page),
  });
  await ui.goTo(page, finding.range.start.line, finding.range.start.column);
  await ui.poll(() => ui.squiggles(page, 'warning'), {
    what: `a .squiggly-warning at ${finding.range.start.line}:${finding.range.start.column} (where the CLI puts it)`,
    describe: async () => ({ errors: await ui.squiggles(page, 'error'), text: await ui.editorText(page) }),
  });
  await page.keyboard.press('Control+.');
  await ui.poll(async () => (await ui.actionRows(page)).length, {
    what: 'the quick fix widget',
    describe: () => ui.hoverText(page),
  });
  const want = (r) => r.label === 'Indent the continuation lines';
  await ui.poll(
    async () => {
      const rows = await ui.actionRows(page);
      if (rows.some((r) => r.focused && want(r))) return true;
      if (!rows.some(want)) throw new Error('no "Indent the continuation lines" row');
      await page.keyboard.press('ArrowDown');
      return false;
    },
    { what: 'focused quick fix row "Indent the continuation lines"', timeoutMs: 10_000, describe: () => ui.actionRows(page) },
  );
  await page.keyboard.press('Enter');
  await ui.poll(
    async () => {
      await ui.failOnDialog(page);
      const t = await ui.editorText(page);
      return t.includes("    }'") && t.includes('    "vlan": 1000');
    },
    { what: 'editor text with the JSON lines indented under config:', describe: () => ui.editorText(page) },
  );
  await ui.poll(async () => !(await ui.problemRows(page)).some(row), {
    what: 'the lenient-syntax row to leave the Problems panel',
    describe: () => ui.problemRows(page),
  });
  // The CLI agrees: the text the fix wrote has nothing left to say.
  const fixed = facts.text
    .split('\n')
    .map((line) => (line.startsWith("}'") ? `    ${line}` : line.startsWith('  "') ? `  ${line}` : line))
    .join('\n');
  const after = cliFindings(fixed);
  if (after.length > 0) throw new Error(`the CLI still reports on the fixed text: ${JSON.stringify(after)}`);
}
