// The sizing estimate in the editor: "Kubewise: Estimate Prometheus Storage" from the palette, its
// input boxes answered with the seed's worked example (1,700 targets × 700 series / 15 s, 1h), the
// panel's numbers read from inside the webview (nested iframes), one input changed in the panel
// (100,000 samples/s) and the result checked to follow, and a picture of the chart kept for the README.
import fs from 'node:fs';
import path from 'node:path';
import * as ui from './ui.mjs';

const COMMAND = 'Kubewise: Estimate Prometheus Storage';
const PANEL_TAB = 'Kubewise: Prometheus storage';
const QI = '.quick-input-widget';

/** What the palette's input boxes are answered with, by the field label their prompt starts with. */
const ANSWERS = [
  { label: 'Targets', value: '1700' },
  { label: 'Series per target', value: '700' },
  { label: 'Scrape interval', value: '15s' },
  { label: 'Retention', value: '1h' },
];

/** The open input box: its title ("… (2/4)"), prompt and validation message. */
function inputBox(page) {
  return page
    .$eval(QI, (widget) => {
      if (!widget.checkVisibility()) return null;
      const text = (sel) => widget.querySelector(sel)?.textContent.trim() ?? '';
      return {
        title: text('.quick-input-title'),
        message: text('.quick-input-message'),
        value: widget.querySelector('.quick-input-box input')?.value ?? '',
        rows: widget.querySelectorAll('.quick-input-list .monaco-list-row').length,
      };
    })
    .catch(() => null);
}

/** The frame that holds the estimate panel's page (the innermost of the webview's iframes). */
async function panelFrame(page) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const found = await frame.evaluate(() => Boolean(document.getElementById('chart-box'))).catch(() => false);
    if (found) return frame;
  }
  return null;
}

/** The panel as the user reads it: summary, table rows by key, the inputs' values, errors, a drawn chart. */
function panelState(frame) {
  return frame.evaluate(() => {
    // Drawn means some pixel of the canvas is not transparent.
    const painted = (canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4) if (data[i]) return true;
      return false;
    };
    const rows = {};
    for (const tr of document.querySelectorAll('#tables tr[data-key]')) {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
      rows[tr.dataset.key] = { label: cells[0], display: cells[1], detail: cells[2] };
    }
    const inputs = {};
    for (const field of document.querySelectorAll('[data-field]')) inputs[field.dataset.field] = field.value;
    const errors = [...document.querySelectorAll('[data-wrapper] .error')].map((e) => e.textContent).filter(Boolean);
    const canvas = document.getElementById('chart');
    return {
      title: document.getElementById('title')?.textContent ?? '',
      summary: document.getElementById('summary')?.textContent ?? '',
      rows,
      inputs,
      errors,
      chartDrawn: Boolean(canvas && canvas.width > 0 && canvas.height > 0 && painted(canvas)),
    };
  });
}

/**
 * Runs the estimate end to end. `chartShot` is where the chart's picture goes; with
 * KUBEWISE_UPDATE_DOCS_IMAGES=1 it is also copied to docs/images/sizing-panel.png for the README.
 */
