/**
 * A minimal LSP client for tests: spawns the bundled server over stdio, answers the
 * server's own requests (configuration, registration), and lets a test wait for the
 * diagnostics of a URI by polling, never by sleeping a fixed time.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';

export const SERVER_BUNDLE = path.resolve(__dirname, '../../../dist/server.js');

export class TestLspClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  /** What the server gets when it asks for the `kubewise` settings section. */
  settings: Record<string, unknown> = {};
  /** What it gets for `files.exclude`: globs to true. */
  filesExclude: Record<string, boolean> = {};
  stderr = '';

  /** By default the bundled Kubewise server; the benchmark passes a peer's command instead. */
  constructor(command: readonly string[] = [process.execPath, SERVER_BUNDLE, '--stdio']) {
    const [program = process.execPath, ...args] = command;
    this.child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'files.exclude' ? this.filesExclude : this.settings)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('$/progress', () => undefined);
    this.connection.listen();
  }

  /** `workspace` capabilities beyond configuration (workspaceEdit, say) can be added, and `initializationOptions`. */
  async initialize(
    workspaceFolders: string[] = [],
    workspace: Record<string, unknown> = {},
    initializationOptions?: unknown,
  ): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...workspace } },
      workspaceFolders: workspaceFolders.map((uri) => ({ uri, name: path.basename(uri) })),
      ...(initializationOptions === undefined ? {} : { initializationOptions }),
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The latest diagnostics published for `uri`, if any. */
  latest(uri: string): Diagnostic[] | undefined {
    return this.published.get(uri)?.at(-1)?.diagnostics;
  }

  /** Waits, publish by publish, until `done()` holds; throws after `timeoutMs`. */
  async until(done: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`Not within ${timeoutMs} ms: ${what}. Server stderr:\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The document versions of every publish for `uri`, in the order they arrived. */
  publishedVersions(uri: string): (number | undefined)[] {
    return (this.published.get(uri) ?? []).map((params) => params.version);
  }

  publishCount(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  /** Waits until the server publishes for `uri` more than `after` times, and returns the latest. */
  async nextDiagnostics(uri: string, after: number, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.publishCount(uri) <= after) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`No diagnostics for ${uri} within ${timeoutMs} ms. Server stderr:\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const list = this.published.get(uri) ?? [];
    return list[list.length - 1]?.diagnostics ?? [];
  }

  async open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<Diagnostic[]> {
    const before = this.publishCount(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return this.nextDiagnostics(uri, before);
  }

  async changeFull(uri: string, text: string, version: number): Promise<Diagnostic[]> {
    const before = this.publishCount(uri);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return this.nextDiagnostics(uri, before);
  }

  /** Resolves when the server has no check or disk task left, so its publishes are final. */
  async idle(): Promise<void> {
    await this.connection.sendRequest('kubewise/whenIdle');
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** What the client's file watcher sends: type 1 created, 2 changed, 3 deleted. */
  async filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  /** The server process's id, for benchmarks that read its CPU time and memory from /proc. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the kill below settles it.
    }
    this.connection.dispose();
    this.child.kill();
  }
}
