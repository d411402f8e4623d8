// The four estimates against hand-checked numbers: the seed's worked examples, the VPC
// CNI docs' warm-pool example, and a namespace summed by hand (test/fixtures/sizing/).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runEstimate, estimateForm } from '../../../server/src/service/sizing/estimates';
import type { EstimateInputs } from '../../../server/src/service/sizing/fields';
import { eniLimitsOf } from '../../../server/src/service/sizing/eniLimits';
import { nodeAddresses, DEFAULT_WARM_POOL } from '../../../server/src/service/sizing/podsPerNode';
import { prometheusStorage, scrapedSamplesPerSecond } from '../../../server/src/service/sizing/prometheusStorage';
import type { EstimateKind, EstimateReport } from '../../../server/src/service/sizing/report';
import { reportAsMarkdown, reportAsText, reportAsYamlComment } from '../../../server/src/service/sizing/render';
import { EMPTY_WORKSPACE, sizingWorkspace } from '../../../server/src/service/sizing/workspace';
import type { SizingWorkspace } from '../../../server/src/service/sizing/workspace';
import { REPO_ROOT } from '../../support/ruleTester';

const NANOS = 1_000_000_000n;

function report(kind: EstimateKind, inputs: EstimateInputs, workspace: SizingWorkspace = EMPTY_WORKSPACE): EstimateReport {
  const outcome = runEstimate(kind, inputs, workspace);
  assert.ok(outcome.ok, outcome.ok ? '' : JSON.stringify(outcome.errors));
  return outcome.report;
}

function errors(kind: EstimateKind, inputs: EstimateInputs): Record<string, string> {
  const outcome = runEstimate(kind, inputs, EMPTY_WORKSPACE);
  assert.ok(!outcome.ok, 'expected errors');
  return outcome.errors;
}

function rowOf(result: EstimateReport, key: string): { value: unknown; display: string } {
  const found = result.sections.flatMap((s) => s.rows).find((r) => r.key === key);
  assert.ok(found, `no row ${key}`);
  return found;
}

function fixtureWorkspace(focus?: string): SizingWorkspace {
  const dir = path.join(REPO_ROOT, 'test/fixtures/sizing');
  const files = fs
    .readdirSync(dir)
    .map((name) => ({ path: name, text: fs.readFileSync(path.join(dir, name), 'utf8'), languageId: 'yaml' as const }));
  return sizingWorkspace(files, focus);
}

