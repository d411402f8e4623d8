/**
 * Which files make up a workspace, for the CLI and the editor alike: the manifests
 * (`.yaml`, `.yml`, `.json`, and kustomize's `Kustomization`) and CNI configs (`.conf`, `.conflist`) under a root,
 * minus what no one applies to a cluster.
 * Both hosts walk with this one function, so a ResourceQuota is summed over the same
 * files in CI as in the editor.
 *
 * - `.git`, `node_modules` and every dot-entry are skipped: dot-entries are tool
 *   configuration (.github, .gitlab-ci.yml, .kubewise.yaml), not manifests, and
 *   node_modules holds other people's files.
 * - Globs exclude more: `ignore:` in `.kubewise.yaml` (relative to that file's folder)
 *   and, in the editor, VS Code's `files.exclude` (relative to the workspace folder).
 * - Symlinks to files are followed when they stay in scope (host/readScope.ts: by default
 *   the folder walked), so a link to `~/.kube/config` is never read; symlinks to
 *   directories are not followed, so a link cycle cannot loop the walk.
 * - Entries are visited in code-unit order, not localeCompare: the same on every
 *   machine and locale, so output, CI diffs and SARIF uploads are stable.
 * - The walk stops after `maxFiles` files and says so.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { isKustomizationFileName } from '../service/kustomize/kustomization';
import { describeFsError } from './fsErrors';
import { ReadScope } from './readScope';

// .conf and .conflist: CNI network configs (copies of /etc/cni/net.d); the service decides
// whether a .conf is one (an nginx.conf gets nothing).
export const MANIFEST_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml', '.json', '.conf', '.conflist']);
/** The editor's bound: indexing more would cost memory and start-up time for little. */
export const MAX_WORKSPACE_FILES = 5000;
const SKIPPED_NAMES = new Set(['node_modules', '.git']);

/** Globs relative to `base` (a folder). */
export interface ExcludeGlobs {
  base: string;
  patterns: readonly string[];
}

/** A manifest's extension, or a kustomization's name (kustomize also reads `Kustomization`, without one). */
export function isManifestName(name: string): boolean {
  return MANIFEST_EXTENSIONS.has(path.extname(name).toLowerCase()) || isKustomizationFileName(name);
}

/** A name the walk never enters or reads, wherever it is. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || SKIPPED_NAMES.has(name);
}

/** The exclusion globs of a workspace, compiled once. */
export class WorkspaceFilter {
  private readonly matchers: { base: string; matches: (relative: string) => boolean }[];

  constructor(globs: readonly ExcludeGlobs[] = []) {
    this.matchers = globs
      .filter((glob) => glob.patterns.length > 0)
      .map((glob) => ({
        base: glob.base,
        // A leading './' or '/' anchors at the base folder, which every pattern already is.
        matches: picomatch(
          glob.patterns.map((p) => p.replace(/^\.?\//, '')),
          { dot: true },
        ),
      }));
  }

  /** Whether a glob names this entry itself (its folders are not looked at). */
  excludes(absolutePath: string, isDirectory: boolean): boolean {
    for (const matcher of this.matchers) {
      const relative = path.relative(matcher.base, absolutePath);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const slashed = relative.split(path.sep).join('/');
      if (matcher.matches(slashed) || (isDirectory && matcher.matches(`${slashed}/`))) return true;
    }
    return false;
  }

  /**
   * Whether a walk of `root` would include the manifest at `absolutePath`, decided from
   * the path alone (for a file the client reports, or a document being opened).
   */
  includes(root: string, absolutePath: string): boolean {
    const relative = path.relative(root, absolutePath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const names = relative.split(path.sep);
    if (names.some(isSkippedName) || !isManifestName(names[names.length - 1] ?? '')) return false;
    let current = root;
    for (const [index, name] of names.entries()) {
      current = path.join(current, name);
      if (this.excludes(current, index < names.length - 1)) return false;
    }
    return true;
  }
}

export type WalkEntry =
  | { kind: 'file'; absolutePath: string }
  /** A directory that could not be listed: the CLI reports it, the editor skips it. */
  | { kind: 'unlistableDirectory'; absolutePath: string; detail: string };

export interface WalkResult {
  entries: WalkEntry[];
  /** The walk stopped at `maxFiles`. */
  truncated: boolean;
}

export async function walkManifests(
  root: string,
  filter: WorkspaceFilter,
  maxFiles: number = MAX_WORKSPACE_FILES,
  scope: ReadScope = ReadScope.of([root]),
): Promise<WalkResult> {
  const result: WalkResult = { entries: [], truncated: false };
  let files = 0;
  const visit = async (directory: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(directory, { withFileTypes: true });
    } catch (error) {
      result.entries.push({ kind: 'unlistableDirectory', absolutePath: directory, detail: describeFsError(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isSkippedName(entry.name)) continue;
      const entryPath = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!filter.excludes(entryPath, true)) await visit(entryPath);
      } else if (isManifestName(entry.name) && (entry.isFile() || (await isSymlinkToFile(entry, entryPath, scope)))) {
        if (filter.excludes(entryPath, false)) continue;
        if (files >= maxFiles) {
          result.truncated = true;
          return;
        }
        files++;
        result.entries.push({ kind: 'file', absolutePath: entryPath });
      }
      if (result.truncated) return;
    }
  };
  await visit(root);
  return result;
}

async function isSymlinkToFile(entry: fs.Dirent, entryPath: string, scope: ReadScope): Promise<boolean> {
  if (!entry.isSymbolicLink() || !scope.allows(entryPath)) return false;
  try {
    return (await fs.promises.stat(entryPath)).isFile();
  } catch {
    return false; // a dangling link is not a manifest
  }
}
