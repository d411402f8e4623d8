/**
 * Keeps the editor's workspace model (host/workspaceModel.ts) in step with the disk:
 * walks each workspace folder with the walker the CLI uses, applies `ignore:` from the
 * folder's `.kubewise.yaml` and VS Code's `files.exclude`, and updates single files
 * when the client reports a change. Disk work runs one task at a time, in the order it
 * was asked for, so a rescan and a file event cannot interleave their writes.
 *
 * The walk is bounded (MAX_WORKSPACE_FILES) and asynchronous: the first diagnostics
 * do not wait for it, and open documents are re-checked when it finishes.
 *
 * Disk reads stay inside the workspace folders and their `crdPaths` folders
 * (host/readScope.ts): a symlink out of them, or a kustomization entry that leads out,
 * is not read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ignoreGlobsOf } from '../host/configLookup';
import { crdFactsOnly, resolveCrdFolders } from '../host/crdFolders';
import { factsOnDisk, realPathOf } from '../host/manifestFile';
import { MAX_WORKSPACE_FILES, WorkspaceFilter, walkManifests } from '../host/workspaceFiles';
import type { ExcludeGlobs } from '../host/workspaceFiles';
import { WorkspaceModel } from '../host/workspaceModel';
import { KustomizeIndex } from '../host/kustomizeIndex';
import { ReadScope } from '../host/readScope';
import { isKustomizationFileName } from '../service/kustomize/kustomization';
import type { PulledSettings } from './pulledSettings';
import type { ConfigFiles } from './settings';
import type { WorkspaceTrust } from './trust';
import { URI } from './uri';

/** What a folder's walk depends on, pulled from the client and its config file. */
export interface FolderSetup {
  /** `ignore:` of the config file, and `files.exclude` (relative to the folder). */
  excludes: ExcludeGlobs[];
  maxFileSizeBytes: number;
  /** Folders of CRDs (`kubewise.crdPaths`, then `crdPaths:` of the config file), absolute. */
  crdFolders: string[];
}

/**
 * A folder's walk: `ignore:` of its config file, `files.exclude`, and its size limit.
 * In an untrusted workspace the config file gives nothing (settings.ts) and
 * `kubewise.crdPaths` is not followed: VS Code already hides the workspace's own value
 * of it (`restrictedConfigurations`), and a user value is relative to this folder.
 */
export async function folderSetup(
  folderPath: string,
  pulled: PulledSettings,
  configFiles: ConfigFiles,
  trust: Pick<WorkspaceTrust, 'isTrusted'>,
): Promise<FolderSetup> {
  const scopeUri = URI.fromPath(folderPath);
  const [client, filesExclude] = await Promise.all([pulled.kubewiseFor(scopeUri), pulled.filesExcludeFor(scopeUri)]);
  const excludes: ExcludeGlobs[] = [];
  const configFile = configFiles.forFolder(folderPath);
  if (configFile) excludes.push(ignoreGlobsOf(configFile.path, configFile.parsed));
  if (filesExclude.length > 0) excludes.push({ base: folderPath, patterns: filesExclude });
  const crdFolders = [
    ...(trust.isTrusted ? resolveCrdFolders(folderPath, client.crdPaths) : []),
    ...(configFile ? resolveCrdFolders(path.dirname(configFile.path), configFile.parsed.crdPaths) : []),
  ];
  return { excludes, maxFileSizeBytes: client.maxFileSizeKB * 1024, crdFolders };
}

interface Folder extends FolderSetup {
  path: string;
  filter: WorkspaceFilter;
}

/** How often a walk reports its progress, in files. */
const PROGRESS_EVERY = 100;

