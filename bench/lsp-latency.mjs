// Kubewise against Red Hat's yaml-language-server (the engine of the YAML extension) in the same
// run, over the same LSP stdio transport, on the same files: time to first diagnostics, an edit of
// one document in the middle to its diagnostics, the server's CPU per edit, its peak memory, and
// hover, completion and code action latency on a field of the middle document. Ratios to the peer,
// not absolute times, are the result: the machine's speed (and load) cancels out.
//
// yaml-language-server runs without a Kubernetes schema here (fetching one needs the network), so
// it only checks YAML syntax: less work than Kubewise's parse + rules + schema validation.
//
// Usage: npm run build && npm run bench -- [--sizes 100,1000,5000] [--rounds 3] [--edit name|comment]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { manifestStream, middleDeployment } from './manifests.mjs';
import { cpuWhenSettled, peakMemoryMb } from './processStats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const YAML = require(path.join(root, 'node_modules/yaml'));

const REQUESTS_PER_ROUND = 3;
/** The peer takes ~18 s to open 5,000 documents; a round trip must never time out on it. */
const WAIT_MS = 300_000;
/** Large enough for every size here: the row that exists when the default limit skips a file. */
const RAISED_LIMIT_KB = 16 * 1024;

/**
 * What the edit types at the end of the middle Deployment's name line: a character of the name
 * (a fact other documents read changes: every judgement across documents is made again), or the
 * start of a comment (no fact changes: only the edited document is judged again).
 */
const EDITS = { name: 'x', comment: ' #' };
let editText = EDITS.name;
/**
 * After the first edit, this many more characters typed one by one, each once the last one's
 * diagnostics are in and the server's CPU has settled (a typist's pause): the first edit after
 * an open pays for what the open left (a collection of its garbage, code not yet compiled).
 */
const TYPED = 4;

function parseArgs(argv) {
  const options = { sizes: [100, 1_000, 5_000], rounds: Number(process.env.BENCH_ROUNDS ?? 3), edit: 'name' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sizes') options.sizes = String(argv[++i]).split(',').map(Number);
    else if (argv[i] === '--rounds') options.rounds = Number(argv[++i]);
    else if (argv[i] === '--edit') options.edit = String(argv[++i]);
    else throw new Error(`Unknown argument ${argv[i]} (use --sizes 100,1000 and --rounds N)`);
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 3) || !(options.rounds >= 1)) {
    throw new Error('--sizes takes document counts of 3 or more, --rounds a positive number');
  }
  if (!EDITS[options.edit]) {
    throw new Error(`--edit is one of ${Object.keys(EDITS).join(', ')}`);
  }
  return options;
}

