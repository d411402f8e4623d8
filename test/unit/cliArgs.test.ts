// The argument parser as a table: what each command line means, and which ones are
// usage errors (exit 2) rather than a check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../server/src/cli/args';

test('check with defaults', () => {
  assert.deepEqual(parseArgs(['check', 'k8s/', 'app.yaml']), { kind: 'check', paths: ['k8s/', 'app.yaml'], format: 'text' });
});

test('options with separate and inline values', () => {
  assert.deepEqual(parseArgs(['check', '--format', 'sarif', '--config=ci/kubewise.yaml', '--max-file-size-kb', '2', '-']), {
    kind: 'check',
    paths: ['-'],
    format: 'sarif',
    configPath: 'ci/kubewise.yaml',
    maxFileSizeBytes: 2048,
  });
  assert.equal((parseArgs(['check', '--format=json', 'a']) as { format: string }).format, 'json');
});

test('-- ends the options, so a file may start with a dash', () => {
  assert.deepEqual(parseArgs(['check', '--', '--weird.yaml']), { kind: 'check', paths: ['--weird.yaml'], format: 'text' });
  assert.deepEqual(parseArgs(['check', '--', '--help']), { kind: 'check', paths: ['--help'], format: 'text' });
});

test('--help and --version win wherever they appear', () => {
  assert.deepEqual(parseArgs(['--help']), { kind: 'help' });
  assert.deepEqual(parseArgs(['check', '--help']), { kind: 'help' });
  assert.deepEqual(parseArgs(['-h']), { kind: 'help' });
  assert.deepEqual(parseArgs(['--version']), { kind: 'version' });
  assert.deepEqual(parseArgs(['check', 'x', '--version']), { kind: 'version' });
});

const usageErrors: [string[], RegExp][] = [
  [[], /missing command/],
  [['lint', 'x'], /unknown command 'lint'/],
  [['check', '--fix', 'x'], /unknown option '--fix'/],
  [['check', '-q', 'x'], /unknown option '-q'/],
  [['check', '--format', 'xml', 'x'], /unknown format 'xml'/],
  [['check', 'x', '--format'], /'--format' needs a value/],
  [['check', '--config=', 'x'], /'--config' needs a value/],
  [['check', '--max-file-size-kb', '0', 'x'], /positive number/],
  [['check', '--max-file-size-kb', 'lots', 'x'], /positive number/],
  [['check'], /no files or directories/],
  [['check', '--format', 'json'], /no files or directories/],
];

for (const [argv, message] of usageErrors) {
  test(`usage error: ${JSON.stringify(argv)}`, () => {
    const parsed = parseArgs(argv);
    assert.equal(parsed.kind, 'usageError');
    assert.match((parsed as { message: string }).message, message);
  });
}
