// Small helpers for driving the VS Code workbench (code-server) through playwright-core.
// Selectors are the ones measured in /work/shared/EDITOR-TESTING.md. Everything waits by polling a
// condition; nothing sleeps a fixed time and hopes.

export const ED = '.part.editor .monaco-editor';
const QI = '.quick-input-widget';
const QI_INPUT = `${QI} .quick-input-box input`;
const QI_ROWS = `${QI} .quick-input-list .monaco-list-row`;

/**
 * Call fn until it returns a truthy value; throw after timeoutMs with `what` and the last value
 * `describe()` reports, so a failure says what the screen showed rather than just "timeout".
 */
export async function poll(fn, { what, timeoutMs = 20_000, intervalMs = 200, describe } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      if (err.fatal) throw err; // waiting longer cannot help (e.g. an error dialog is up)
      lastErr = err;
    }
    if (Date.now() > deadline) {
      let seen = '';
      if (describe) {
        try {
          seen = `; saw: ${JSON.stringify(await describe())}`;
        } catch {
          /* page may be gone */
        }
      }
      const cause = lastErr ? `; last error: ${lastErr.message.split('\n')[0]}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen}${cause}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function waitWorkbench(page) {
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
}

/** aria-labels of the visible rows of the open quick input (a hidden widget keeps its stale rows). */
export function quickInputRows(page) {
  return page.$$eval(QI_ROWS, (els) =>
    els
      .filter((e) => e.checkVisibility())
      .map((e) => ({
        label: e.getAttribute('aria-label') || e.textContent.trim(),
        focused: e.classList.contains('focused'),
      })),
  );
}

/**
 * Type into the quick input, wait until the focused row satisfies `match`, then accept it. Pass
 * waitHidden: false when accepting opens another quick pick at once (the widget may never hide).
 */
export async function acceptQuickInput(page, text, match, what, { waitHidden = true } = {}) {
  await page.waitForSelector(QI_INPUT, { state: 'visible' });
  if (text) await page.keyboard.type(text);
  await poll(async () => (await quickInputRows(page)).some((r) => r.focused && match(r.label)), {
    what,
    describe: () => quickInputRows(page),
  });
  await page.keyboard.press('Enter');
  if (waitHidden) await page.waitForSelector(QI, { state: 'hidden' });
}

export async function activeTabLabel(page) {
  return page.$eval('.part.editor .tab.active', (e) => e.getAttribute('aria-label') || e.textContent).catch(() => '');
}

export function tabLabels(page) {
  return page.$$eval('.part.editor .tabs-container .tab', (els) =>
    els.map((e) => e.getAttribute('aria-label') || e.textContent.trim()),
  );
}

/**
 * Quick Open (Ctrl+P) a workspace file by name and wait until its tab is the active one. While a
 * Quick Open session's file list loads, VS Code answers from the previous session's list, which lacks
 * a file written since (cni.mjs writes one): "No matching results" there gets a new session, once the
 * new list has had time to load.
 */
export async function openFile(page, name) {
  const what = `quick open row for ${name}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    await page.keyboard.press('Control+P');
    await page.waitForSelector(QI_INPUT, { state: 'visible' });
    await page.keyboard.type(name);
    let noneSince = null; // "No matching results" can flash up while the search runs: only a lasting one counts
    const found = await poll(
      async () => {
        const rows = await quickInputRows(page);
        if (rows.some((r) => r.focused && r.label.includes(name))) return 'found';
        const none = rows.length === 1 && rows[0].label === 'No matching results';
        noneSince = none ? (noneSince ?? Date.now()) : null;
        return none && Date.now() - noneSince > 2000 && Date.now() < deadline ? 'none' : false;
      },
      { what, timeoutMs: Math.max(deadline - Date.now(), 1000), describe: () => quickInputRows(page) },
    );
    if (found === 'found') break;
    console.log(`     (Quick Open: no match for ${name} yet, asking again in a new session)`);
    await page.keyboard.press('Escape');
    await page.waitForSelector(QI, { state: 'hidden' });
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector(QI, { state: 'hidden' });
  await poll(async () => (await activeTabLabel(page)).includes(name), {
    what: `active tab ${name}`,
    describe: () => tabLabels(page),
  });
  await page.waitForSelector(`${ED} .view-lines`);
}

