/**
 * The server started the way each editor of the README starts it: `--stdio`, that
 * editor's initialize request (its capabilities, its root and workspace folders, its
 * initializationOptions), its way of giving settings (answering
 * `workspace/configuration` from the user's table, pushing them in
 * `workspace/didChangeConfiguration`, or both), and nothing VS Code does that it does
 * not. The settings of each README snippet (`missing-liveness-probe` off,
 * `missing-readiness-probe` an error) must show in the diagnostics, a pushed change
 * must re-check, and a ResourceQuota on disk must reach the open file (the workspace
 * was found from that editor's root).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { SERVER_BUNDLE, TestLspClient } from '../support/lspClient';

/** What the README's snippets set: the same for every editor, written in its own syntax there. */
const USER_SETTINGS = { kubewise: { rules: { 'missing-liveness-probe': 'off', 'missing-readiness-probe': 'error' } } };
/** A later edit of the user's settings. */
const CHANGED_SETTINGS = { kubewise: { rules: { 'missing-liveness-probe': 'error' } } };

interface EditorProfile {
  name: string;
  /** The initialize params, for a workspace rooted at `root`. */
  initialize(root: string): Record<string, unknown>;
  /** Answers `workspace/configuration` from the settings (section lookup), as it declares. */
  answersConfiguration: boolean;
  /** Sends `workspace/didChangeConfiguration` with `{ settings }` after `initialized`. */
  pushesSettingsAtStart: boolean;
}

const folder = (root: string): { uri: string; name: string }[] => [{ uri: pathToFileURL(root).href, name: path.basename(root) }];
const textDocument = {
  synchronization: { dynamicRegistration: false, didSave: true, willSave: false },
  publishDiagnostics: { relatedInformation: true, versionSupport: true },
  hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
  codeAction: { dynamicRegistration: false, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
};

const EDITORS: EditorProfile[] = [
  {
    // vim.lsp.config / nvim-lspconfig (0.11): `settings` answers workspace/configuration and is pushed at start.
    name: 'Neovim',
    initialize: (root) => ({
      processId: process.pid,
      clientInfo: { name: 'Neovim', version: '0.11.0' },
      rootUri: pathToFileURL(root).href,
      rootPath: root,
      workspaceFolders: folder(root),
      capabilities: {
        textDocument,
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: false },
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
          applyEdit: true,
        },
        window: { workDoneProgress: true },
      },
    }),
    answersConfiguration: true,
    pushesSettingsAtStart: true,
  },
  {
    // languages.toml: `config` is sent as initializationOptions, pushed at start, and answers workspace/configuration.
    name: 'Helix',
    initialize: (root) => ({
      processId: process.pid,
      clientInfo: { name: 'helix', version: '25.01' },
      rootUri: pathToFileURL(root).href,
      rootPath: root,
      workspaceFolders: folder(root),
      initializationOptions: USER_SETTINGS,
      capabilities: {
        textDocument,
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: false },
          applyEdit: true,
        },
        window: { workDoneProgress: true },
      },
    }),
    answersConfiguration: true,
    pushesSettingsAtStart: true,
  },
  {
    // eglot: eglot-workspace-configuration answers workspace/configuration and is pushed at start.
    name: 'Emacs (eglot)',
    initialize: (root) => ({
      processId: process.pid,
      clientInfo: { name: 'Eglot', version: '1.17' },
      rootUri: pathToFileURL(root).href,
      rootPath: root,
      workspaceFolders: folder(root),
      initializationOptions: {},
      capabilities: {
        textDocument,
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: false },
          didChangeWatchedFiles: { dynamicRegistration: true },
          applyEdit: true,
        },
        window: { workDoneProgress: true },
      },
    }),
    answersConfiguration: true,
    pushesSettingsAtStart: true,
  },
  {
    // `lsp.kubewise.settings` answers workspace/configuration and is pushed at start.
    name: 'Zed',
    initialize: (root) => ({
      processId: process.pid,
      clientInfo: { name: 'Zed', version: '0.180.0' },
      rootUri: pathToFileURL(root).href,
      workspaceFolders: folder(root),
      capabilities: {
        textDocument,
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
          applyEdit: true,
        },
        window: { workDoneProgress: true },
      },
    }),
    answersConfiguration: true,
    pushesSettingsAtStart: true,
  },
  {
    // The least a client may do: no workspace/configuration, no workspace folders (a root
    // URI only), settings only in didChangeConfiguration. Kubewise must not assume more.
    name: 'a minimal client (no workspace/configuration, no workspace folders)',
    initialize: (root) => ({
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: null,
      capabilities: { textDocument: { synchronization: { dynamicRegistration: false } }, workspace: {} },
    }),
    answersConfiguration: false,
    pushesSettingsAtStart: true,
  },
];

