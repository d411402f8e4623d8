// `--format github` (workflow annotations) and `--max-warnings` (as ESLint's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { CONTAINER_LINE, DEPLOYMENT_WITHOUT_PROBES, runCli } from './cliHarness';

test('one annotation per finding, on the file and line, then the summary', async () => {
  const { code, stdout } = await runCli(['check', '--format', 'github', 'findings', 'broken/malformed.yaml']);
  assert.equal(code, 1);
  const lines = stdout.trimEnd().split('\n');
  assert.match(
    lines[0] ?? '',
    /^::warning file=findings\/deployment\.yaml,line=17,endLine=17,col=11,endColumn=20,title=Kubewise missing-liveness-probe::Container 'web' has no livenessProbe/,
  );
  assert.ok(lines.some((line) => /^::error file=broken\/malformed\.yaml,line=\d+,.*title=Kubewise yaml-syntax::/.test(line)));
  assert.match(lines.at(-1) ?? '', /problems \(1 error, 3 warnings\) in 3 of 3 files$/);
  assert.ok(
    lines.slice(0, -1).every((line) => line.startsWith('::')),
    'nothing else may look like a command',
  );
});

test('standard input without # Source: comments becomes run annotations with the location in the message', async () => {
  const { stdout } = await runCli(['check', '--format', 'github', '-'], { stdin: DEPLOYMENT_WITHOUT_PROBES });
  assert.match(
    stdout,
    new RegExp(`^::warning title=Kubewise missing-liveness-probe::<stdin>:${CONTAINER_LINE}:11 Container`, 'm'),
  );
});

test('information and hints are notices; values are escaped so a message cannot end the command', () => {
  assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
  assert.equal(escapeProperty('a:b,c'), 'a%3Ab%2Cc');
});

test('--max-warnings: more warnings than allowed fail the run, as ESLint', async () => {
  const over = await runCli(['check', '--max-warnings', '2', 'findings']);
  assert.equal(over.code, 1);
  assert.equal(over.stderr, 'kubewise: 3 warnings, more than --max-warnings 2 allows.\n');
  assert.equal((await runCli(['check', '--max-warnings', '3', 'findings'])).code, 0);
  assert.equal((await runCli(['check', '--max-warnings=-1', 'findings'])).code, 0);
  assert.equal((await runCli(['check', '--max-warnings', '0', 'clean'])).code, 0);
});

test('a bad --max-warnings value is a usage error (exit 2) that says what is wanted', async () => {
  for (const bad of ['many', '1.5', '-2', '', ' ', '1e3', '99999999999']) {
    const result = await runCli(['check', `--max-warnings=${bad}`, 'findings']);
    assert.equal(result.code, 2, bad);
    assert.match(result.stderr, /^kubewise: (--max-warnings needs a whole number|option '--max-warnings' needs a value)/, bad);
  }
});