function ensurePeerInstalled() {
  if (fs.existsSync(path.join(here, 'node_modules/yaml-language-server/package.json'))) return;
  console.log('Installing the peer (yaml-language-server) into bench/node_modules…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values) => ({ median: median(values), max: Math.max(...values) });

async function timed(action) {
  const started = performance.now();
  const result = await action();
  return { ms: performance.now() - started, result };
}

/** One server, one size: `rounds` fresh documents opened, edited, asked, closed; then its peak memory. */
async function measure(command, workload, rounds, settings = {}) {
  const { TestLspClient } = require(path.join(root, 'out/test/support/lspClient.js'));
  const client = new TestLspClient(command);
  client.settings = settings;
  await client.initialize([pathToFileURL(workload.folder).toString()]);
  const pid = client.pid;
  const open = [];
  const edit = [];
  const cpu = [];
  const typed = [];
  const typedCpu = [];
  const hover = [];
  const completion = [];
  const actions = [];
  const { text, at } = workload;
  for (let round = 0; round < rounds; round++) {
    const uri = pathToFileURL(path.join(workload.folder, `${workload.label}-${round}.yaml`)).toString();
    const textDocument = { uri };
    let before = client.publishCount(uri);
    const opened = await timed(async () => {
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yaml', version: 1, text },
      });
      return client.nextDiagnostics(uri, before, WAIT_MS);
    });
    if (opened.result.some((d) => d.code === 'file-not-checked')) {
      await client.shutdown();
      return { overLimit: true };
    }
    open.push(opened.ms);
    // Any publish the open still causes (the workspace index completing) happens before the edit.
    const cpuBefore = await cpuWhenSettled(pid);
    before = client.publishCount(uri);
    // Typing one character at the end of the middle Deployment's name, as an editor sends it.
    const end = { line: at.nameLine, character: at.nameEnd };
    const edited = await timed(async () => {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: end, end }, text: editText }],
      });
      return client.nextDiagnostics(uri, before, WAIT_MS);
    });
    edit.push(edited.ms);
    cpu.push((await cpuWhenSettled(pid)) - cpuBefore);
    // Typing on: one character after another at the end of what the first edit wrote.
    for (let key = 1; key <= TYPED; key++) {
      const at = { line: end.line, character: end.character + editText.length + key - 1 };
      const cpuBeforeKey = await cpuWhenSettled(pid);
      const countBefore = client.publishCount(uri);
      const keyed = await timed(async () => {
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 2 + key },
          contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
        });
        return client.nextDiagnostics(uri, countBefore, WAIT_MS);
      });
      typed.push(keyed.ms);
      typedCpu.push((await cpuWhenSettled(pid)) - cpuBeforeKey);
    }
    const inMiddle = edited.result.filter((d) => d.range.start.line >= at.first && d.range.start.line <= at.last);
    for (let i = 0; i < REQUESTS_PER_ROUND; i++) {
      for (const position of [at.replicas, at.image, at.label]) {
        hover.push((await timed(() => client.connection.sendRequest('textDocument/hover', { textDocument, position }))).ms);
      }
      const context = { triggerKind: 1 };
      const position = at.completion;
      completion.push(
        (await timed(() => client.connection.sendRequest('textDocument/completion', { textDocument, position, context }))).ms,
      );
      const range = { start: { line: at.first, character: 0 }, end: { line: at.last, character: 0 } };
      const asked = { textDocument, range, context: { diagnostics: inMiddle } };
      actions.push((await timed(() => client.connection.sendRequest('textDocument/codeAction', asked))).ms);
    }
    await client.connection.sendNotification('textDocument/didClose', { textDocument });
  }
  const memory = peakMemoryMb(pid);
  await client.shutdown();
  return {
    open: median(open),
    edit: median(edit),
    cpu: median(cpu),
    typed: median(typed),
    typedCpu: median(typedCpu),
    memory,
    hover: spread(hover),
    completion: spread(completion),
    actions: spread(actions),
  };
}

function yamlParseMs(text, rounds) {
  const times = [];
  for (let round = 0; round < Math.max(rounds, 3); round++) {
    const started = performance.now();
    YAML.parseAllDocuments(text);
    times.push(performance.now() - started);
  }
  return median(times);
}

const ms = (value) => `${Math.round(value).toLocaleString('en-US')} ms`;
const fine = (value) => (value < 10 ? `${value.toFixed(1)}` : `${Math.round(value)}`);
const latency = ({ median: m, max }) => `${fine(m)} / ${fine(max)} ms`;
const ratio = (value) => `${value.toFixed(value < 10 ? 2 : 1)}×`;
const percent = (value) => `${(100 * value).toFixed(1)}%`;

function tableRow(size, server, result) {
  const cells = result.overLimit
    ? ['not checked: over the limit', '', '', '', '', '', '']
    : [
        ms(result.open),
        `${ms(result.edit)} / ${ms(result.typed)}`,
        `${ms(result.cpu)} / ${ms(result.typedCpu)}`,
        `${Math.round(result.memory)} MB`,
        latency(result.hover),
        latency(result.completion),
        latency(result.actions),
      ];
  return `| ${size} | ${server} | ${cells.join(' | ')} |`;
}