describe('Prometheus storage', () => {
  test('the seed: 100,000 samples/s × 1.5 B × 3,600 s = 0.54 GB per hour', () => {
    const result = report('prometheus', { 'samples-per-second': '100000', retention: '1h' });
    assert.equal(rowOf(result, 'bytesPerHour').value, 540_000_000);
    assert.match(rowOf(result, 'bytesPerHour').display, /^0\.54 GB/);
    assert.equal(rowOf(result, 'diskForRetention').value, 540_000_000);
    assert.equal(rowOf(result, 'diskLow').value, 360_000_000); // 1 B
    assert.equal(rowOf(result, 'diskHigh').value, 720_000_000); // 2 B
  });

  test('the seed: 1,700 targets × 700 series / 15 s ≈ 79,333 samples/s', () => {
    const rate = scrapedSamplesPerSecond({ targets: 1700, seriesPerTarget: 700, intervalMs: 15_000n });
    assert.equal(rate, 79_333_333_333_333n); // 79,333.333… in nano-units, rounded to the nearest
    const result = report('prometheus', { targets: '1700', 'series-per-target': '700', interval: '15s', retention: '15d' });
    assert.equal(rowOf(result, 'scrapedSamplesPerSecond').display, 'about 79,333.33');
    // 1,190,000/15 samples/s × 1.5 B × 1,296,000 s = 154,224,000,000 bytes, exactly.
    assert.equal(rowOf(result, 'diskForRetention').value, 154_224_000_000);
  });

  test('WAL, headroom and whether the volume holds the retention', () => {
    const gib = 2n ** 30n;
    const small = prometheusStorage({
      rate: { samplesPerSecondNanos: 1000n * NANOS },
      recordingRulesNanos: 0n,
      retentionMs: 3_600_000n,
      bytesPerSampleNanos: 1_500_000_000n,
      replicas: 1,
    });
    assert.equal(small.walBytes, 3n * 128n * 2n ** 20n); // three 128 MiB segments, the floor
    assert.equal(small.disk.chosen, 5_400_000n); // 1,000 × 1.5 × 3,600
    assert.equal(small.neededBytes, 5_400_000n + 402_653_184n);
    assert.equal(small.recommendedVolumeBytes, ((5_400_000n + 402_653_184n) * 100n + 79n) / 80n);

    const holds = prometheusStorage({
      rate: { samplesPerSecondNanos: 100_000n * NANOS },
      recordingRulesNanos: 0n,
      retentionMs: 15n * 86_400_000n,
      bytesPerSampleNanos: 1_500_000_000n,
      retentionSizeBytes: 450n * gib,
      volumeBytes: 500n * gib,
      replicas: 2,
    });
    // 100,000 × 1.5 × 1,296,000 s = 194.4 GB < 450 GiB: retentionSize does not cut in; WAL = 2 h = 1.08 GB.
    assert.equal(holds.disk.chosen, 194_400_000_000n);
    assert.equal(holds.walBytes, 1_080_000_000n);
    assert.equal(holds.volumeHolds, 'yes');
    assert.equal(holds.retentionSizeShareTenths, 900n); // 90%: over the 85% headroom
    assert.equal(holds.totalNeededBytes, 2n * (194_400_000_000n + 1_080_000_000n));

    const result = report('prometheus', {
      'samples-per-second': '100000',
      retention: '15d',
      'retention-size': '450GB',
      volume: '500Gi',
    });
    assert.ok(result.warnings.some((w) => /90% of the volume: keep it at 80–85%/.test(w)));
    const full = report('prometheus', { 'samples-per-second': '1000000', retention: '30d', volume: '500Gi' });
    assert.equal(rowOf(full, 'volumeHoldsRetention').value, 'no');
    assert.ok(full.warnings.some((w) => /does not hold 30d/.test(w)));
  });

  test('bad inputs are errors on their own field, never a crash', () => {
    assert.match(errors('prometheus', { retention: '15d' })['samples-per-second'] ?? '', /Give samples per second, or targets/);
    assert.match(errors('prometheus', { 'samples-per-second': '-5' })['samples-per-second'] ?? '', /negative/);
    assert.match(errors('prometheus', { 'samples-per-second': 'lots' })['samples-per-second'] ?? '', /not a number/);
    assert.match(errors('prometheus', { targets: '10', interval: '15 sec' }).interval ?? '', /not a Prometheus duration/);
    assert.match(errors('prometheus', { targets: '10', interval: '0' }).interval ?? '', /longer than 0s/);
    assert.match(errors('prometheus', { targets: '10', 'retention-size': '500Gi' })['retention-size'] ?? '', /500GB/);
    assert.match(errors('prometheus', { targets: '10', 'bytes-per-sample': '500' })['bytes-per-sample'] ?? '', /more than 16/);
    assert.match(errors('prometheus', { targets: '10', volume: '500Gb' }).volume ?? '', /not a Kubernetes quantity/);
  });
});

