// The argument parser as a table: what each command line means, and which ones are
// usage errors (exit 2) rather than a check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, usageOf } from '../../server/src/cli/args';
import { COMMANDS } from '../../server/src/cli/commands';

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

test('- is standard input, also as the value of an option', () => {
  assert.deepEqual(parseArgs(['check', '--config', '-', '-']), { kind: 'check', paths: ['-'], format: 'text', configPath: '-' });
});

test('--help and --version win wherever they appear', () => {
  assert.deepEqual(parseArgs(['--help']), { kind: 'help' });
  assert.deepEqual(parseArgs(['check', '--help']), { kind: 'help', command: 'check' });
  assert.deepEqual(parseArgs(['-h']), { kind: 'help' });
  assert.deepEqual(parseArgs(['--version']), { kind: 'version' });
  assert.deepEqual(parseArgs(['check', 'x', '--version']), { kind: 'version' });
  assert.deepEqual(parseArgs(['check', '--fix', '--config', '-h']), { kind: 'help', command: 'check' });
  assert.deepEqual(parseArgs(['lint', '--help']), { kind: 'help' });
});

test('kubewise --help lists every subcommand; kubewise check --help is the usage of check', () => {
  const overview = usageOf(undefined);
  for (const command of COMMANDS) {
    assert.match(overview, new RegExp(`^(Usage:| ) +${command.synopsis.replace(/[.|[\]]/g, '\\$&')}$`, 'm'));
    assert.match(overview, new RegExp(`^  ${command.name} +${command.summary}$`, 'm'));
  }
  assert.match(usageOf('check'), /^Usage: kubewise check \[options\] <file\|directory\|->\.\.\.\n/);
  assert.match(usageOf('check'), /--max-file-size-kb <n>/);
  assert.doesNotMatch(overview, /--max-file-size-kb/);
});

const usageErrors: [string[], RegExp][] = [
  [[], /missing command/],
  [['lint', 'x'], /unknown command 'lint'/],
  [['check', '--fix', 'x'], /unknown option '--fix'/],
  [['check', '-q', 'x'], /unknown option '-q'/],
  [['check', '--format', 'xml', 'x'], /unknown format 'xml'/],
  [['check', 'x', '--format'], /'--format' needs a value/],
  [['check', '--config=', 'x'], /'--config' needs a value/],
  [['check', '--format', '--config', 'x'], /'--format' needs a value \(for one that starts with '-', write --format=--config\)/],
  [['check', '--help=yes', 'x'], /'--help' takes no value/],
  [['--format', 'json', 'check', 'x'], /unknown option '--format'/],
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

test('--jobs and --no-progress', () => {
  assert.deepEqual(parseArgs(['check', '--jobs', '3', '--no-progress', 'k8s']), {
    kind: 'check',
    paths: ['k8s'],
    format: 'text',
    jobs: 3,
    noProgress: true,
  });
  assert.equal(parseArgs(['check', '--jobs', '0', 'k8s']).kind, 'usageError');
});
