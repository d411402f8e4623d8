// Workspace trust in the server (lsp/trust.ts): only an explicit `trusted: false` distrusts,
// and the status line the server logs says what waits for trust.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceTrust } from '../../server/src/lsp/trust';
import { describeStatus } from '../../server/src/lsp/workspaceStatus';

test('only an explicit trusted: false distrusts the workspace', () => {
  const cases: [unknown, boolean][] = [
    [undefined, true],
    [null, true],
    [{}, true],
    [{ kubewise: { enable: true } }, true],
    [{ trusted: true }, true],
    [{ trusted: 'no' }, true],
    [{ trusted: false }, false],
  ];
  for (const [options, trusted] of cases) {
    const trust = new WorkspaceTrust();
    trust.readInitializationOptions(options);
    assert.equal(trust.isTrusted, trusted, JSON.stringify(options));
  }
});

test('the status line names what waits for trust, and says nothing of trust when trusted', () => {
  const status = { version: '0.1.0', folders: ['/ws'], indexedFiles: 2, configFiles: [], untrustedConfigFiles: [] };
  assert.equal(
    describeStatus({ ...status, trusted: true }),
    'Kubewise 0.1.0: 2 manifests indexed in 1 workspace folder; configuration: no .kubewise.yaml (defaults).',
  );
  assert.match(
    describeStatus({ ...status, trusted: false }),
    /defaults\)\. The workspace is not trusted: kubewise\.crdPaths is not applied until it is\.$/,
  );
  assert.match(
    describeStatus({ ...status, trusted: false, untrustedConfigFiles: ['/ws/.kubewise.yaml'] }),
    /The workspace is not trusted: \/ws\/\.kubewise\.yaml and kubewise\.crdPaths are not applied until it is\.$/,
  );
});