describe('pods per node and VPC CNI addresses', () => {
  const large = eniLimitsOf('m5.4xlarge')!; // 8 ENIs × 30 IPv4: 232 addresses for pods

  test("the VPC CNI docs' example, 30 pods: WARM_IP_TARGET=30 holds 60; MINIMUM_IP_TARGET=30 + WARM_IP_TARGET=2 holds 32", () => {
    assert.equal(nodeAddresses(large, 30, { ...DEFAULT_WARM_POOL, warmIpTarget: 30 }).ipsHeld, 60);
    assert.equal(nodeAddresses(large, 30, { ...DEFAULT_WARM_POOL, minimumIpTarget: 30, warmIpTarget: 2 }).ipsHeld, 32);
    const sixty = report('pods', { 'instance-type': 'm5.4xlarge', pods: '30', 'warm-ip-target': '30' });
    assert.equal(rowOf(sixty, 'ipsHeld').value, 60);
    assert.equal(rowOf(sixty, 'enisAttached').value, 3); // ceil(60 / 29)
    assert.equal(rowOf(sixty, 'subnetPerNode').value, 63); // + 3 primary addresses
    const both = report('pods', { 'instance-type': 'm5.4xlarge', pods: '30', 'minimum-ip-target': '30', 'warm-ip-target': '2' });
    assert.equal(rowOf(both, 'ipsHeld').value, 32);
  });

  test('the default warm pool keeps one whole spare ENI', () => {
    const m5 = eniLimitsOf('m5.large')!; // 3 ENIs × 10 IPv4
    // 5 pods fill part of one ENI (9 secondary addresses); one more ENI is kept warm: 2 × 9 = 18.
    const five = nodeAddresses(m5, 5, DEFAULT_WARM_POOL);
    assert.deepEqual([five.enisAttached, five.ipsHeld, five.ipsWarm, five.subnetAddresses], [2, 18, 13, 20]);
    // A full node: 27 pods on all 3 ENIs, no spare ENI left to attach.
    const full = nodeAddresses(m5, 27, DEFAULT_WARM_POOL);
    assert.deepEqual([full.enisAttached, full.ipsHeld, full.maxPods], [3, 27, 29]);
    const result = report('pods', { 'instance-type': 'm5.large', pods: '40', nodes: '10' });
    assert.equal(rowOf(result, 'pods').value, 27);
    assert.ok(result.warnings.some((w) => /40 pods do not fit on one m5.large: it runs at most 29/.test(w)));
    assert.equal(rowOf(result, 'ipsHeldCluster').value, 270);
    assert.equal(rowOf(result, 'subnetCluster').value, 300);
  });

  test('prefix delegation: /28 prefixes of 16 addresses', () => {
    const m5 = eniLimitsOf('m5.large')!;
    const five = nodeAddresses(m5, 5, { ...DEFAULT_WARM_POOL, prefixDelegation: true });
    // ceil(5 / 16) = 1 prefix used + WARM_PREFIX_TARGET 1 = 2 prefixes on the primary ENI.
    assert.deepEqual([five.prefixes, five.ipsHeld, five.enisAttached, five.subnetAddresses, five.maxPods], [2, 32, 1, 33, 434]);
    const result = report('pods', { 'instance-type': 'm5.large', pods: '5', 'prefix-delegation': 'true' });
    assert.equal(rowOf(result, 'maxPods').value, 434); // 3 × 9 × 16 + 2
    assert.equal(rowOf(result, 'publishedMaxPods').value, 29);
    assert.ok(result.warnings.some((w) => /110 .* 250/.test(w)));
  });

  test('an unknown instance type is an error that suggests known ones', () => {
    assert.match(
      errors('pods', { 'instance-type': 'm5.larg' })['instance-type'] ?? '',
      /not an instance type .* did you mean m5.large/,
    );
    assert.match(errors('pods', { 'instance-type': 'm5.large', pods: '-1' }).pods ?? '', /negative/);
    assert.match(
      errors('pods', { 'instance-type': 'm5.large', 'prefix-delegation': 'maybe' })['prefix-delegation'] ?? '',
      /true or false/,
    );
  });
});

