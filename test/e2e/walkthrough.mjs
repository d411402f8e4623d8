// The first minute in VS Code: "Kubewise: Get Started" opens the walkthrough; its sample
// manifest opens with squiggles and the status-bar item counts the file's findings; and
// "Kubewise: Check Workspace" lists the findings of a file nobody opened in the Problems view.
import fs from 'node:fs';
import path from 'node:path';
import * as ui from './ui.mjs';

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await ui.acceptQuickInput(page, title, (l) => l.includes(title), `palette row "${title}"`);
}

/** The walkthrough page is open with its title and steps. */
export async function openWalkthrough(page) {
  await runCommand(page, 'Kubewise: Get Started');
  await ui.poll(
    async () => {
      await ui.failOnDialog(page);
      const text = await page.$$eval('.gettingStartedContainer', (els) => els.map((e) => e.innerText).join('\n')).catch(() => '');
      return text.includes('Get started with Kubewise') && text.includes('Open a manifest with mistakes');
    },
    {
      what: 'the walkthrough "Get started with Kubewise" with its steps',
      describe: () => page.$$eval('.gettingStartedContainer', (els) => els.map((e) => e.innerText.slice(0, 300))),
    },
  );
}

/** The sample opens beside, with squiggles, and the status bar counts its findings. */
export async function openSample(page) {
  await runCommand(page, 'Kubewise: Open a Sample Manifest');
  await ui.poll(() => ui.squiggles(page, 'warning'), { what: 'a .squiggly-warning in the sample', timeoutMs: 30_000 });
  // The sample opens beside the walkthrough, which may keep the focus: click into it, as a user would.
  await page.keyboard.press('Control+2');
  await ui.poll(
    async () => {
      const labels = await page.$$eval('.statusbar-item', (els) => els.map((e) => e.getAttribute('aria-label') || ''));
      return labels.some((label) => /^Kubewise: .*[1-9]\d* warnings?/.test(label));
    },
    {
      what: 'a status-bar item "Kubewise: … warnings"',
      describe: () => page.$$eval('.statusbar-item', (els) => els.map((e) => e.getAttribute('aria-label')).filter(Boolean)),
    },
  );
}

/** A manifest written to disk and never opened gets its findings in the Problems view. */
export async function checkWorkspace(page, workspace) {
  fs.writeFileSync(
    path.join(workspace, 'never-opened.yaml'),
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: never-opened\nspec:\n  containers:\n    - name: never-opened\n      image: nginx:1.27\n',
  );
  const row = (l) => l.includes('never-opened') && /kubewise/i.test(l);
  // The file watcher tells the server about the new file; Check Workspace reads the index.
  await ui.poll(
    async () => {
      await runCommand(page, 'Kubewise: Check Workspace');
      await ui.showProblems(page);
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        if ((await ui.problemRows(page)).some(row)) return true;
        await page.waitForTimeout(250);
      }
      return false;
    },
    { what: 'a Problems row for never-opened.yaml from kubewise', timeoutMs: 45_000, describe: () => ui.problemRows(page) },
  );
}
