// The shipped ENI table and the max-pods formula against AWS's published table
// (test/fixtures/aws-vpc-cni/eni-max-pods.txt, a verbatim copy of misc/eni-max-pods.txt at
// the commit in SOURCE.json): every row must come out exactly.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ENI_LIMITS_SOURCE, eniLimitsOf, eniLimitsTable, maxPodsOf } from '../../../server/src/service/sizing/eniLimits';
import { REPO_ROOT } from '../../support/ruleTester';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/aws-vpc-cni');

function publishedTable(): Map<string, number> {
  const rows = new Map<string, number>();
  for (const line of fs.readFileSync(path.join(FIXTURE, 'eni-max-pods.txt'), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [type, pods] = line.trim().split(/\s+/);
    rows.set(type ?? '', Number(pods));
  }
  return rows;
}

test('the shipped table holds the 1,391 instance types of the published max-pods table, and no others', () => {
  const published = publishedTable();
  assert.equal(published.size, 1391);
  assert.equal(eniLimitsTable().size, 1391);
  assert.deepEqual([...eniLimitsTable().keys()].sort(), [...published.keys()].sort());
});

test('ENIs × (IPv4 per ENI − 1) + 2 reproduces every row of eni-max-pods.txt', () => {
  const differences: string[] = [];
  for (const [type, pods] of publishedTable()) {
    const limits = eniLimitsOf(type);
    assert.ok(limits, type);
    if (maxPodsOf(limits) !== pods) differences.push(`${type}: formula ${maxPodsOf(limits)}, published ${pods}`);
  }
  assert.deepEqual(differences, []);
});

test('hand-checked rows', () => {
  const check = (type: string, enis: number, ips: number, pods: number): void => {
    const limits = eniLimitsOf(type);
    assert.deepEqual([limits?.enis, limits?.ipv4PerEni, limits && maxPodsOf(limits)], [enis, ips, pods], type);
  };
  check('m5.large', 3, 10, 29); // 3 × 9 + 2
  check('t3.micro', 2, 2, 4); // 2 × 1 + 2
  check('m5.4xlarge', 8, 30, 234); // 8 × 29 + 2
  check('a1.medium', 2, 4, 8);
  check('bmn-sf1.metal', 15, 50, 737); // 15 × 49 + 2
  assert.equal(eniLimitsOf(' M5.Large ')?.instanceType, 'm5.large');
  assert.equal(eniLimitsOf('m5.huge'), undefined);
});

test('the shipped table names its source', () => {
  const source = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'SOURCE.json'), 'utf8')) as { repo: string; commit: string };
  assert.equal(ENI_LIMITS_SOURCE.repo, source.repo);
  assert.equal(ENI_LIMITS_SOURCE.commit, source.commit);
  assert.match(ENI_LIMITS_SOURCE.generated, /^\d{4}-\d{2}-\d{2}$/);
});
