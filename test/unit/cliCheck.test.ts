// `kubewise check` end to end in-process, text format: which files are checked,
// what is printed, and the exit code CI relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONTAINER_LINE, DEPLOYMENT_WITHOUT_PROBES, FIXTURES, runCli } from './cliHarness';

const LIVENESS = '[missing-liveness-probe]';
const READINESS = '[missing-readiness-probe]';

test('a clean directory exits 0 and says so', async () => {
  const result = await runCli(['check', 'clean']);
  assert.equal(result.code, 0);
  assert.equal(result.stdout, 'No problems in 2 files.\n');
  assert.equal(result.stderr, '');
});

test('warnings alone exit 0; findings are printed per file, sorted, with 1-based positions', async () => {
  const result = await runCli(['check', 'findings']);
  assert.equal(result.code, 0);
  assert.equal(
    result.stdout,
    [
      `findings/deployment.yaml:17:11  warning  Container 'web' has no livenessProbe: if it hangs, Kubernetes never restarts it.  ${LIVENESS}`,
      `findings/deployment.yaml:17:11  warning  Container 'web' declares ports but has no readinessProbe: it gets traffic as soon as its process starts, ready or not.  ${READINESS}`,
      '',
      `findings/nested/statefulset.json:13:13  warning  Container 'db' has no livenessProbe: if it hangs, Kubernetes never restarts it.  ${LIVENESS}`,
      '',
      '3 problems (3 warnings) in 2 of 2 files',
      '',
    ].join('\n'),
  );
});

test('the walk skips node_modules, hidden directories and other extensions, which do have findings', async () => {
  const skipped = [
    'findings/node_modules/some-package/deployment.yaml',
    'findings/.hidden/deployment.yaml',
    'findings/manifest.txt',
  ];
  for (const file of skipped) {
    // Named explicitly, each is checked and fires: so their absence below is the walk's doing.
    const explicit = await runCli(['check', file]);
    assert.match(explicit.stdout, new RegExp(`^${file.replace(/\./g, '\\.')}:16:11 .*no livenessProbe`, 'm'));
  }
  const walked = await runCli(['check', 'findings']);
  for (const file of skipped) assert.ok(!walked.stdout.includes(file), `${file} should be skipped`);
});

test('a file named twice, or named and inside a named directory, is reported once', async () => {
  const result = await runCli(['check', 'findings', 'findings/deployment.yaml', './findings/deployment.yaml']);
  assert.match(result.stdout, /3 problems \(3 warnings\) in 2 of 2 files/);
});

test('an error finding exits 1; a binary file and a malformed file do not stop the run', async () => {
  const result = await runCli(['check', 'broken', 'findings/deployment.yaml']);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^broken\/binary\.yaml:1:1 +error +Binary file .* \[unreadable-file\]$/m);
  assert.match(result.stdout, /^broken\/malformed\.yaml:\d+:\d+ +error +.*\[yaml-syntax\]$/m);
  assert.match(result.stdout, /^findings\/deployment\.yaml:17:11 .*\[missing-liveness-probe\]$/m);
  assert.match(result.stdout, /4 problems \(2 errors, 2 warnings\) in 3 of 3 files\n$/);
});

test('a path that does not exist exits 2 and checks nothing, even with good paths beside it', async () => {
  const result = await runCli(['check', 'findings', 'no/such/dir']);
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr, 'kubewise: no/such/dir: no such file or directory\n');
});

test('unknown options and commands exit 2 with usage on stderr', async () => {
  for (const argv of [['check', '--fix', 'clean'], ['lint', 'clean'], []]) {
    const result = await runCli(argv);
    assert.equal(result.code, 2, JSON.stringify(argv));
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^kubewise: .*\n\nUsage: kubewise check/);
  }
});

test('--help prints usage on stdout; --version prints the package version', async () => {
  const help = await runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: kubewise check/);
  const version = await runCli(['--version']);
  assert.equal(version.code, 0);
  const packageJson = JSON.parse(fs.readFileSync(path.join(FIXTURES, '../../../package.json'), 'utf8')) as { version: string };
  assert.equal(version.stdout, `${packageJson.version}\n`);
});

test('- reads YAML from stdin', async () => {
  const result = await runCli(['check', '-'], { stdin: DEPLOYMENT_WITHOUT_PROBES });
  assert.equal(result.code, 0);
  assert.match(result.stdout, new RegExp(`^<stdin>:${CONTAINER_LINE}:11 +warning +Container 'app' has no livenessProbe`, 'm'));
  assert.match(result.stdout, /2 problems \(2 warnings\) in 1 of 1 file\n$/);
  const broken = await runCli(['check', '-'], { stdin: 'key: [unclosed\n' });
  assert.equal(broken.code, 1);
  assert.match(broken.stdout, /^<stdin>:.*\[yaml-syntax\]$/m);
});

test('a file in a Helm chart templates/ folder is not checked as YAML', async () => {
  const result = await runCli(['check', 'helm']);
  assert.equal(result.code, 0);
  assert.match(
    result.stdout,
    /^helm\/web\/templates\/deployment\.yaml:1:1 +information +Helm chart template.*\[file-not-checked\]$/m,
  );
  assert.ok(!result.stdout.includes(LIVENESS));
});

test('a GitHub Actions workflow produces nothing', async () => {
  const result = await runCli(['check', 'github-workflow']);
  assert.equal(result.stdout, 'No problems in 1 file.\n');
  assert.equal(result.code, 0);
});