const QUOTA =
  'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: compute, namespace: shop}\nspec:\n  hard: {requests.memory: 4Gi}\n';
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          # A port: the container serves traffic, so it needs a readinessProbe.
          ports: [{containerPort: 80}]
`;

/** `section` looked up in the user's settings table, as these editors do (null when absent). */
function lookup(settings: Record<string, unknown>, section: string | undefined): unknown {
  if (!section) return settings;
  let value: unknown = settings;
  for (const key of section.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value ?? null;
}

const byCode = (diagnostics: Diagnostic[], code: string): Diagnostic | undefined => diagnostics.find((d) => d.code === code);

for (const editor of EDITORS) {
  describe(`started as ${editor.name} starts it`, () => {
    let client: TestLspClient;
    let root: string;
    let settings: Record<string, unknown> = USER_SETTINGS;
    const unexpected: string[] = [];

    before(async () => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-editor-'));
      fs.writeFileSync(path.join(root, 'quota.yaml'), QUOTA);
      // The npm package's bin is this file with `--stdio` (test/protocol/npmPackage.test.ts).
      client = new TestLspClient([process.execPath, SERVER_BUNDLE, '--stdio']);
      client.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
        if (!editor.answersConfiguration) unexpected.push('workspace/configuration');
        return params.items.map((item) => lookup(settings, item.section));
      });
      client.connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
        const capabilities = (editor.initialize(root).capabilities as { workspace: Record<string, unknown> }).workspace;
        for (const registration of params.registrations) {
          const name = registration.method.replace(/^workspace\//, '');
          const declared = capabilities[name] as { dynamicRegistration?: boolean } | undefined;
          if (declared?.dynamicRegistration !== true) unexpected.push(`client/registerCapability ${registration.method}`);
        }
        return null;
      });
      await client.connection.sendRequest('initialize', editor.initialize(root));
      await client.connection.sendNotification('initialized', {});
      if (editor.pushesSettingsAtStart) {
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings });
      }
    });

    after(async () => {
      await client.shutdown();
      fs.rmSync(root, { recursive: true, force: true });
    });

    test("the user's settings apply, and the workspace's quota reaches the open file", async () => {
      const uri = pathToFileURL(path.join(root, 'web.yaml')).href;
      await client.open(uri, DEPLOYMENT);
      await client.idle();
      await client.until(() => byCode(client.latest(uri) ?? [], 'quota-requires-requests') !== undefined, 'the quota');
      const diagnostics = client.latest(uri) ?? [];
      assert.equal(byCode(diagnostics, 'missing-liveness-probe'), undefined, 'missing-liveness-probe is off');
      assert.equal(byCode(diagnostics, 'missing-readiness-probe')?.severity, 1, 'missing-readiness-probe is an error');
      assert.deepEqual(unexpected, [], 'requests the editor does not support');
    });

    test('a settings change pushed by the editor re-checks the open file', async () => {
      const uri = pathToFileURL(path.join(root, 'web.yaml')).href;
      settings = CHANGED_SETTINGS;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings });
      await client.until(() => byCode(client.latest(uri) ?? [], 'missing-liveness-probe')?.severity === 1, 'the new settings');
      assert.equal(byCode(client.latest(uri) ?? [], 'missing-readiness-probe')?.severity, 2, 'back to its default, a warning');
      assert.deepEqual(unexpected, []);
    });
  });
}
