// One real process: the built entry point starts from its shebang line, reads real
// stdin, writes real stdout, and its exit code reaches the shell. Everything else is
// tested in-process, where it is faster and easier to inspect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTAINER_LINE, DEPLOYMENT_WITHOUT_PROBES, FIXTURES } from './cliHarness';

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The published bin (`npm run build`) when it exists, else the tsc output. */
function builtCli(): string {
  const bundled = path.join(REPO_ROOT, 'dist', 'cli.js');
  return fs.existsSync(bundled) ? bundled : path.join(REPO_ROOT, 'out', 'server', 'src', 'cli', 'main.js');
}

test('the built CLI runs as a process and its exit code comes through', () => {
  const cli = builtCli();
  assert.equal(fs.readFileSync(cli, 'utf8').split('\n')[0], '#!/usr/bin/env node', `${cli} must start with a shebang`);

  const result = spawnSync(process.execPath, [cli, 'check', '-', 'broken/malformed.yaml'], {
    cwd: FIXTURES,
    input: DEPLOYMENT_WITHOUT_PROBES,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30_000,
  });
  assert.equal(result.error, undefined);
  assert.equal(result.stderr, '');
  assert.equal(result.status, 1, result.stdout);
  assert.match(result.stdout, new RegExp(`^<stdin>:${CONTAINER_LINE}:11 +warning +.*\\[missing-liveness-probe\\]$`, 'm'));
  assert.match(result.stdout, /^broken\/malformed\.yaml:\d+:\d+ +error +.*\[yaml-syntax\]$/m);
  assert.match(result.stdout, /3 problems \(1 error, 2 warnings\) in 2 of 2 files\n$/);
});

test('on a real terminal the progress bar is drawn on stderr; piped, stderr stays empty', (t) => {
  // util-linux `script` runs the CLI on a pseudo-terminal; without it there is no terminal to test on.
  if (spawnSync('script', ['--version'], { encoding: 'utf8' }).error) return t.skip('no `script` command');
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(builtCli())} check --format json findings`;
  const onTerminal = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], {
    cwd: FIXTURES,
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(onTerminal.status, 0, onTerminal.stderr);
  assert.match(onTerminal.stdout, /kubewise check \[[=-]+\] \d+%/);
  const piped = spawnSync(process.execPath, [builtCli(), 'check', '--format', 'json', 'findings'], {
    cwd: FIXTURES,
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(piped.status, 0);
  assert.equal(piped.stderr, '');
  assert.doesNotMatch(piped.stdout, /kubewise check \[/);
});
