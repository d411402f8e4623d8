/**
 * docs/ci/kubewise.yml, run locally: every `run:` step of each job, in order, with the
 * shell GitHub uses (`bash -e`, or `bash -eo pipefail` for `shell: bash`), in a scratch
 * repository with manifests and a Helm chart. Three things differ from a runner, and
 * only these: the `uses:` steps are not run (the scratch repository is the checkout,
 * this Node is setup-node's, and the SARIF is validated here instead of uploaded);
 * `npm install --global kubewise@0` installs the packed tarball (offline) into a
 * scratch prefix; `helm` is a stand-in that prints what helm 3 renders for the example
 * chart (test/fixtures/helm-template/).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { installPackedKubewise, REPO_ROOT } from '../support/installedPackage';
import type { InstalledPackage } from '../support/installedPackage';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
}
interface Workflow {
  permissions: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}

const WORKFLOW = parseYaml(fs.readFileSync(path.join(REPO_ROOT, 'docs/ci/kubewise.yml'), 'utf8')) as Workflow;
const INSTALL = 'npm install --global kubewise@0';
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}
`;

let installed: InstalledPackage;
let repo: string;
let env: NodeJS.ProcessEnv;

before(() => {
  installed = installPackedKubewise();
  repo = path.join(path.dirname(installed.folder), 'repo');
  fs.mkdirSync(path.join(repo, 'k8s'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'k8s', 'web.yaml'), DEPLOYMENT);
  fs.cpSync(path.join(REPO_ROOT, 'examples/helm/web-chart'), path.join(repo, 'charts/web-chart'), { recursive: true });
  fs.mkdirSync(path.join(repo, '.github', 'workflows'), { recursive: true });
  fs.copyFileSync(path.join(REPO_ROOT, 'docs/ci/kubewise.yml'), path.join(repo, '.github/workflows/kubewise.yml'));
  const prefix = path.join(path.dirname(installed.folder), 'global');
  const tools = path.join(path.dirname(installed.folder), 'tools');
  fs.mkdirSync(tools);
  const rendered = path.join(REPO_ROOT, 'test/fixtures/helm-template/web-chart.rendered.yaml');
  fs.writeFileSync(
    path.join(tools, 'helm'),
    `#!/bin/sh\n[ "$*" = "template web-chart charts/web-chart" ] || { echo "unexpected: helm $*" >&2; exit 2; }\ncat '${rendered}'\n`,
    { mode: 0o755 },
  );
  env = {
    ...process.env,
    PATH: [path.join(prefix, 'bin'), tools, process.env.PATH].join(path.delimiter),
    NO_COLOR: '1',
    npm_config_prefix: prefix,
    npm_config_offline: 'true',
    npm_config_cache: path.join(path.dirname(installed.folder), 'npm-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
});
after(() => installed?.remove());

/** Runs a job's `run:` steps in order; returns each step's output and exit code. */
function runJob(job: string): { name: string; status: number | null; stdout: string; stderr: string }[] {
  const steps = WORKFLOW.jobs[job]?.steps ?? [];
  const results = [];
  for (const step of steps) {
    if (step.run === undefined) continue;
    const command = step.run.trim() === INSTALL ? `npm install --global '${installed.tarball}'` : step.run;
    const shellArgs = step.shell === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail', '-c'] : ['-e', '-c'];
    const result = spawnSync('bash', [...shellArgs, command], { cwd: repo, env, encoding: 'utf8', timeout: 60_000 });
    results.push({ name: step.name ?? command, status: result.status, stdout: result.stdout, stderr: result.stderr });
    if (result.status !== 0) break; // as a runner: a failing step ends the job
  }
  return results;
}

test('every job installs kubewise the documented way, and the upload has the permission it needs', () => {
  for (const [name, job] of Object.entries(WORKFLOW.jobs)) {
    assert.ok(
      job.steps.some((step) => step.run?.trim() === INSTALL),
      `${name} installs with "${INSTALL}"`,
    );
  }
  assert.equal(WORKFLOW.jobs['code-scanning']?.permissions?.['security-events'], 'write');
  const upload = WORKFLOW.jobs['code-scanning']?.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'));
  assert.ok(upload, 'the code-scanning job uploads with upload-sarif');
});

test('code-scanning: the steps write a SARIF log whose results point at files of the repository', () => {
  const results = runJob('code-scanning');
  for (const step of results) assert.equal(step.status, 0, `${step.name}: ${step.stderr}`);
  const log = JSON.parse(fs.readFileSync(path.join(repo, 'kubewise.sarif'), 'utf8')) as {
    version: string;
    runs: {
      results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[];
    }[];
  };
  assert.equal(log.version, '2.1.0');
  const found = log.runs[0]?.results ?? [];
  assert.ok(found.some((result) => result.ruleId === 'missing-liveness-probe'));
  for (const result of found) {
    const location = result.locations[0]?.physicalLocation.artifactLocation;
    assert.equal(location?.uriBaseId, '%SRCROOT%');
    assert.ok(fs.existsSync(path.join(repo, decodeURIComponent(location?.uri ?? ''))), location?.uri);
  }
});

test('annotations: workflow commands on the manifests and on the Helm chart’s template files', () => {
  const results = runJob('annotations');
  for (const step of results) assert.equal(step.status, 0, `${step.name}: ${step.stderr}`);
  const manifests = results.find((step) => step.name === 'Check the manifests');
  assert.match(manifests?.stdout ?? '', /^::warning file=k8s\/web\.yaml,line=10,.*title=Kubewise missing-liveness-probe::/m);
  const chart = results.find((step) => step.name === 'Check the rendered Helm chart');
  const files = [...(chart?.stdout ?? '').matchAll(/^::\w+ file=([^,]+),line=(\d+)/gm)].map((match) => match[1] ?? '');
  assert.ok(files.length > 0, chart?.stdout);
  for (const file of files) {
    assert.equal(file, 'charts/web-chart/templates/deployment.yaml');
    assert.ok(fs.existsSync(path.join(repo, file)));
  }
});

test('a failing helm fails the Helm step (pipefail), not silently passes it', () => {
  const step = WORKFLOW.jobs.annotations?.steps.find((candidate) => candidate.name === 'Check the rendered Helm chart');
  assert.equal(step?.shell, 'bash');
  const broken = step!.run!.replace('charts/web-chart', 'charts/missing-chart');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', broken], {
    cwd: repo,
    env,
    encoding: 'utf8',
  });
  assert.notEqual(result.status, 0);
});
