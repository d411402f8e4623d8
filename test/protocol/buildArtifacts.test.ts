/**
 * Images a skaffold.yaml builds are not findings of image-tag-not-pinned, in the CLI and
 * in the editor alike: the skaffold.yaml is never opened (the server reads it from
 * disk), and when it changes on disk the open manifest is re-checked.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../support/lspClient';

const CLI_BUNDLE = path.resolve(__dirname, '../../../dist/cli.js');
const RULE = 'image-tag-not-pinned';

const skaffold = (image: string): string =>
  `apiVersion: skaffold/v4beta11\nkind: Config\nmetadata:\n  name: shop\nbuild:\n  artifacts:\n    - image: ${image}\n`;
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: registry.example.com/shop/web:main\n    - name: cache\n      image: redis:latest\n';

let root: string;
let client: TestLspClient;
const full = (relative: string): string => path.join(root, ...relative.split('/'));
const uriOf = (relative: string): string => pathToFileURL(full(relative)).toString();

before(async () => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-skaffold-')));
  fs.mkdirSync(full('k8s'));
  fs.writeFileSync(full('skaffold.yaml'), skaffold('registry.example.com/shop/web'));
  fs.writeFileSync(full('k8s/web.yaml'), POD);
  client = new TestLspClient();
  await client.initialize([pathToFileURL(root).toString()]);
  await client.open(uriOf('k8s/web.yaml'), POD);
});

after(async () => {
  await client.shutdown();
  fs.rmSync(root, { recursive: true, force: true });
});

/** The lines (0-based) of the rule's findings in k8s/web.yaml, from the CLI and from the server. */
async function imageFindings(): Promise<{ cli: number[]; editor: number[] }> {
  const run = spawnSync(process.execPath, [CLI_BUNDLE, 'check', '.', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `the CLI failed: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { findings: { file: string; ruleId: string; range: { start: { line: number } } }[] };
  const cli = report.findings.filter((f) => f.ruleId === RULE && f.file === 'k8s/web.yaml').map((f) => f.range.start.line - 1);
  await client.idle();
  const editor = (client.latest(uriOf('k8s/web.yaml')) ?? []).filter((d) => d.code === RULE).map((d) => d.range.start.line);
  return { cli: cli.sort(), editor: editor.sort() };
}

test('the image skaffold builds is silent in both; the other image is reported in both', async () => {
  assert.deepEqual(await imageFindings(), { cli: [9], editor: [9] });
});

test('when skaffold.yaml changes on disk to build another image, both report the first again', async () => {
  fs.writeFileSync(full('skaffold.yaml'), skaffold('registry.example.com/shop/api'));
  await client.filesChanged([{ uri: uriOf('skaffold.yaml'), type: 2 }]);
  await client.until(
    () => (client.latest(uriOf('k8s/web.yaml')) ?? []).filter((d) => d.code === RULE).length === 2,
    'the manifest re-checked against the new skaffold.yaml',
  );
  assert.deepEqual(await imageFindings(), { cli: [7, 9], editor: [7, 9] });
});
