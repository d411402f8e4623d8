/**
 * VS Code's workspace trust, as the client reports it. In an untrusted workspace (a
 * repository just cloned, a pull request to review) the files of the workspace must not
 * steer what Kubewise reads: `.kubewise.yaml` (its `crdPaths:` name folders anywhere on
 * disk, its `ignore:` and `rules:` hide findings) and `kubewise.crdPaths` are not
 * applied until the user trusts the workspace. Manifests are still checked: that is
 * reading them, which is what an untrusted workspace is opened for.
 *
 * The client sends `{ trusted: false }` in `initializationOptions` and the
 * `kubewise/workspaceTrusted` notification once the user grants trust. A client that
 * says nothing (other editors, which have no workspace trust) is trusted.
 */
import type { Connection } from 'vscode-languageserver/node';

export const WORKSPACE_TRUSTED_NOTIFICATION = 'kubewise/workspaceTrusted';

export class WorkspaceTrust {
  private trusted = true;

  get isTrusted(): boolean {
    return this.trusted;
  }

  /** Only an explicit `trusted: false` distrusts: anything else the client sends is its settings. */
  readInitializationOptions(options: unknown): void {
    this.trusted = !(typeof options === 'object' && options !== null && (options as { trusted?: unknown }).trusted === false);
  }

  /** Trust is only ever granted while the server runs (VS Code restarts extensions when it is revoked). */
  onGranted(connection: Connection, applyConfiguration: () => void): void {
    connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
      if (this.trusted) return;
      this.trusted = true;
      connection.console.info('Kubewise: the workspace is trusted now; applying .kubewise.yaml and kubewise.crdPaths.');
      applyConfiguration();
    });
  }
}
