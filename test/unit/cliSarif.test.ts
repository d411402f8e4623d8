// SARIF output, validated against the official 2.1.0 schema (the copy shipped with
// @microsoft/jest-sarif), plus what GitHub code scanning relies on beyond the schema:
// rule metadata, 1-based regions, %SRCROOT%-relative URIs and stable fingerprints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import { allRuleMetas } from '../../server/src/service/rules/registry';
import { DEPLOYMENT_WITHOUT_PROBES, FIXTURES, runCli } from './cliHarness';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, unknown>[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }[];
}

const schemaPath = path.join(
  path.dirname(require.resolve('@microsoft/jest-sarif/package.json')),
  'lib/schemas/sarif-2.1.0-rtm.5.json',
);
// unicodeRegExp off: the schema's language pattern is a valid ECMAScript regex only without the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
// The schema uses these formats; checking them (rather than ignoring them) catches an unescaped URI.
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value) && URL.canParse(value, 'file:///root/'));
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
const validateSarif = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object);

async function sarif(argv: string[], options: { stdin?: string } = {}): Promise<{ code: number; log: SarifLog }> {
  const result = await runCli(['check', '--format', 'sarif', ...argv], options);
  const log = JSON.parse(result.stdout) as SarifLog;
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
  return { code: result.code, log };
}

function onlyRun(log: SarifLog): SarifLog['runs'][number] {
  assert.equal(log.runs.length, 1);
  const [run] = log.runs;
  assert.ok(run);
  return run;
}

test('the log is valid SARIF 2.1.0 and describes every rule', async () => {
  const { code, log } = await sarif(['findings', 'broken', 'helm']);
  assert.equal(code, 1);
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.version, '2.1.0');
  const driver = onlyRun(log).tool.driver;
  assert.equal(driver.name, 'kubewise');
  assert.match(driver.version, /^\d+\.\d+\.\d+/);
  assert.match(driver.informationUri, /^https:\/\//);
  assert.deepEqual(
    driver.rules.map((rule) => rule.id),
    allRuleMetas.map((meta) => meta.id),
  );
  const liveness = driver.rules.find((rule) => rule.id === 'missing-liveness-probe');
  const meta = allRuleMetas.find((candidate) => candidate.id === 'missing-liveness-probe');
  assert.ok(liveness && meta);
  assert.equal(liveness.name, 'MissingLivenessProbe');
  assert.deepEqual(liveness.shortDescription, { text: meta.description });
  assert.equal(liveness.helpUri, meta.docsUrl);
  assert.deepEqual(liveness.defaultConfiguration, { level: 'warning' });
  const help = liveness.help as { text: string; markdown: string };
  for (const part of [meta.why, meta.remediation]) {
    assert.ok(help.text.includes(part) && help.markdown.includes(part));
  }
  assert.deepEqual((liveness.properties as { equivalents: string[] }).equivalents, [...meta.equivalents]);
});

test('results point at their rule, map severities to levels and use 1-based regions under %SRCROOT%', async () => {
  const { log } = await sarif(['findings/deployment.yaml', 'broken/binary.yaml', 'helm']);
  const run = onlyRun(log);
  assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(FIXTURES).href}/` } });
  for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
  assert.deepEqual(
    run.results.map((result) => [result.ruleId, result.level]),
    [
      ['missing-liveness-probe', 'warning'],
      ['missing-readiness-probe', 'warning'],
      ['unreadable-file', 'error'],
      ['file-not-checked', 'note'],
    ],
  );
  const first = run.results[0]?.locations[0]?.physicalLocation;
  assert.deepEqual(first, {
    artifactLocation: { uri: 'findings/deployment.yaml', uriBaseId: '%SRCROOT%' },
    region: { startLine: 17, startColumn: 11, endLine: 17, endColumn: 20 },
  });
  assert.match(run.results[0]?.message.text ?? '', /Container 'web' has no livenessProbe/);
});

test('a clean run is valid SARIF with no results', async () => {
  const { code, log } = await sarif(['clean']);
  assert.equal(code, 0);
  assert.deepEqual(onlyRun(log).results, []);
});

test('fingerprints survive lines added above a finding and tell findings apart', async () => {
  const before = onlyRun((await sarif(['-'], { stdin: DEPLOYMENT_WITHOUT_PROBES })).log).results;
  const shifted = `# a comment\n# and another\n${DEPLOYMENT_WITHOUT_PROBES}`;
  const after = onlyRun((await sarif(['-'], { stdin: shifted })).log).results;
  assert.equal(before.length, 2);
  assert.notEqual(
    before[0]?.locations[0]?.physicalLocation.region.startLine,
    after[0]?.locations[0]?.physicalLocation.region.startLine,
  );
  assert.deepEqual(
    after.map((result) => result.partialFingerprints),
    before.map((result) => result.partialFingerprints),
  );
  const values = before.map((result) => Object.values(result.partialFingerprints)[0]);
  assert.notEqual(values[0], values[1]);
});

test('identical findings in one file get distinct fingerprints', async () => {
  const twice = `${DEPLOYMENT_WITHOUT_PROBES}---\n${DEPLOYMENT_WITHOUT_PROBES}`;
  const results = onlyRun((await sarif(['-'], { stdin: twice })).log).results;
  const liveness = results.filter((result) => result.ruleId === 'missing-liveness-probe');
  assert.equal(liveness.length, 2);
  assert.notDeepEqual(liveness[0]?.partialFingerprints, liveness[1]?.partialFingerprints);
});

test('file names that need escaping become valid URI references', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise sarif '));
  try {
    fs.writeFileSync(path.join(root, 'my app#1.yaml'), DEPLOYMENT_WITHOUT_PROBES);
    const result = await runCli(['check', '--format', 'sarif', '.'], { cwd: root });
    const log = JSON.parse(result.stdout) as SarifLog;
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors));
    const run = onlyRun(log);
    assert.equal(run.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri, 'my%20app%231.yaml');
    assert.ok(run.originalUriBaseIds['%SRCROOT%']?.uri.includes('kubewise%20sarif'));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
