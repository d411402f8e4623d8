/**
 * Turns the paths on the command line into the list of files to check. Directory
 * walks are sorted by name so that output, and therefore CI diffs and SARIF
 * uploads, do not depend on the file system's listing order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

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

// .conf and .conflist: CNI network configs (copies of /etc/cni/net.d); the service decides
// whether a .conf is one (an nginx.conf gets nothing).
const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.conf', '.conflist']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export function collectFiles(paths: readonly string[], cwd: string): CollectedFiles {
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
    // A path named explicitly is checked whatever its name: the user asked for it.
    if (stats.isDirectory()) walkDirectory(absolutePath, add);
    else add({ kind: 'file', absolutePath });
  }
  return { targets, badPaths };
}

function walkDirectory(directory: string, add: (target: CheckTarget) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    add({ kind: 'unlistableDirectory', absolutePath: directory, detail: describeFsError(error) });
    return;
  }
  // Code-unit order, not localeCompare: the same on every machine and locale.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    // Dot-entries are tool configuration (.github, .gitlab-ci.yml, .kubewise.yaml),
    // not manifests; node_modules holds other people's files.
    if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      walkDirectory(entryPath, add);
    } else if (isManifestName(entry.name) && (entry.isFile() || isSymlinkToFile(entry, entryPath))) {
      // Symlinked directories are not followed, so a link cycle cannot loop the walk.
      add({ kind: 'file', absolutePath: entryPath });
    }
  }
}

function isManifestName(name: string): boolean {
  return MANIFEST_EXTENSIONS.has(path.extname(name).toLowerCase());
}

function isSymlinkToFile(entry: fs.Dirent, entryPath: string): boolean {
  if (!entry.isSymbolicLink()) return false;
  try {
    return fs.statSync(entryPath).isFile();
  } catch {
    return false; // a dangling link is not a manifest
  }
}

/** "no such file or directory" rather than Node's "ENOENT: no such file or directory, stat '/abs/path'". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
