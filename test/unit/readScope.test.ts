// The read scope of both hosts (host/readScope.ts): paths as written and as symlinks
// resolve them, the walker's symlinks, and the CLI's kustomizations, whose entries are
// read in the working directory and the folders checked.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { ReadScope, isAtOrUnder } from '../../server/src/host/readScope';
import { WorkspaceFilter, walkManifests } from '../../server/src/host/workspaceFiles';
import { runJson } from './cliHarness';

let root: string;
let workspace: string;
let outside: string;

before(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-read-scope-')));
  workspace = path.join(root, 'ws');
  outside = path.join(root, 'outside');
  fs.mkdirSync(path.join(workspace, 'sub'), { recursive: true });
  fs.mkdirSync(outside);
  // Broken YAML: a file the CLI checks gets a finding, so the one it leaves out shows.
  fs.writeFileSync(path.join(outside, 'secret.yaml'), 'token: [unclosed\n');
  fs.writeFileSync(path.join(workspace, 'sub', 'real.yaml'), 'token: [unclosed\n');
  fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(workspace, 'out-link.yaml'));
  fs.symlinkSync(path.join(workspace, 'sub', 'real.yaml'), path.join(workspace, 'in-link.yaml'));
  fs.symlinkSync(outside, path.join(workspace, 'out-dir'));
  fs.symlinkSync(workspace, path.join(root, 'ws-link'));
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

test('a path is in scope when it is under a root as written and as symlinks resolve it', () => {
  const scope = ReadScope.of([workspace]);
  assert.equal(scope.allows(workspace), true, 'the root itself');
  assert.equal(scope.allows(path.join(workspace, 'sub', 'real.yaml')), true);
  assert.equal(scope.allows(path.join(workspace, 'sub', 'missing.yaml')), true, 'a missing file inside is inside');
  assert.equal(scope.allows(path.join(workspace, '..', 'outside', 'secret.yaml')), false, '.. out of it');
  assert.equal(scope.allows('/etc/passwd'), false);
  assert.equal(scope.allows(path.join(workspace, 'out-link.yaml')), false, 'a symlink to a file outside');
  assert.equal(scope.allows(path.join(workspace, 'in-link.yaml')), true, 'a symlink that stays inside');
  assert.equal(scope.allows(path.join(workspace, 'out-dir', 'secret.yaml')), false, 'a file below a symlinked folder');
  assert.equal(scope.allows(path.join(workspace, 'out-dir', 'not-there.yaml')), false, 'a missing one too');
  assert.equal(ReadScope.of([]).allows(workspace), false, 'no root, no reads');
});

test('a workspace opened through a symlink is its real folder: .. from the link still leads out', () => {
  const scope = ReadScope.of([path.join(root, 'ws-link')]);
  assert.equal(scope.allows(path.join(root, 'ws-link', 'sub', 'real.yaml')), true);
  assert.equal(scope.allows(path.join(root, 'ws-link', '..', 'outside', 'secret.yaml')), false);
  assert.equal(scope.allows(path.join(root, 'ws-link', 'out-link.yaml')), false);
});

test('isAtOrUnder: a name that starts with two dots is below, not above', () => {
  assert.equal(isAtOrUnder(path.join(workspace, '..data', 'x.yaml'), workspace), true);
  assert.equal(isAtOrUnder(path.join(workspace, '..'), workspace), false);
  assert.equal(isAtOrUnder(workspace, workspace), true);
});

test('the walker follows a symlink to a file only when it stays in scope (the folder walked, by default)', async () => {
  const names = async (scope?: ReadScope): Promise<string[]> =>
    (await walkManifests(workspace, new WorkspaceFilter(), Infinity, scope)).entries.map((entry) =>
      path.relative(workspace, entry.absolutePath),
    );
  assert.deepEqual(await names(), ['in-link.yaml', path.join('sub', 'real.yaml')]);
  assert.deepEqual(
    await names(ReadScope.of([workspace, outside])),
    ['in-link.yaml', 'out-link.yaml', path.join('sub', 'real.yaml')],
    'a scope that holds its target follows it',
  );
});

test('CLI: kustomization entries are read in the working directory and the folders checked, nowhere else', async () => {
  const app = path.join(root, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(
    path.join(app, 'kustomization.yaml'),
    'resources:\n  - gone.yaml\n  - ../outside/missing.yaml\n  - ../outside/secret.yaml\n',
  );
  const missingLines = async (cwd: string): Promise<number[]> => {
    const { json } = await runJson([app], { cwd });
    return json.findings.filter((f) => f.ruleId === 'kustomize-missing-path').map((f) => f.range.start.line);
  };
  assert.deepEqual(await missingLines(app), [2], 'from the folder checked: only gone.yaml');
  assert.deepEqual(await missingLines(root), [2, 3], 'from the folder both are in, ../outside is read too');
  const { json } = await runJson(['.'], { cwd: workspace });
  assert.deepEqual(
    [...new Set(json.findings.map((f) => f.file))].sort(),
    ['in-link.yaml', 'sub/real.yaml'],
    'a symlink out of the working directory is not checked; one inside is',
  );
});
