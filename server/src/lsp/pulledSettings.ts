/**
 * Settings pulled from the client per resource (`workspace/configuration` with a
 * scopeUri), cached until the client says they changed: `kubewise.*` per document or
 * folder, and VS Code's `files.exclude` per workspace folder. A client that cannot
 * answer `workspace/configuration` may push its settings instead, in
 * `workspace/didChangeConfiguration` (`{ settings: { kubewise: {...} } }`) or in the
 * initialize request's `initializationOptions` (`{ kubewise: {...} }`); they then apply
 * to every document. Without either, the defaults apply.
 */
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_CLIENT_SETTINGS, sanitizeClientSettings } from './settings';
import type { ClientSettings } from './settings';

export class PulledSettings {
  /** False when the client cannot answer `workspace/configuration`: defaults apply. */
  canPull = false;
  /** The `kubewise` section a client pushed, used when it cannot be pulled. */
  private pushed: ClientSettings | undefined;
  private readonly kubewise = new Map<string, Promise<ClientSettings>>();
  private readonly filesExclude = new Map<string, Promise<string[]>>();

  constructor(private readonly connection: Connection) {}

  kubewiseFor(uri: string): Promise<ClientSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed ?? DEFAULT_CLIENT_SETTINGS);
    return cached(this.kubewise, uri, () =>
      this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'kubewise' })
        .then(sanitizeClientSettings, () => DEFAULT_CLIENT_SETTINGS),
    );
  }

  /** The `files.exclude` globs whose value is true (a `when` clause is not followed). */
  filesExcludeFor(folderUri: string): Promise<string[]> {
    if (!this.canPull) return Promise.resolve([]);
    return cached(this.filesExclude, folderUri, () =>
      this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files.exclude' }).then(
        (value: unknown) =>
          typeof value === 'object' && value !== null
            ? Object.entries(value as Record<string, unknown>)
                .filter(([, on]) => on === true)
                .map(([glob]) => glob)
            : [],
        () => [],
      ),
    );
  }

  /**
   * Settings pushed by the client: `{ kubewise: {...} }`, from didChangeConfiguration's
   * `settings` or from `initializationOptions`. Anything else (VS Code pushes `null`
   * when it expects to be asked) leaves the pushed settings as they were.
   */
  push(settings: unknown): void {
    if (typeof settings !== 'object' || settings === null) return;
    const section = (settings as Record<string, unknown>).kubewise;
    if (typeof section === 'object' && section !== null) this.pushed = sanitizeClientSettings(section);
  }

  forget(uri: string): void {
    this.kubewise.delete(uri);
  }

  clear(): void {
    this.kubewise.clear();
    this.filesExclude.clear();
  }
}

function cached<T>(cache: Map<string, Promise<T>>, key: string, pull: () => Promise<T>): Promise<T> {
  let pending = cache.get(key);
  if (!pending) cache.set(key, (pending = pull()));
  return pending;
}
