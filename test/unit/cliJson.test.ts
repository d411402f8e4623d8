// The JSON output is an interface scripts depend on: every field, its type and its
// meaning (1-based positions, paths relative to the working directory, nulls).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTAINER_LINE, DEPLOYMENT_WITHOUT_PROBES, FIXTURES, runJson } from './cliHarness';

test('a finding carries every field, 1-based, with the object and container', async () => {
  const { code, json } = await runJson(['findings']);
  assert.equal(code, 0);
  const packageJson = JSON.parse(fs.readFileSync(path.join(FIXTURES, '../../../package.json'), 'utf8')) as { version: string };
  assert.equal(json.version, packageJson.version);
  assert.deepEqual(json.findings[0], {
    ruleId: 'missing-liveness-probe',
    equivalents: ['kube-linter:no-liveness-probe', 'kube-score:pod-probes', 'polaris:livenessProbeMissing', 'checkov:CKV_K8S_8'],
    severity: 'warning',
    message: "Container 'web' has no livenessProbe: if it hangs, Kubernetes never restarts it.",
    file: 'findings/deployment.yaml',
    range: { start: { line: 17, column: 11 }, end: { line: 17, column: 20 } },
    object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'fire' },
    container: 'web',
    fixable: true,
    rendered: null,
  });
  assert.deepEqual(
    json.findings.map((finding) => [finding.file, finding.ruleId]),
    [
      ['findings/deployment.yaml', 'missing-liveness-probe'],
      ['findings/deployment.yaml', 'missing-readiness-probe'],
      ['findings/nested/statefulset.json', 'missing-liveness-probe'],
    ],
  );
  assert.deepEqual(json.summary, { errors: 0, warnings: 3, information: 0, hints: 0, files: 2 });
});

test('absent parts are null, not missing, and a JSON manifest without a fix is not fixable', async () => {
  const { json } = await runJson(['findings/nested/statefulset.json']);
  const [finding] = json.findings;
  assert.deepEqual(finding?.object, { apiVersion: 'apps/v1', kind: 'StatefulSet', namespace: null, name: 'fire-nested' });
  assert.equal(finding?.fixable, false);
});

test('file-level findings have object and container null; severities are counted apart', async () => {
  const { code, json } = await runJson(['broken', 'helm']);
  assert.equal(code, 1);
  const binary = json.findings.find((finding) => finding.file === 'broken/binary.yaml');
  assert.deepEqual(binary && { ...binary, message: '' }, {
    ruleId: 'unreadable-file',
    equivalents: [],
    severity: 'error',
    message: '',
    file: 'broken/binary.yaml',
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    object: null,
    container: null,
    fixable: false,
    rendered: null,
  });
  assert.deepEqual(json.summary, { errors: 2, warnings: 0, information: 1, hints: 0, files: 4 });
});

test('paths are relative to the working directory with forward slashes, whatever the argument', async () => {
  const { json } = await runJson([path.join(FIXTURES, 'findings', 'nested')], { cwd: path.join(FIXTURES, 'findings') });
  assert.deepEqual([...new Set(json.findings.map((finding) => finding.file))], ['nested/statefulset.json']);
});

test('stdin findings name the file <stdin>', async () => {
  const { json } = await runJson(['-'], { stdin: DEPLOYMENT_WITHOUT_PROBES });
  assert.deepEqual(
    json.findings.map((finding) => [finding.file, finding.range.start.line]),
    [
      ['<stdin>', CONTAINER_LINE],
      ['<stdin>', CONTAINER_LINE],
    ],
  );
  assert.equal(json.summary.files, 1);
});

test('a clean run is an empty list, still with a summary', async () => {
  const { code, json } = await runJson(['clean']);
  assert.equal(code, 0);
  assert.deepEqual(json.findings, []);
  assert.deepEqual(json.summary, { errors: 0, warnings: 0, information: 0, hints: 0, files: 2 });
});
