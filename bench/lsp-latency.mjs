// Time to diagnostics, Kubewise against Red Hat's yaml-language-server (the engine of the
// YAML extension) in the same run, over the same LSP stdio transport, on the same files.
// Ratios, not absolute times, are the result: the machine's speed cancels out.
//
// yaml-language-server runs without a Kubernetes schema here (fetching one needs the
// network), so it only checks YAML syntax: less work than Kubewise's parse + rules. A ratio
// above 1 therefore understates Kubewise's lead.
//
// Usage: npm run bench            (after npm run build)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

function ensurePeerInstalled() {
  if (fs.existsSync(path.join(here, 'node_modules/yaml-language-server/package.json'))) return;
  console.log('Installing the peer (yaml-language-server) into bench/node_modules…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
}

/** A realistic multi-document stream: the example manifests repeated to the wanted size. */
function workload(targetBytes) {
  const sources = ['shop/deployment.yaml', 'shop/service.yaml', 'platform/api.yaml', 'batch/nightly-report.yaml'].map((file) =>
    fs.readFileSync(path.join(root, 'examples', file), 'utf8').trimEnd(),
  );
  const documents = [];
  for (let i = 0, size = 0; size < targetBytes; i++) {
    const doc = sources[i % sources.length].replaceAll(/name: ([\w-]+)$/gm, `name: $1-${i}`);
    documents.push(doc);
    size += doc.length + 4;
  }
  return documents.join('\n---\n') + '\n';
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(label, command, text) {
  const { TestLspClient } = require(path.join(root, 'out/test/support/lspClient.js'));
  const client = new TestLspClient(command);
  await client.initialize([pathToFileURL(root).toString()]);
  const open = [];
  const edit = [];
  for (let round = 0; round < ROUNDS; round++) {
    const uri = pathToFileURL(path.join(root, `bench-${label}-${round}.yaml`)).toString();
    let started = performance.now();
    await client.open(uri, text, 'yaml');
    open.push(performance.now() - started);
    // Edit one document in the middle, as a person typing would.
    const middle = text.indexOf('\n---\n', Math.floor(text.length / 2));
    const edited = `${text.slice(0, middle)}\n# edited ${round}${text.slice(middle)}`;
    started = performance.now();
    await client.changeFull(uri, edited, 2);
    edit.push(performance.now() - started);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await client.shutdown();
  return { open: median(open), edit: median(edit) };
}

async function main() {
  if (!fs.existsSync(path.join(root, 'dist/server.js')) || !fs.existsSync(path.join(root, 'out/test/support/lspClient.js'))) {
    console.error('Build first: npm run build');
    process.exit(2);
  }
  ensurePeerInstalled();
  const kubewise = [process.execPath, path.join(root, 'dist/server.js'), '--stdio'];
  const peer = [process.execPath, path.join(here, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'];
  const rows = [];
  for (const [name, bytes] of [
    ['examples x1 (3 KB)', 3_000],
    ['100 KB stream', 100_000],
    ['1 MB stream', 1_000_000],
  ]) {
    const text = workload(bytes);
    const ours = await measure('kubewise', kubewise, text);
    const theirs = await measure('peer', peer, text);
    rows.push({ workload: name, documents: text.split('\n---\n').length, ...{ ours, theirs } });
  }
  console.log(
    `\nTime to diagnostics, median of ${ROUNDS} (ratio = yaml-language-server / Kubewise; above 1 means Kubewise is faster)\n`,
  );
  console.log('workload             docs   open: kubewise  peer      ratio   edit: kubewise  peer      ratio');
  for (const row of rows) {
    const cell = (ms) => `${ms.toFixed(0).padStart(6)} ms`;
    console.log(
      `${row.workload.padEnd(20)} ${String(row.documents).padStart(5)}   ${cell(row.ours.open)}  ${cell(row.theirs.open)}  ${(row.theirs.open / row.ours.open).toFixed(2).padStart(5)}x   ${cell(row.ours.edit)}  ${cell(row.theirs.edit)}  ${(row.theirs.edit / row.ours.edit).toFixed(2).padStart(5)}x`,
    );
  }
}

await main();
