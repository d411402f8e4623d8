// `helm template web-chart examples/helm/web-chart | kubewise check --source-root examples/helm -`:
// every finding names the chart's template file, at the line of its rendered document,
// and keeps where it was in the rendered output, in every format. The rendered output
// is the fixture below (what helm 3 writes for the example chart), so the test needs no helm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { helmSources, wellFormedSourcePath } from '../../server/src/cli/helmSources';
import { runCli, runJson } from './cliHarness';

const ROOT = path.resolve(__dirname, '../../..');
const RENDERED = fs.readFileSync(path.join(ROOT, 'test/fixtures/helm-template/web-chart.rendered.yaml'), 'utf8');
const TEMPLATE = 'examples/helm/web-chart/templates/deployment.yaml';
const templateLines = fs.readFileSync(path.join(ROOT, TEMPLATE), 'utf8').split('\n');
const options = { cwd: ROOT, stdin: RENDERED };
const ARGS = ['--source-root', 'examples/helm', '-'];

test('JSON: findings name the template, at the template line, with the rendered position', async () => {
  const { json } = await runJson(ARGS, options);
  assert.deepEqual(json.summary.files, 2, 'the service and the deployment templates');
  const liveness = json.findings.find((finding) => finding.ruleId === 'missing-liveness-probe');
  assert.equal(liveness?.file, TEMPLATE);
  // The template's own line holds the container name the finding points at.
  assert.match(templateLines[(liveness?.range.start.line ?? 0) - 1] ?? '', /^ {8}- name: \{\{ \.Chart\.Name \}\}$/);
  assert.deepEqual(liveness?.rendered, { file: '<stdin>', line: 29, column: 11 });
  assert.ok(json.findings.every((finding) => finding.file === TEMPLATE && finding.rendered !== null));
});

test('text: the template location first, the rendered one after the rule id', async () => {
  const { stdout, code } = await runCli(['check', ...ARGS], options);
  assert.equal(code, 0);
  assert.match(
    stdout,
    /^examples\/helm\/web-chart\/templates\/deployment\.yaml:16:11 +warning .*\[missing-liveness-probe\] {2}\(rendered <stdin>:29:11\)$/m,
  );
  assert.doesNotMatch(stdout, /^<stdin>:/m);
});

test('SARIF: the region is in the template under %SRCROOT%; the rendered position is a property', async () => {
  const { stdout } = await runCli(['check', '--format', 'sarif', ...ARGS], options);
  const result = (
    JSON.parse(stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } };
          }[];
          properties?: unknown;
        }[];
      }[];
    }
  ).runs[0]?.results.find((candidate) => candidate.ruleId === 'missing-liveness-probe');
  assert.deepEqual(result?.locations[0]?.physicalLocation.artifactLocation, { uri: TEMPLATE, uriBaseId: '%SRCROOT%' });
  assert.equal(result?.locations[0]?.physicalLocation.region.startLine, 16);
  assert.deepEqual(result?.properties, { rendered: { uri: 'stdin', startLine: 29, startColumn: 11 } });
});

test('GitHub: the annotation lands on the template file', async () => {
  const { stdout } = await runCli(['check', '--format', 'github', ...ARGS], options);
  assert.match(
    stdout,
    /^::warning file=examples\/helm\/web-chart\/templates\/deployment\.yaml,line=16,endLine=16,col=11,endColumn=\d+,title=Kubewise missing-liveness-probe::Container 'web-chart' has no livenessProbe.* \(rendered <stdin>:29:11\)$/m,
  );
});

test('without --source-root the paths are as helm wrote them', async () => {
  const { json } = await runJson(['-'], options);
  assert.ok(json.findings.every((finding) => finding.file === 'web-chart/templates/deployment.yaml'));
});

test('a document without a # Source: comment, or with a malformed one, stays on <stdin>', async () => {
  const pod = (name: string): string =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n    - name: ${name}\n      image: nginx:1.27\n`;
  const stdin = [
    `# Source: chart/templates/good.yaml\n${pod('good')}`,
    `# Source: ../../etc/passwd\n${pod('escaping')}`,
    `# Source: /etc/passwd\n${pod('absolute')}`,
    `# Source:\n${pod('empty')}`,
    `# Source: chart/templates/\u0007bell.yaml\n${pod('control')}`,
    `${pod('none')}`,
    `apiVersion: v1\n# Source: chart/templates/late.yaml\nkind: ConfigMap\nmetadata: {name: late}\n`,
  ].join('---\n');
  const { json, code } = await runJson(['-'], { stdin });
  assert.equal(code, 0);
  const files = new Map<string, string[]>();
  for (const finding of json.findings) {
    const names = files.get(finding.file) ?? [];
    names.push(finding.object?.name ?? '');
    files.set(finding.file, names);
  }
  assert.deepEqual([...files.keys()], ['chart/templates/good.yaml', '<stdin>']);
  assert.deepEqual(new Set(files.get('<stdin>')), new Set(['escaping', 'absolute', 'empty', 'control', 'none']));
  assert.ok(json.findings.filter((finding) => finding.file === '<stdin>').every((finding) => finding.rendered === null));
});

test('helmSources and wellFormedSourcePath', () => {
  assert.deepEqual(helmSources('---\n# Source: a/templates/x.yaml\nkind: A\n---\n\n# Source: a/templates/y.yaml\nkind: B\n'), [
    { path: 'a/templates/x.yaml', commentLine: 1, endLine: 3 },
    { path: 'a/templates/y.yaml', commentLine: 5, endLine: 8 },
  ]);
  assert.deepEqual(helmSources('kind: A\n'), []);
  assert.equal(wellFormedSourcePath('./a/b.yaml'), 'a/b.yaml');
  assert.equal(wellFormedSourcePath('a\\templates\\b.yaml'), 'a/templates/b.yaml');
  for (const bad of ['', '..', 'a/../../b', '/abs', 'C:/x', 'a//b', 'x'.repeat(2000), 'a\nb']) {
    assert.equal(wellFormedSourcePath(bad), undefined, JSON.stringify(bad.slice(0, 20)));
  }
});
