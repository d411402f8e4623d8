/**
 * The server runs no program and opens no connection. Two views of it:
 *
 * - the bundle: dist/server.js requires `child_process` and `net` once each, and only in
 *   the LSP library's own modules: `vscode-languageserver/lib/node/files.js` (the
 *   deprecated `Files.resolve*` helpers, which fork node or npm to find a module; the
 *   server never calls them) and `vscode-jsonrpc/lib/node/main.js` (the socket and pipe
 *   transports, `--socket=<port>` and `--pipe=<name>`, used only when the editor starts
 *   the server that way; with `--stdio` and `--node-ipc` no socket is opened). Nothing
 *   of Kubewise's own sources requires them (dependency-cruiser's
 *   `hosts-no-network-or-exec` and `service-no-io` say so for the sources themselves);
 * - a session: the server, with test/support/sideEffectTrap.ts preloaded, opens, edits,
 *   hovers, fixes, estimates and checks a workspace, and nothing is trapped.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { SERVER_BUNDLE, TestLspClient } from '../support/lspClient';

const TRAP = path.resolve(__dirname, '../support/sideEffectTrap.js');
const FORBIDDEN = /require\("(?:node:)?(child_process|net|http|https|http2|tls|dgram|dns|cluster|inspector)"\)/g;

/** Each forbidden require of the bundle, with the module esbuild says it comes from (its `// path` comment). */
function forbiddenRequires(bundle: string): string[] {
  const found: string[] = [];
  let module = '(preamble)';
  for (const line of bundle.split('\n')) {
    const origin = /^\/\/ ((?:node_modules|server|client)\/\S+)$/.exec(line);
    if (origin) module = origin[1]!;
    for (const match of line.matchAll(FORBIDDEN)) found.push(`${match[1]} in ${module}`);
  }
  return found;
}

test('dist/server.js requires child_process and net only in the LSP library, for code paths Kubewise does not take', () => {
  const bundle = fs.readFileSync(SERVER_BUNDLE, 'utf8');
  assert.deepEqual(forbiddenRequires(bundle).sort(), [
    'child_process in node_modules/vscode-languageserver/lib/node/files.js',
    'net in node_modules/vscode-jsonrpc/lib/node/main.js',
  ]);
  // The one way into files.js's fork: the library's `Files` namespace.
  for (const file of sourceFiles(path.resolve(__dirname, '../../../server/src'))) {
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /\bFiles\.\w+|resolveGlobal(?:Node|Yarn)Path|resolveModulePath/, file);
  }
});

test('the trap reports a program run, a connection and a read under the watched folder (it can fail)', () => {
  const watched = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-trap-'));
  fs.writeFileSync(path.join(watched, 'x.yaml'), 'a: 1\n');
  try {
    const script = [
      "try { require('child_process').execFileSync('true'); } catch {}",
      "try { require('net').connect(1); } catch {}",
      `require('fs').readFileSync(${JSON.stringify(path.join(watched, 'x.yaml'))});`,
    ].join('\n');
    const result = spawnSync(process.execPath, ['--require', TRAP, '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, KUBEWISE_TRAP_PATH: watched },
    });
    const trapped = result.stderr.split('\n').filter((line) => line.startsWith('TRAPPED'));
    assert.deepEqual(trapped.slice(0, 3), [
      'TRAPPED child_process.execFileSync',
      'TRAPPED net.connect',
      `TRAPPED fs.readFileSync ${path.join(watched, 'x.yaml')}`,
    ]);
  } finally {
    fs.rmSync(watched, { recursive: true, force: true });
  }
});

test('a whole session runs no program and opens no connection', async () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-no-exec-'));
  const manifest =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n          ports: [{containerPort: 8080}]\n';
  fs.writeFileSync(path.join(workspace, 'deployment.yaml'), manifest);
  fs.writeFileSync(
    path.join(workspace, 'kustomization.yaml'),
    'resources:\n  - deployment.yaml\n  - https://example.com/remote.yaml\n',
  );
  fs.writeFileSync(path.join(workspace, '.kubewise.yaml'), 'rules:\n  missing-liveness-probe: error\n');
  const client = new TestLspClient([process.execPath, '--require', TRAP, SERVER_BUNDLE, '--stdio']);
  try {
    await client.initialize([pathToFileURL(workspace).toString()]);
    const uri = pathToFileURL(path.join(workspace, 'deployment.yaml')).toString();
    const diagnostics = await client.open(uri, manifest);
    assert.ok(
      diagnostics.some((d) => d.code === 'missing-liveness-probe'),
      'the server checks as usual',
    );
    await client.changeFull(uri, manifest.replace('replicas: 3', 'replicas: 4'), 2);
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 14, character: 20 } });
    await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 13, character: 0 }, end: { line: 14, character: 0 } },
      context: { diagnostics: client.latest(uri) ?? [] },
    });
    await client.connection.sendRequest('kubewise/estimate', { estimate: 'capacity', uri, inputs: {} });
    await client.connection.sendRequest('kubewise/checkWorkspace', { workDoneToken: 'no-exec' });
    await client.idle();
    assert.deepEqual(
      client.stderr.split('\n').filter((line) => line.startsWith('TRAPPED')),
      [],
    );
  } finally {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}