export async function estimatePrometheusStorage(page, { chartShot, docsImage }) {
  // A manifest is the active editor: the estimate reads the open file first.
  await ui.openFile(page, 'deployment.yaml');
  await page.keyboard.press('F1');
  await ui.acceptQuickInput(page, COMMAND, (l) => l.includes(COMMAND), `palette row "${COMMAND}"`, { waitHidden: false });

  for (const [index, answer] of ANSWERS.entries()) {
    const step = `(${index + 1}/${ANSWERS.length})`;
    const box = await ui.poll(
      async () => {
        await ui.failOnDialog(page);
        const b = await inputBox(page);
        return b && b.title.includes(step) && b.rows === 0 ? b : null;
      },
      { what: `input box ${step} of "${COMMAND}"`, timeoutMs: 30_000, describe: () => inputBox(page) },
    );
    if (!box.message.startsWith(`${answer.label}:`)) {
      throw new Error(`input box ${step} asks for something else than ${answer.label}: ${JSON.stringify(box)}`);
    }
    await page.keyboard.press('Control+A');
    await page.keyboard.type(answer.value);
    // Valid when the box shows its prompt again (the server's parser validates as one types).
    await ui.poll(
      async () => {
        const b = await inputBox(page);
        return b?.value === answer.value && b.message === box.message;
      },
      { what: `input box ${step} to take "${answer.value}" without a message`, describe: () => inputBox(page) },
    );
    await page.keyboard.press('Enter');
    await ui.poll(async () => !(await inputBox(page))?.title.includes(step), {
      what: `input box ${step} to accept "${answer.value}"`,
      describe: () => inputBox(page),
    });
  }

  await ui.poll(
    async () => {
      await ui.failOnDialog(page);
      return (await ui.tabLabels(page)).some((l) => l.includes(PANEL_TAB));
    },
    { what: `an editor tab "${PANEL_TAB}"`, describe: () => ui.tabLabels(page) },
  );
  let frame = null;
  const first = await ui.poll(
    async () => {
      frame ??= await panelFrame(page);
      if (!frame) return null;
      const s = await panelState(frame);
      return s.rows.samplesPerSecond && s.chartDrawn ? s : null;
    },
    {
      what: 'the estimate panel to show its table and chart',
      timeoutMs: 30_000,
      describe: async () => (frame ? panelState(frame) : { frames: page.frames().map((f) => f.url().slice(0, 120)) }),
    },
  );
  // 1,700 targets × 700 series / 15 s ≈ 79,333 samples/s; × 1.5 B × 3,600 s = 428.4 MB per hour.
  const expect = (cond, what) => {
    if (!cond) throw new Error(`${what}; panel shows ${JSON.stringify(first)}`);
  };
  expect(first.title.includes('Prometheus storage'), 'panel title is not "Kubewise: Prometheus storage"');
  expect(first.rows.scrapedSamplesPerSecond?.display.includes('79,333'), 'scraped samples/s is not about 79,333');
  expect(first.rows.scrapedSamplesPerSecond?.detail.includes('1,700 targets × 700 series / 15s'), 'no 1,700 × 700 / 15s');
  expect(first.rows.bytesPerHour?.display.startsWith('428.4 MB'), 'disk per hour is not 428.4 MB');
  expect(first.inputs.targets === '1700' && first.inputs.retention === '1h', 'the answers are not in the panel inputs');

  // Change one input in the panel: the rate itself, the seed's 100,000 samples/s → 0.54 GB per hour.
  await frame.locator('vscode-textfield[data-field="samples-per-second"] input').fill('100000');
  const second = await ui.poll(
    async () => {
      const s = await panelState(frame);
      return s.rows.samplesPerSecond?.display === '100,000' && s.rows.bytesPerHour?.display.startsWith('0.54 GB') ? s : null;
    },
    { what: 'the panel to update to 100,000 samples/s and 0.54 GB per hour', describe: () => panelState(frame) },
  );
  if (!second.rows.bytesPerHour.detail.includes('100,000 samples/s × 1.5 B × 3,600 s')) {
    throw new Error(`disk per hour is not 100,000 samples/s × 1.5 B × 3,600 s: ${JSON.stringify(second.rows.bytesPerHour)}`);
  }
  if (!second.summary.includes('0.54 GB')) throw new Error(`summary does not say 0.54 GB: ${second.summary}`);
  if (second.rows.scrapedSamplesPerSecond) throw new Error('the scraped rate is still shown after the rate was given');
  await ui.poll(async () => (await panelState(frame)).chartDrawn, { what: 'the chart redrawn' });

  fs.mkdirSync(path.dirname(chartShot), { recursive: true });
  await frame.locator('#chart-box').screenshot({ path: chartShot });
  if (docsImage && process.env.KUBEWISE_UPDATE_DOCS_IMAGES) {
    fs.mkdirSync(path.dirname(docsImage), { recursive: true });
    fs.copyFileSync(chartShot, docsImage);
  }
  return second;
}