function summary(row) {
  const ours = row.raised ?? row.kubewise;
  const { peer } = row;
  const slowest = Math.max(ours.hover.max, ours.completion.max, ours.actions.max);
  return [
    `- **${row.label}**${row.raised ? ' (Kubewise with the raised limit)' : ''}:`,
    `first diagnostics ${ratio(peer.open / ours.open)} the peer's speed, ${ratio(ours.open / row.yamlParse)} the yaml package's parse (${ms(row.yamlParse)});`,
    `edit ${ratio(peer.edit / ours.edit)} the peer's speed (${percent(ours.edit / peer.edit)} of its time), typing ${ratio(peer.typed / ours.typed)} (${percent(ours.typed / peer.typed)}), CPU per edit ${ratio(ours.cpu / Math.max(peer.cpu, 1))} the peer's, per typed key ${ratio(ours.typedCpu / Math.max(peer.typedCpu, 1))};`,
    `peak memory ${ratio(ours.memory / peer.memory)} the peer's;`,
    `slowest hover/completion/code action ${ms(slowest)} (${slowest < 20 ? 'under' : 'over'} 20 ms).`,
  ].join(' ');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  editText = EDITS[options.edit];
  if (!fs.existsSync(path.join(root, 'dist/server.js')) || !fs.existsSync(path.join(root, 'out/test/support/lspClient.js'))) {
    console.error('Build first: npm run build');
    process.exit(2);
  }
  ensurePeerInstalled();
  // Started as the extension starts it (client/src/serverLaunch.ts); the peer as its extension does, with no flags.
  const { SERVER_EXEC_ARGV } = require(path.join(root, 'out/client/src/serverLaunch.js'));
  const kubewise = [process.execPath, ...SERVER_EXEC_ARGV, path.join(root, 'dist/server.js'), '--stdio'];
  const peer = [process.execPath, path.join(here, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'];
  // An empty workspace folder: neither server indexes anything but the open file.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-bench-'));
  const rows = [];
  try {
    for (const size of options.sizes) {
      const { text, kinds } = manifestStream(size);
      const label = `${size.toLocaleString('en-US')} documents (${Math.round(Buffer.byteLength(text) / 1024).toLocaleString('en-US')} KB)`;
      const workload = { text, at: middleDeployment(text, kinds), folder };
      const row = { label, yamlParse: yamlParseMs(text, options.rounds) };
      console.error(`${label}: Kubewise…`);
      row.kubewise = await measure(kubewise, { ...workload, label: `kubewise-${size}` }, options.rounds);
      if (row.kubewise.overLimit) {
        console.error(`${label}: over Kubewise's default size limit; again with maxFileSizeKB ${RAISED_LIMIT_KB}…`);
        const settings = { maxFileSizeKB: RAISED_LIMIT_KB };
        row.raised = await measure(kubewise, { ...workload, label: `raised-${size}` }, options.rounds, settings);
      }
      console.error(`${label}: yaml-language-server…`);
      row.peer = await measure(peer, { ...workload, label: `peer-${size}` }, options.rounds);
      rows.push(row);
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  console.log(
    `\nMedian of ${options.rounds} rounds; the edit: ${options.edit === 'name' ? 'a character typed in a name' : 'a comment started'}, then ${TYPED} more characters typed one at a time (typing: their median); requests: median / max of ${options.rounds * REQUESTS_PER_ROUND} (hover: of ${options.rounds * REQUESTS_PER_ROUND * 3}, on three positions). Load average: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}\n`,
  );
  console.log(
    '| file | server | first diagnostics | edit → diagnostics (first / typing) | CPU per edit (first / typing) | peak memory | hover | completion | code actions |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(tableRow(row.label, 'Kubewise', row.kubewise));
    if (row.raised) console.log(tableRow(row.label, `Kubewise, maxFileSizeKB ${RAISED_LIMIT_KB}`, row.raised));
    console.log(tableRow(row.label, 'yaml-language-server', row.peer));
  }
  console.log(`\n(“N× the peer's speed”: peer time / Kubewise time, above 1 means Kubewise is faster.)\n`);
  for (const row of rows) console.log(summary(row));
}

await main();
