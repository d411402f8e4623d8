// The npm package end to end: packed, installed into an empty folder, and both of its
// bins run from there: `kubewise check` and `kubewise-language-server --stdio`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { installPackedKubewise, REPO_ROOT } from '../support/installedPackage';
import type { InstalledPackage } from '../support/installedPackage';
import { TestLspClient } from '../support/lspClient';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      resources:
        requests: { cpu: 100m, memory: 64Mi }
        limits: { memory: 64Mi }
`;

let installed: InstalledPackage;
before(() => {
  installed = installPackedKubewise();
});
after(() => installed?.remove());

test('the tarball holds the bundles (the CLI, its worker, the server) and the texts, and declares no dependencies', () => {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(installed.folder, 'node_modules', 'kubewise', 'package.json'), 'utf8'),
  ) as Record<string, unknown>;
  assert.deepEqual(manifest.bin, { kubewise: 'dist/cli.js', 'kubewise-language-server': 'dist/server.js' });
  assert.equal(manifest.dependencies, undefined);
  assert.equal(manifest.private, undefined);
  const files = fs
    .readdirSync(path.join(installed.folder, 'node_modules', 'kubewise'), { recursive: true })
    .map(String)
    .sort();
  assert.deepEqual(files, [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist',
    'dist/cli.js',
    'dist/cliWorker.js',
    'dist/server.js',
    'package.json',
  ]);
  // Nothing but kubewise itself was installed.
  assert.deepEqual(
    fs.readdirSync(path.join(installed.folder, 'node_modules')).filter((name) => !name.startsWith('.')),
    ['kubewise'],
  );
});

test('`kubewise check` runs from the installed package', () => {
  fs.writeFileSync(path.join(installed.folder, 'pod.yaml'), POD);
  const result = spawnSync(installed.bin('kubewise'), ['check', 'pod.yaml'], {
    cwd: installed.folder,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^pod\.yaml:7:\d+ +warning .*\[missing-liveness-probe\]$/m);
  const version = spawnSync(installed.bin('kubewise'), ['--version'], { encoding: 'utf8' });
  const expected = (JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as { version: string })
    .version;
  assert.equal(version.stdout.trim(), expected);
});

test('`kubewise-language-server --stdio` answers initialize and publishes diagnostics', async () => {
  const client = new TestLspClient([installed.bin('kubewise-language-server'), '--stdio']);
  try {
    const result = (await client.initialize([pathToFileURL(installed.folder).href])) as {
      serverInfo: { name: string; version?: string };
      capabilities: Record<string, unknown>;
    };
    assert.equal(result.serverInfo.name, 'kubewise');
    assert.ok(result.capabilities.hoverProvider);
    const uri = pathToFileURL(path.join(installed.folder, 'pod.yaml')).href;
    const diagnostics = await client.open(uri, POD);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'missing-liveness-probe'));
  } finally {
    await client.shutdown();
  }
});

test('the language server started without a transport prints its usage instead of a stack', () => {
  const result = spawnSync(installed.bin('kubewise-language-server'), [], { encoding: 'utf8', timeout: 10_000 });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^Usage: kubewise-language-server --stdio/);
  assert.doesNotMatch(result.stderr, /at .*\.js:\d+/);
});

/**
 * The pre-commit hook as pre-commit runs it: the staged files that match `types_or`
 * (identify's yaml and json), appended to the shlex-split `entry`, one run
 * (`require_serial`), in the repository, with the package installed in it.
 */
test('the pre-commit hook checks the staged manifests and fails the commit on an error', () => {
  const hooks = parseYaml(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
    id: string;
    entry: string;
    language: string;
    types_or: string[];
    require_serial: boolean;
  }[];
  const hook = hooks.find((candidate) => candidate.id === 'kubewise');
  assert.ok(hook, 'a hook with id kubewise');
  assert.equal(hook.language, 'system');
  assert.deepEqual(hook.types_or, ['yaml', 'json']);
  assert.equal(hook.require_serial, true);

  const repo = installed.folder;
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '-q');
  fs.writeFileSync(path.join(repo, 'pod.yaml'), POD);
  fs.writeFileSync(path.join(repo, 'notes.txt'), 'not a manifest\n');
  fs.writeFileSync(path.join(repo, 'unstaged.yaml'), POD.replace('64Mi }', '100mi }'));
  git('add', 'pod.yaml', 'notes.txt');

  const runHook = (): { status: number | null; stdout: string } => {
    const staged = git('diff', '--cached', '--name-only', '--diff-filter=ACMR').split('\n').filter(Boolean);
    const files = staged.filter((file) => /\.(ya?ml|json)$/.test(file));
    const [program = '', ...args] = hook.entry.split(/\s+/);
    const result = spawnSync(program, [...args, ...files], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', npm_config_offline: 'true', npm_config_update_notifier: 'false' },
    });
    return { status: result.status, stdout: result.stdout + result.stderr };
  };

  const clean = runHook();
  assert.equal(clean.status, 0, clean.stdout);
  assert.match(clean.stdout, /^pod\.yaml:\d+:\d+ +warning/m);
  assert.doesNotMatch(clean.stdout, /unstaged\.yaml|notes\.txt/);

  fs.writeFileSync(path.join(repo, 'broken.yaml'), POD.replace('64Mi }', '100mi }'));
  git('add', 'broken.yaml');
  const failing = runHook();
  assert.equal(failing.status, 1, failing.stdout);
  assert.match(failing.stdout, /^broken\.yaml:\d+:\d+ +error .*\[invalid-quantity\]$/m);
});

test('`kubewise check --jobs 2` starts its workers from the installed package', () => {
  // Enough files that the CLI uses workers rather than its own thread (MIN_FILES_FOR_WORKERS).
  const folder = path.join(installed.folder, 'many');
  fs.mkdirSync(folder, { recursive: true });
  for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(folder, `pod-${i}.yaml`), POD.replace('name: web', `name: web-${i}`));
  const run = (jobs: string): ReturnType<typeof spawnSync> =>
    spawnSync(installed.bin('kubewise'), ['check', '--format', 'json', '--jobs', jobs, 'many'], {
      cwd: installed.folder,
      encoding: 'utf8',
    });
  const parallel = run('2');
  assert.equal(parallel.status, 0, String(parallel.stderr));
  assert.equal(parallel.stderr, '');
  assert.doesNotMatch(String(parallel.stdout), /internal-error/);
  assert.equal(parallel.stdout, run('1').stdout);
});
