/**
 * Turns the paths on the command line into the list of files to check. Directories are
 * walked with the workspace walker the editor uses too (host/workspaceFiles.ts), so
 * the same files are checked, and summed by rules across files, in CI and in the editor.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from '../host/fsErrors';
import { ReadScope } from '../host/readScope';
import { walkManifests } from '../host/workspaceFiles';
import type { WorkspaceFilter } from '../host/workspaceFiles';

export type CheckTarget =
  | { kind: 'stdin' }
  | { kind: 'file'; absolutePath: string }
  /** A directory met during a walk that could not be listed: reported, not fatal. */
  | { kind: 'unlistableDirectory'; absolutePath: string; detail: string };

export interface CollectedFiles {
  targets: CheckTarget[];
  /** Command-line paths that do not exist or cannot be inspected: a usage-level error. */
  badPaths: { path: string; detail: string }[];
}

export async function collectFiles(paths: readonly string[], cwd: string, filter: WorkspaceFilter): Promise<CollectedFiles> {
  const targets: CheckTarget[] = [];
  const badPaths: CollectedFiles['badPaths'] = [];
  const seen = new Set<string>();
  const add = (target: CheckTarget): void => {
    // The same file can arrive twice (`check k8s k8s/app.yaml`); one report is enough.
    const key = target.kind === 'stdin' ? '-' : target.absolutePath;
    if (seen.has(key)) return;
    seen.add(key);
    targets.push(target);
  };

  for (const given of paths) {
    if (given === '-') {
      add({ kind: 'stdin' });
      continue;
    }
    const absolutePath = path.resolve(cwd, given);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(absolutePath);
    } catch (error) {
      badPaths.push({ path: given, detail: describeFsError(error) });
      continue;
    }
    // A path named explicitly is checked whatever its name, and whatever `ignore:` says:
    // the user asked for it. CI checks every file it is given, so the walk is unbounded.
    // Symlinks in it are followed when they stay in the working directory or the folder given.
    if (stats.isDirectory()) {
      const scope = ReadScope.of([cwd, absolutePath]);
      for (const entry of (await walkManifests(absolutePath, filter, Infinity, scope)).entries) add(entry);
    } else add({ kind: 'file', absolutePath });
  }
  return { targets, badPaths };
}
