// `kubewise size`: each estimate in the three formats, --help per estimate, and exit 2
// with the reason on bad input.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from './cliHarness';
import { REPO_ROOT } from '../support/ruleTester';

const SIZING = path.join(REPO_ROOT, 'test/fixtures/sizing');

test('size prometheus: the seed example in text, JSON and Markdown', async () => {
  const args = ['size', 'prometheus', '--samples-per-second', '100000', '--retention', '1h'];
  const text = await runCli(args);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Disk per hour +0\.54 GB .* per hour/);
  assert.match(text.stdout, /Retention +1h +\[--retention\]/);
  const json = await runCli([...args, '--format', 'json']);
  const report = JSON.parse(json.stdout) as { estimate: string; sections: { rows: { key: string; value: unknown }[] }[] };
  assert.equal(report.estimate, 'prometheus');
  assert.equal(report.sections[0]?.rows.find((row) => row.key === 'bytesPerHour')?.value, 540_000_000);
  const markdown = await runCli([...args, '--format', 'markdown']);
  assert.match(markdown.stdout, /^### Prometheus storage/);
  assert.match(markdown.stdout, /\| Disk per hour \| 0\.54 GB/);
});

test('size prometheus from targets: 1,700 × 700 / 15s', async () => {
  const result = await runCli([
    'size',
    'prometheus',
    '--targets',
    '1700',
    '--series-per-target',
    '700',
    '--interval',
    '15s',
    '--retention',
    '15d',
  ]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Scraped samples per second +about 79,333\.33/);
});

test('size pods, capacity and series read flags and the workspace', async () => {
  const pods = await runCli([
    'size',
    'pods',
    '--instance-type',
    'm5.4xlarge',
    '--pods',
    '30',
    '--warm-ip-target',
    '30',
    '--format',
    'json',
  ]);
  const rows = (JSON.parse(pods.stdout) as { sections: { rows: { key: string; value: unknown }[] }[] }).sections[0]?.rows ?? [];
  assert.equal(rows.find((row) => row.key === 'ipsHeld')?.value, 60);
  assert.equal(rows.find((row) => row.key === 'maxPods')?.value, 234);
  const fromDaemonSet = await runCli(['size', 'pods', '--instance-type', 'm5.4xlarge', '--pods', '30', '.'], { cwd: SIZING });
  assert.match(fromDaemonSet.stdout, /Addresses held per node +32/);
  assert.match(fromDaemonSet.stdout, /MINIMUM_IP_TARGET of DaemonSet kube-system\/aws-node \(shop.yaml\)/);
  const capacity = await runCli(['size', 'capacity', '.', '--namespace', 'shop', '--format', 'markdown'], { cwd: SIZING });
  assert.equal(capacity.code, 0, capacity.stderr);
  assert.match(capacity.stdout, /\| CPU requests \| 1\.8 CPU \|/);
  const series = await runCli(['size', 'series', '.'], { cwd: SIZING });
  assert.match(series.stdout, /Series +4,200 +\(6 targets × 700 series per target\)/);
});

test('--help for each estimate lists its own flags', async () => {
  for (const [estimate, flag] of [
    ['prometheus', '--retention-size'],
    ['pods', '--warm-ip-target'],
    ['capacity', '--node-memory'],
    ['series', '--labels'],
  ] as const) {
    const result = await runCli(['size', estimate, '--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, new RegExp(`^Usage: kubewise size ${estimate}`));
    assert.ok(result.stdout.includes(flag), `${estimate} --help lists ${flag}`);
  }
  assert.match((await runCli(['size', '--help'])).stdout, /Estimates:\n {2}prometheus/);
  assert.match((await runCli(['--help'])).stdout, /size +Estimate Prometheus storage/);
});

test('bad input exits 2 with the reason, never a stack', async () => {
  const cases: [string[], RegExp][] = [
    [['size'], /which estimate\?/],
    [['size', 'disk'], /unknown estimate 'disk'/],
    [['size', 'pods', '--instance-type', 'm5.huge'], /--instance-type: .*'m5.huge' is not an instance type/],
    [['size', 'pods', '--pods=-3'], /--pods: .*negative/],
    [['size', 'prometheus', '--samples-per-second', 'many'], /not a number/],
    [['size', 'prometheus', '--targets', '10', '--retention', '15 days'], /not a Prometheus duration/],
    [['size', 'prometheus', '--targets', '10', '--retention', '1000y'], /more than 100 years/],
    [['size', 'capacity', '--node-memory', '16gb'], /not a Kubernetes quantity/],
    [['size', 'pods', '--retention', '1h'], /'--retention' is not an input of 'size pods'/],
    [['size', 'pods', '--format', 'yaml'], /unknown format 'yaml'/],
    [['size', 'capacity', 'no-such-folder'], /no-such-folder: no such file or directory/],
  ];
  for (const [args, message] of cases) {
    const result = await runCli(args);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, message, args.join(' '));
    assert.doesNotMatch(result.stderr, /at .*\.js:\d+/);
  }
});