describe('namespace capacity', () => {
  // shop: web × 3; per pod requests max(250m app, 500m init) + 100m overhead = 600m CPU and
  // max(256Mi, 128Mi) + 64Mi = 320Mi; limits 500m + 100m = 600m and 512Mi + 64Mi = 576Mi.
  test('sums with replicas, init containers and overhead, overcommit and the quota', () => {
    const result = report('capacity', {}, fixtureWorkspace());
    const shop = result.sections.find((s) => s.title === 'Namespace shop');
    assert.ok(shop);
    const get = (key: string): unknown => shop.rows.find((r) => r.key === key)?.display;
    assert.equal(get('requestsCpu'), '1.8 CPU');
    assert.equal(get('limitsCpu'), '1.8 CPU');
    assert.equal(get('requestsMemory'), '960 MiB');
    assert.equal(get('limitsMemory'), 'about 1.69 GiB'); // 1,728 MiB
    assert.equal(get('overcommitCpu'), '1.00×');
    assert.equal(get('overcommitMemory'), '1.80×');
    assert.equal(get('quota:requests.cpu'), '1.8 CPU of 2 (90%)');
    assert.equal(shop.rows.find((r) => r.key === 'quota:limits.memory')?.value, 'exceeded');
    assert.ok(result.warnings.some((w) => /limits.memory .* over its ResourceQuota's 1Gi/.test(w)));
    // 2 CPU − 25m for the aws-node DaemonSet on every node.
    assert.equal(rowOf(result, 'allocatableCpu').display, '1.975 CPU');
    assert.equal(rowOf(result, 'nodesNeeded').value, 1);
  });

  test('nodes of a custom shape, with reservations; an instance type gives max pods only', () => {
    const result = report(
      'capacity',
      { 'node-cpu': '1', 'reserved-cpu': '100m', 'instance-type': 'm5.large' },
      fixtureWorkspace(),
    );
    // 1 − 0.1 − 0.025 = 0.875 CPU per node; ceil(1.8 / 0.875) = 3.
    assert.equal(rowOf(result, 'nodesForCpu').value, 3);
    assert.equal(rowOf(result, 'nodesForPods').value, 1); // 3 pods, 28 per node
    assert.equal(rowOf(result, 'nodesNeeded').value, 3);
    assert.ok(result.warnings.some((w) => /no vCPU or memory for m5.large: CPU and memory use the custom shape/.test(w)));
    assert.match(errors('capacity', { 'node-cpu': 'four' })['node-cpu'] ?? '', /not a Kubernetes quantity/);
    assert.match(errors('capacity', { 'node-memory': '16gi' })['node-memory'] ?? '', /case-sensitive/);
    assert.match(errors('capacity', { 'node-cpu': '4000000' })['node-cpu'] ?? '', /more than 100,000 CPUs/);
  });
});

describe('series count', () => {
  test('series = series per target × targets; one metric touches targets × label combinations', () => {
    const result = report('series', { targets: '12', labels: 'method=5,status=8,le=12' });
    assert.equal(rowOf(result, 'totalSeries').value, 8400); // 12 × 700
    assert.equal(rowOf(result, 'seriesPerMetric').value, 5760); // 12 × 5 × 8 × 12
    assert.equal(rowOf(result, 'flagged').value, false);
    const wide = report('series', { targets: '12', labels: 'method=5,status=8,le=30' });
    assert.equal(rowOf(wide, 'seriesPerMetric').value, 14400);
    assert.equal(rowOf(wide, 'flagged').value, true);
    assert.ok(wide.warnings.some((w) => /over 10,000/.test(w)));
    assert.match(errors('series', { targets: '12', labels: 'method' }).labels ?? '', /label=count/);
  });
});

describe('workspace inputs', () => {
  test('a Prometheus, its ServiceMonitor and what it selects become the defaults, with their sources', () => {
    const workspace = fixtureWorkspace('monitoring.yaml');
    const form = Object.fromEntries(estimateForm('prometheus', workspace).map((f) => [f.name, f]));
    assert.equal(form.retention?.value, '15d');
    assert.equal(form['retention-size']?.value, '450GB');
    assert.equal(form.volume?.value, '500Gi');
    assert.equal(form.replicas?.value, '2');
    assert.match(form.replicas?.source ?? '', /Prometheus monitoring\/k8s \(monitoring.yaml\)/);
    assert.equal(form.targets?.value, '6'); // 3 pods of web × 2 endpoints
    assert.equal(form.interval?.value, '15s'); // the shortest endpoint interval
    const series = report('series', {}, workspace);
    assert.equal(rowOf(series, 'totalSeries').value, 6 * 700);
    const monitor = series.sections[1]?.rows[0];
    assert.match(monitor?.detail ?? '', /3 pods × 2 endpoints; team: 1 value/);
  });

  test("the aws-node DaemonSet's env sets the warm pool", () => {
    const result = report('pods', { 'instance-type': 'm5.4xlarge', pods: '30' }, fixtureWorkspace());
    assert.equal(rowOf(result, 'ipsHeld').value, 32);
    assert.match(
      result.assumptions.find((a) => a.input === 'minimum-ip-target')?.source ?? '',
      /MINIMUM_IP_TARGET of DaemonSet kube-system\/aws-node/,
    );
  });
});

test('text, Markdown and YAML comment carry the same numbers', () => {
  const result = report('prometheus', { 'samples-per-second': '100000', retention: '1h' });
  assert.match(reportAsText(result), /Disk per hour +0\.54 GB/);
  assert.match(reportAsMarkdown(result), /\| Disk per hour \| 0\.54 GB/);
  const comment = reportAsYamlComment(result);
  assert.ok(
    comment
      .split('\n')
      .filter(Boolean)
      .every((line) => line.startsWith('#')),
  );
  assert.match(comment, /Disk per hour: 0\.54 GB/);
});
