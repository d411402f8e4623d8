// Hover, completion and code actions on one huge document: a CustomResourceDefinition the size of
// the Prometheus Operator's `prometheuses` CRD (810 KB, 13,000 lines). The first hover on it used to
// cost about a second (the document parsed again for the request); the target is under 20 ms for
// every request, the first after opening and the first after an edit included.
//
// Usage: npm run build && node bench/crd-requests.mjs [crd.yaml] [--rounds N]
//   Without a file, a synthetic CRD of the same size is generated.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);

/** A CRD whose schema has `count` object fields of a few properties each, each described. */
function syntheticCrd(count) {
  const field = (i) => `              field${i}:
                description: |-
                  Field ${i} of the synthetic spec. Long descriptions are what make real CRDs large:
                  controller-gen copies every Go doc comment into the schema, paragraph by paragraph.
                properties:
                  name:
                    description: The name of the thing field ${i} refers to.
                    type: string
                  port:
                    description: The port, a number or a name.
                    x-kubernetes-int-or-string: true
                  enabled:
                    description: Whether field ${i} is on.
                    type: boolean
                type: object`;
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names:
    kind: Widget
    plural: widgets
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
${Array.from({ length: count }, (_, i) => field(i)).join('\n')}
`;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(action) {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

async function main() {
  const args = process.argv.slice(2);
  const roundsAt = args.indexOf('--rounds');
  const rounds = roundsAt === -1 ? 5 : Number(args.splice(roundsAt, 2)[1]);
  const text = args[0] ? fs.readFileSync(args[0], 'utf8') : syntheticCrd(1_300);
  const lines = text.split('\n');
  // A key in the middle of the file, and completion at the start of it.
  let middle = Math.floor(lines.length / 2);
  while (!/^\s+[\w-]+: \S/.test(lines[middle] ?? '') || /^\s+description:/.test(lines[middle])) middle++;
  const keyColumn = lines[middle].search(/\S/);
  const { TestLspClient } = require(path.join(root, 'out/test/support/lspClient.js'));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-crd-bench-'));
  const client = new TestLspClient();
  client.settings = { maxFileSizeKB: 16 * 1024 };
  await client.initialize([pathToFileURL(folder).toString()]);
  const uri = pathToFileURL(path.join(folder, 'crd.yaml')).toString();
  const textDocument = { uri };
  const opened = await timed(() => client.open(uri, text));
  const hover = { textDocument, position: { line: middle, character: keyColumn + 1 } };
  const completion = { textDocument, position: { line: middle, character: keyColumn }, context: { triggerKind: 1 } };
  const range = { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } };
  const actions = () => ({ textDocument, range, context: { diagnostics: client.latest(uri) ?? [] } });
  const rows = [];
  const ask = async (label) => {
    rows.push([`${label}: hover`, await timed(() => client.connection.sendRequest('textDocument/hover', hover))]);
    rows.push([`${label}: completion`, await timed(() => client.connection.sendRequest('textDocument/completion', completion))]);
    rows.push([`${label}: code actions`, await timed(() => client.connection.sendRequest('textDocument/codeAction', actions()))]);
  };
  await ask('first after opening');
  const repeated = { hover: [], completion: [], actions: [] };
  for (let i = 0; i < rounds; i++) {
    repeated.hover.push(await timed(() => client.connection.sendRequest('textDocument/hover', hover)));
    repeated.completion.push(await timed(() => client.connection.sendRequest('textDocument/completion', completion)));
    repeated.actions.push(await timed(() => client.connection.sendRequest('textDocument/codeAction', actions())));
  }
  // One character typed at the end of the first one-line description; the requests after it see a new text.
  const described = lines.findIndex((line) => /^\s+description: \w/.test(line));
  const at = { line: described, character: lines[described].length };
  const before = client.publishCount(uri);
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
  });
  await client.nextDiagnostics(uri, before, 60_000);
  await ask('first after an edit');
  await client.shutdown();
  fs.rmSync(folder, { recursive: true, force: true });

  const size = `${Math.round(Buffer.byteLength(text) / 1024)} KB, ${lines.length.toLocaleString('en-US')} lines`;
  console.log(
    `\n${args[0] ?? 'synthetic CRD'} (${size}); first diagnostics ${Math.round(opened)} ms; requests on line ${middle + 1}`,
  );
  console.log(`load average: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}\n`);
  console.log('| request | ms |\n|---|---:|');
  for (const [label, ms] of rows) console.log(`| ${label} | ${ms.toFixed(1)} |`);
  for (const [name, values] of Object.entries(repeated)) {
    console.log(`| ${name}, median / max of ${rounds} more | ${median(values).toFixed(1)} / ${Math.max(...values).toFixed(1)} |`);
  }
}

await main();
