/**
 * Folders of CustomResourceDefinitions outside what is checked (`kubewise.crdPaths`,
 * `crdPaths:` of `.kubewise.yaml`, the CLI's `--crd-path`): their files count for the
 * workspace with their CRDs only. A vendored folder of CRDs often holds examples and
 * Helm leftovers too; those must neither be checked nor count for rules across files.
 */
import * as path from 'node:path';
import { crdFacts } from '../service/facts/crds';
import type { DocumentFacts } from '../service/facts/factKind';
import { factsOnDisk, realPathOf } from './manifestFile';
import { MAX_WORKSPACE_FILES, WorkspaceFilter, walkManifests } from './workspaceFiles';

/** Absolute folders: each entry relative to `base` (a workspace folder, or a config file's folder). */
export function resolveCrdFolders(base: string, entries: readonly string[]): string[] {
  return entries.filter((entry) => entry.trim() !== '').map((entry) => path.resolve(base, entry));
}

/** Only the CRDs of a file's facts. */
export function crdFactsOnly(facts: readonly DocumentFacts[]): DocumentFacts[] {
  return facts.flatMap((documentFacts) => {
    const crds = documentFacts.get(crdFacts.id);
    return crds && crds.length > 0 ? [new Map([[crdFacts.id, crds]])] : [];
  });
}

export interface CrdFile {
  /** As walked. */
  path: string;
  /** The real path, so a CRD reached twice counts once. */
  key: string;
  facts: DocumentFacts[];
}

export interface CrdFolders {
  files: CrdFile[];
  /** Folders (or folders under them) that could not be listed: the CLI fails on them, the editor skips them. */
  unlistable: { path: string; detail: string }[];
}

/**
 * The manifests under the folders, in walk order, with their CRD facts. `maxFiles`
 * bounds the walk.
 */
export async function readCrdFolders(
  folders: readonly string[],
  maxFileSizeBytes: number | undefined,
  maxFiles: number = MAX_WORKSPACE_FILES,
): Promise<CrdFolders> {
  const files: CrdFile[] = [];
  const unlistable: CrdFolders['unlistable'] = [];
  const seen = new Set<string>();
  for (const folder of folders) {
    const walked = await walkManifests(folder, new WorkspaceFilter(), maxFiles - files.length);
    for (const entry of walked.entries) {
      if (entry.kind === 'unlistableDirectory') unlistable.push({ path: entry.absolutePath, detail: entry.detail });
      if (entry.kind !== 'file' || seen.has(entry.absolutePath)) continue;
      seen.add(entry.absolutePath);
      const facts = crdFactsOnly(
        await factsOnDisk(entry.absolutePath, maxFileSizeBytes === undefined ? {} : { maxFileSizeBytes }),
      );
      files.push({ path: entry.absolutePath, key: realPathOf(entry.absolutePath), facts });
    }
  }
  return { files, unlistable };
}
