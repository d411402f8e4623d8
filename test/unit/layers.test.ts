// The layer rules of .dependency-cruiser.cjs fail when broken: dependency-cruiser runs on
// test/fixtures/layers/, a miniature of the repository where each `breaks-<rule>.ts` file
// breaks one rule and the `clean.ts` files break none, and must report exactly those.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/ruleTester';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/layers');
const CRUISER = path.join(REPO_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = path.join(REPO_ROOT, '.dependency-cruiser.cjs');

interface Violation {
  from: string;
  rule: { name: string };
}

function cruise(cwd: string, targets: string[]): Violation[] {
  let output: string;
  try {
    output = execFileSync(process.execPath, [CRUISER, '--config', CONFIG, '--output-type', 'json', ...targets], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // Exit code 1+ means violations; the JSON report is still on stdout.
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  return (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

test('every layer rule fails on the fixture that breaks it, and only there', () => {
  const violations = cruise(FIXTURE, ['server', 'client']);
  const reported = [...new Set(violations.map((v) => `${v.from} ${v.rule.name}`))].sort();
  const expected = filesUnder(FIXTURE)
    .map((file) => path.relative(FIXTURE, file).split(path.sep).join('/'))
    .flatMap((file) => {
      const rule = /\/breaks-(.+?)\.ts$/.exec(file)?.[1];
      return rule ? [`${file} ${rule}`] : [];
    })
    .sort();
  assert.deepEqual(reported, expected);
});

test('every rule of the configuration has a fixture that breaks it', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(CONFIG) as { forbidden: { name: string }[] };
  const broken = new Set(filesUnder(FIXTURE).flatMap((file) => /breaks-(.+?)\.ts$/.exec(path.basename(file))?.[1] ?? []));
  assert.deepEqual(
    config.forbidden.map((rule) => rule.name).filter((name) => !broken.has(name)),
    [],
  );
});

test('the repository itself keeps its layers', () => {
  assert.deepEqual(
    cruise(REPO_ROOT, ['server/src', 'client/src']).map((v) => `${v.from} ${v.rule.name}`),
    [],
  );
});