/** Focus the editor and put the cursor at 1-based line:column with Go to Line (Ctrl+G). */
export async function goTo(page, line, column) {
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+G');
  await acceptQuickInput(page, `${line}:${column}`, () => true, 'go to line input');
  await poll(
    async () => {
      const s = await page.$eval('[id="status.editor.selection"]', (e) => e.textContent).catch(() => '');
      return s.includes(`Ln ${line}, Col ${column}`);
    },
    {
      what: `cursor at Ln ${line}, Col ${column}`,
      describe: () => page.$eval('[id="status.editor.selection"]', (e) => e.textContent),
    },
  );
}

/** Text of the active editor's rendered lines (VS Code renders spaces as U+00A0). */
export async function editorText(page) {
  const lines = await page.$$eval(`${ED} .view-lines .view-line`, (els) =>
    els
      .map((e) => ({ top: parseFloat(e.style.top) || 0, text: e.textContent }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

export async function squiggles(page, kind = 'warning') {
  return page.$$eval(`${ED} .squiggly-${kind}`, (els) => els.length);
}

/** Show the Problems panel (Ctrl+Shift+M toggles focus, so only press it when it is not showing). */
export async function showProblems(page) {
  const visible = await page.isVisible('.markers-panel');
  if (!visible) await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel', { state: 'visible' });
}

/** aria-labels of the Problems panel rows (file rows and marker rows). */
export function problemRows(page) {
  return page.$$eval('.markers-panel .monaco-list-row', (els) =>
    els.map((e) => e.getAttribute('aria-label') || e.textContent.trim()),
  );
}

export function hoverText(page) {
  return page.$$eval('.monaco-hover:not(.hidden)', (els) => els.map((e) => e.textContent).join('\n'));
}

/**
 * Only what hover providers contributed: the hover also repeats the diagnostics' messages (rows
 * holding a .marker) and shows an action bar (.status-bar); neither comes from a hover provider.
 */
export function providedHoverText(page) {
  return page.$$eval('.monaco-hover:not(.hidden) .hover-row:not(.status-bar):not(:has(> .marker))', (els) =>
    els.map((e) => e.textContent).join('\n'),
  );
}

/** Modal dialogs and notification toasts on screen: they explain most failures (e.g. command errors). */
export async function screenState(page) {
  const texts = (sel) =>
    page
      .$$eval(sel, (els) => els.filter((e) => e.checkVisibility()).map((e) => e.innerText.replace(/\s+/g, ' ').trim()))
      .catch(() => []);
  return { dialogs: await texts('.monaco-dialog-box'), notifications: await texts('.notification-toast') };
}

/** Throw at once (not retried by poll) when VS Code shows a modal error dialog. */
export async function failOnDialog(page) {
  const { dialogs } = await screenState(page);
  if (dialogs.length) throw Object.assign(new Error(`a dialog appeared: ${dialogs.join(' | ')}`), { fatal: true });
}

/** Back to a known state between steps: no dialog, quick input or widget open, focus in the editor. */
export async function reset(page) {
  for (let i = 0; i < 4; i++) {
    const busy = await page
      .$$eval('.monaco-dialog-box, .quick-input-widget, .action-widget, .monaco-hover:not(.hidden)', (els) =>
        els.some((e) => e.checkVisibility()),
      )
      .catch(() => false);
    if (!busy) break;
    await page.keyboard.press('Escape');
  }
  await page.keyboard.press('Control+1');
}

/** Rows of the quick fix / code action widget, with the focused flag. */
export function actionRows(page) {
  return page.$$eval('.action-widget .monaco-list-row', (els) =>
    els.map((e) => ({
      label: (e.querySelector('.title')?.textContent || e.getAttribute('aria-label') || e.textContent).trim(),
      focused: e.classList.contains('focused'),
    })),
  );
}

/** Whether any frame (webviews such as the markdown preview live in nested iframes) shows `text`. */
export async function frameHasText(page, text) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const body = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    if (body.includes(text)) return true;
  }
  return false;
}
