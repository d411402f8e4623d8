/**
 * The files and folders next to a kustomization, for path completion: the service
 * decides which to offer (features/kustomizeCompletion.ts), this reads the folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FolderEntry, ListFolder } from '../service/features/kustomizeCompletion';
import type { ReadScope } from './readScope';

/** A folder of thousands of files is offered its first ones: completion must answer at once. */
const MAX_ENTRIES = 1000;

/**
 * Lists folders relative to `baseDir`, following symlinks to say whether an entry is a folder;
 * nothing outside `scope` (a `../../..` typed into the path lists nothing).
 */
export function folderLister(baseDir: string, scope: ReadScope): ListFolder {
  return (relative: string): FolderEntry[] | undefined => {
    const dir = path.resolve(baseDir, relative);
    if (!scope.allows(dir)) return undefined;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    const listed: FolderEntry[] = [];
    for (const entry of entries.slice(0, MAX_ENTRIES)) {
      let directory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          if (!scope.allows(path.join(dir, entry.name))) continue; // a link out of the workspace
          directory = fs.statSync(path.join(dir, entry.name)).isDirectory();
        } catch {
          continue; // a dangling link names nothing kustomize could read
        }
      } else if (!directory && !entry.isFile()) continue;
      listed.push({ name: entry.name, directory });
    }
    return listed;
  };
}