export class WorkspaceSync {
  readonly model = new WorkspaceModel();
  private folders: Folder[] = [];
  /** What the server may read: the workspace folders and their CRD folders, nothing a manifest names elsewhere. */
  readonly scope = new ReadScope(() => this.folders.flatMap((folder) => [folder.path, ...folder.crdFolders]));
  /** The kustomization files of the folders: which files are patches, what a kustomization's entries hold. */
  readonly kustomize = new KustomizeIndex(this.scope);
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly setupOf: (folderPath: string) => Promise<FolderSetup>,
    private readonly log: (message: string) => void,
    /** Told how many files a walk has read so far, every PROGRESS_EVERY files: the status bar shows it. */
    private readonly progress: (read: number, total: number) => void = () => undefined,
  ) {}

  /** Whether the file at `filePath` is part of the workspace, so its facts count for the others. */
  includes(filePath: string): boolean {
    return this.folderOf(filePath) !== undefined;
  }

  /** Whether the file is only in a CRD folder: it counts with its CRDs, and is never checked. */
  onlyCrds(filePath: string): boolean {
    return !this.includes(filePath) && this.crdFolderOf(filePath) !== undefined;
  }

  /**
   * Re-reads every folder's setup and re-walks the folders whose setup changed (all of
   * them the first time); resolves to whether the model changed.
   */
  refresh(folderPaths: readonly string[]): Promise<boolean> {
    return this.enqueue(async () => {
      const previous = new Map(this.folders.map((folder) => [folder.path, folder]));
      const next: Folder[] = [];
      for (const folderPath of folderPaths) {
        const setup = await this.setupOf(folderPath);
        next.push({ ...setup, path: folderPath, filter: new WorkspaceFilter(setup.excludes) });
      }
      const unchanged = (folder: Folder): boolean => {
        const before = previous.get(folder.path);
        return (
          !!before &&
          JSON.stringify([before.excludes, before.maxFileSizeBytes, before.crdFolders]) ===
            JSON.stringify([folder.excludes, folder.maxFileSizeBytes, folder.crdFolders])
        );
      };
      if (next.length === previous.size && next.every(unchanged)) return false;
      this.folders = next;
      return this.rescan(
        new Set(
          next.filter((folder) => previous.get(folder.path)?.maxFileSizeBytes !== folder.maxFileSizeBytes).map((f) => f.path),
        ),
      );
    });
  }

  /**
   * The client reported a created, changed or deleted path; resolves to whether the model
   * changed, or a kustomization's entry now resolves otherwise.
   */
  fileChanged(filePath: string, deleted: boolean): Promise<boolean> {
    return this.enqueue(async () => (await this.applyChange(filePath, deleted)) || this.kustomize.names(filePath, isInside));
  }

  private async applyChange(filePath: string, deleted: boolean): Promise<boolean> {
    if (deleted) {
      const kustomizeChanged = this.kustomize.deleteUnder(filePath, isInside);
      return this.model.deleteUnder(filePath, isInside) || kustomizeChanged; // a file, or a folder and its files
    }
    let isDirectory: boolean;
    try {
      isDirectory = (await fs.promises.stat(filePath)).isDirectory();
    } catch {
      return this.model.deletePath(filePath); // gone again already
    }
    if (isDirectory) return this.addDirectory(filePath);
    const folder = this.folderOf(filePath) ?? this.crdFolderOf(filePath);
    if (!folder) return this.model.deletePath(filePath);
    return this.read(filePath, folder);
  }

  /** A document was closed: its disk entry applies again, read afresh (unsaved edits are gone). */
  closed(filePath: string): Promise<boolean> {
    const changed = this.model.closeLive(filePath);
    return this.enqueue(async () => {
      const folder = this.folderOf(filePath) ?? this.crdFolderOf(filePath);
      return (folder ? await this.read(filePath, folder) : this.model.deletePath(filePath)) || changed;
    });
  }

  /** Walks every folder; reads files new to the model, and all of those in `rereadFolders`. */
  private async rescan(rereadFolders: ReadonlySet<string>): Promise<boolean> {
    let changed = false;
    const walked = new Set<string>();
    for (const folder of this.folders) {
      const budget = MAX_WORKSPACE_FILES - walked.size;
      const result = await walkManifests(folder.path, folder.filter, budget, this.scope);
      if (result.truncated) this.log(`Kubewise indexes at most ${MAX_WORKSPACE_FILES} files; ${folder.path} has more.`);
      const total = walked.size + result.entries.filter((entry) => entry.kind === 'file').length;
      for (const entry of result.entries) {
        if (entry.kind !== 'file' || walked.has(entry.absolutePath)) continue;
        walked.add(entry.absolutePath);
        if (walked.size % PROGRESS_EVERY === 0) this.progress(walked.size, total);
        if (!this.model.has(entry.absolutePath) || rereadFolders.has(folder.path)) {
          changed = (await this.read(entry.absolutePath, folder)) || changed;
        }
      }
    }
    // Then the CRD folders: a file there that the walk above did not reach counts with its CRDs only.
    for (const folder of this.folders) {
      for (const crdFolder of folder.crdFolders) {
        const result = await walkManifests(crdFolder, new WorkspaceFilter(), MAX_WORKSPACE_FILES - walked.size, this.scope);
        for (const entry of result.entries) {
          if (entry.kind !== 'file' || walked.has(entry.absolutePath)) continue;
          walked.add(entry.absolutePath);
          if (!this.model.has(entry.absolutePath) || rereadFolders.has(folder.path)) {
            changed = (await this.read(entry.absolutePath, folder)) || changed;
          }
        }
      }
    }
    for (const filePath of this.model.paths()) {
      if (!walked.has(filePath) && !this.includes(filePath) && !this.crdFolderOf(filePath)) {
        changed = this.model.deletePath(filePath) || changed;
      }
    }
    return changed;
  }

  /** A folder appeared (created, or renamed into place): its manifests join. */
  private async addDirectory(directory: string): Promise<boolean> {
    let changed = false;
    for (const entry of (await walkManifests(directory, new WorkspaceFilter(), MAX_WORKSPACE_FILES, this.scope)).entries) {
      const folder = entry.kind === 'file' ? this.folderOf(entry.absolutePath) : undefined;
      if (folder) changed = (await this.read(entry.absolutePath, folder)) || changed;
    }
    return changed;
  }

  private async read(filePath: string, folder: Folder): Promise<boolean> {
    // A file event or a close names a path in a folder; a symlink there may still lead out.
    if (!this.scope.allows(filePath)) return this.model.deletePath(filePath) || this.kustomize.delete(filePath);
    const facts = await factsOnDisk(filePath, { maxFileSizeBytes: folder.maxFileSizeBytes });
    const kustomizeChanged = isKustomizationFileName(path.basename(filePath)) && (await this.readKustomization(filePath));
    return (
      this.model.setDisk(filePath, this.includes(filePath) ? facts : crdFactsOnly(facts), realPathOf(filePath)) ||
      kustomizeChanged
    );
  }

  private async readKustomization(filePath: string): Promise<boolean> {
    try {
      return this.kustomize.set(filePath, await fs.promises.readFile(filePath, 'utf8'));
    } catch {
      return this.kustomize.delete(filePath);
    }
  }

  /** The facts of the workspace's files but this one, as their kustomizations render them (none of patches). */
  othersThan(filePath: string): ReturnType<WorkspaceModel['othersThan']> {
    return this.model.othersThan(filePath, this.kustomize.factsView);
  }

  private folderOf(filePath: string): Folder | undefined {
    return this.folders.find((folder) => folder.filter.includes(folder.path, filePath));
  }

  /** The workspace folder whose `crdPaths` hold the file. */
  private crdFolderOf(filePath: string): Folder | undefined {
    return this.folders.find((folder) =>
      folder.crdFolders.some((crdFolder) => filePath === crdFolder || isInside(filePath, crdFolder)),
    );
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