test('--max-file-size-kb skips larger files with an information finding', async () => {
  const result = await runCli(['check', '--max-file-size-kb', '0.1', 'findings/deployment.yaml']);
  assert.equal(result.code, 0);
  assert.match(result.stdout, /:1:1 +information +File not checked: 1 KiB is over the 0 KiB limit.*\[file-not-checked\]/);
  assert.ok(!result.stdout.includes(LIVENESS));
});

test('.kubewise.yaml in the working directory sets severities', async () => {
  const result = await runCli(['check', '.'], { cwd: path.join(FIXTURES, 'configured') });
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^deployment\.yaml:17:11 +error +.*\[missing-liveness-probe\]$/m);
  assert.ok(!result.stdout.includes(READINESS), 'readiness is off in configured/.kubewise.yaml');
});

test('--config names a configuration file explicitly', async () => {
  const result = await runCli(['check', '--config', 'configured/.kubewise.yaml', 'findings/deployment.yaml']);
  assert.equal(result.code, 1);
  assert.ok(!result.stdout.includes(READINESS));
  const missing = await runCli(['check', '--config', 'nowhere.yaml', 'clean']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read configuration .*nowhere\.yaml: no such file or directory/);
});

test('the configuration of the nearest ancestor of the working directory applies', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-cli-'));
  try {
    fs.writeFileSync(path.join(root, '.kubewise.yaml'), 'rules:\n  missing-liveness-probe: "off"\n');
    const deep = path.join(root, 'a', 'b');
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(deep, 'app.yaml'), DEPLOYMENT_WITHOUT_PROBES);
    const result = await runCli(['check', 'app.yaml'], { cwd: deep });
    assert.ok(!result.stdout.includes(LIVENESS));
    assert.match(result.stdout, new RegExp(`^app\\.yaml:${CONTAINER_LINE}:11 .*\\[missing-readiness-probe\\]$`, 'm'));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('an invalid configuration exits 2, prints its findings and checks nothing', async () => {
  const result = await runCli(['check', '.'], { cwd: path.join(FIXTURES, 'invalid-config') });
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /invalid configuration \.kubewise\.yaml/);
  assert.match(result.stderr, /^\.kubewise\.yaml:3:3 +error +Unknown rule 'no-such-rule'\. +\[invalid-config\]$/m);
});

test(
  'an unreadable file is an unreadable-file finding, not a crash',
  { skip: process.getuid?.() === 0 && 'root reads any file' },
  async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-cli-'));
    try {
      fs.writeFileSync(path.join(root, 'secret.yaml'), 'a: 1\n', { mode: 0o000 });
      fs.writeFileSync(path.join(root, 'fine.yaml'), 'a: 1\n');
      const result = await runCli(['check', '.'], { cwd: root });
      assert.equal(result.code, 1);
      assert.match(result.stdout, /^secret\.yaml:1:1 +error +Could not read the file: permission denied +\[unreadable-file\]$/m);
      assert.match(result.stdout, /in 1 of 2 files/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  },
);

test('colour only on a terminal, and never with NO_COLOR', async () => {
  const escape = '\u001b[';
  assert.ok((await runCli(['check', 'findings'], { isTTY: true })).stdout.includes(escape));
  assert.ok(!(await runCli(['check', 'findings'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout.includes(escape));
  assert.ok(!(await runCli(['check', 'findings'], { isTTY: false })).stdout.includes(escape));
});

test('rules across files: a ResourceQuota is summed against the Deployments of its namespace in other files', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-quota-'));
  fs.writeFileSync(
    path.join(dir, 'quota.yaml'),
    'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: compute, namespace: shop}\nspec:\n  hard: {requests.cpu: "1"}\n',
  );
  const deployment = (name: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n          resources: {requests: {cpu: 300m}}\n`;
  fs.writeFileSync(path.join(dir, 'web.yaml'), deployment('web'));
  fs.writeFileSync(path.join(dir, 'api.yaml'), deployment('api'));
  const result = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
  const report = JSON.parse(result.stdout) as { findings: { ruleId: string; file: string; message: string }[] };
  const quota = report.findings.filter((f) => f.ruleId === 'quota-exceeded').map((f) => [f.file, f.message]);
  assert.deepEqual(quota, [
    [
      'quota.yaml',
      "Workloads in namespace 'shop' ask for 1.2 CPU (Deployment api 2 × 0.3 CPU, Deployment web 2 × 0.3 CPU), more than this quota's requests.cpu: 1: the pods past it are rejected at creation.",
    ],
  ]);
});

test('ignore: in .kubewise.yaml leaves folders out of walks, relative to the config file; a named file is still checked', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-ignore-'));
  try {
    fs.writeFileSync(path.join(root, '.kubewise.yaml'), 'ignore:\n  - generated/**\n');
    for (const folder of ['app', 'generated', 'app/generated']) {
      fs.mkdirSync(path.join(root, folder), { recursive: true });
      fs.writeFileSync(path.join(root, folder, 'app.yaml'), DEPLOYMENT_WITHOUT_PROBES);
    }
    const walked = await runCli(['check', '.', '--format', 'json'], { cwd: path.join(root, 'app') });
    const files = (JSON.parse(walked.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file);
    assert.deepEqual([...new Set(files)], ['app.yaml', 'generated/app.yaml'], 'only generated/ next to the config is ignored');
    const all = await runCli(['check', '.'], { cwd: root });
    assert.match(all.stdout, /^app\/generated\/app\.yaml:15:11 /m);
    assert.ok(!/^generated\/app\.yaml:/m.test(all.stdout), 'the ignored folder is not walked');
    const named = await runCli(['check', 'generated/app.yaml'], { cwd: root });
    assert.match(named.stdout, /^generated\/app\.yaml:15:11 .*\[missing-liveness-probe\]$/m);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
