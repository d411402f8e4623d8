/**
 * The kustomization files of a workspace, for both hosts: which files are patches
 * (partial objects), which fields a kustomization writes into its resources, and, for
 * a kustomization being checked, what each of its entries resolves to on disk. The
 * service reads kustomizations (service/kustomize/); only this layer looks at the disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseChunk } from '../service/document/parseChunk';
import { isKustomizationFileName, KUSTOMIZATION_FILE_NAMES, readKustomization } from '../service/kustomize/kustomization';
import type { KustomizationModel, PathEntry } from '../service/kustomize/kustomization';
import { objectsOfText } from '../service/kustomize/inputs';
import type { InputObject, KustomizeInputs, KustomizeRole, ResolvedPath } from '../service/kustomize/inputs';

/** Deeper trees than this are cut short: their objects count as unknown, never as missing. */
const MAX_DEPTH = 12;

interface Summary {
  /** Files its patches read. */
  patches: string[];
  /** Files and folders its resources and components name. */
  inputs: string[];
  /** It writes labels into selectors (commonLabels, labels with includeSelectors). */
  writesSelectors: boolean;
}

export class KustomizeIndex {
  private readonly summaries = new Map<string, Summary>();

  /** Records a file's text if it is a kustomization; true when the index changed. */
  set(filePath: string, text: string): boolean {
    if (!isKustomizationFileName(path.basename(filePath))) return this.delete(filePath);
    const model = modelOf(text, true);
    const dir = path.dirname(filePath);
    const local = (entries: readonly PathEntry[]): string[] =>
      entries.filter((entry) => !entry.remote).map((entry) => path.resolve(dir, entry.path));
    const summary: Summary = {
      patches: local((model?.patches ?? []).flatMap((patch) => (patch.file ? [patch.file] : []))),
      inputs: local([...(model?.resources ?? []), ...(model?.components ?? [])]),
      writesSelectors: Object.keys(model?.selectorLabels ?? {}).length > 0,
    };
    const before = JSON.stringify(this.summaries.get(filePath));
    this.summaries.set(filePath, summary);
    return before !== JSON.stringify(summary);
  }

  delete(filePath: string): boolean {
    return this.summaries.delete(filePath);
  }

  /** Every kustomization at or under `folder` left; true when the index changed. */
  deleteUnder(folder: string, isInside: (child: string, parent: string) => boolean): boolean {
    let changed = false;
    for (const filePath of [...this.summaries.keys()]) {
      if (filePath === folder || isInside(filePath, folder)) changed = this.delete(filePath) || changed;
    }
    return changed;
  }

  /**
   * Indexes the kustomization beside each file, if it is not indexed yet: a patch
   * checked on its own (`kubewise check overlay/replicas.yaml`) is still known as one.
   */
  addNeighbours(filePaths: readonly string[]): void {
    for (const dir of new Set(filePaths.map((filePath) => path.dirname(filePath)))) {
      for (const name of KUSTOMIZATION_FILE_NAMES) {
        const candidate = path.join(dir, name);
        if (this.summaries.has(candidate)) continue;
        const text = readText(candidate);
        if (text !== undefined) this.set(candidate, text);
      }
    }
  }

  /** The file's place in the workspace's kustomization trees; undefined when it has none. */
  roleOf(filePath: string): KustomizeRole | undefined {
    const role: KustomizeRole = {};
    if (isKustomizationFileName(path.basename(filePath))) {
      role.named = true;
      role.inputs = inputsOf(filePath);
    }
    if (this.isPatch(filePath)) role.partial = true;
    if (this.including(filePath).some((kustomization) => this.summaries.get(kustomization)?.writesSelectors)) {
      role.fills = ['selector'];
    }
    return Object.keys(role).length > 0 ? role : undefined;
  }

  /** Whether some kustomization reads the file as a patch. */
  isPatch(filePath: string): boolean {
    return [...this.summaries.values()].some((summary) => summary.patches.includes(filePath));
  }

  /** Every kustomization that takes the file in, directly or through the folders of other kustomizations. */
  private including(filePath: string): string[] {
    const found = new Set<string>();
    const queue = [filePath];
    while (queue.length > 0 && found.size < 1000) {
      const target = queue.shift()!;
      for (const [kustomization, summary] of this.summaries) {
        if (found.has(kustomization) || !summary.inputs.includes(target)) continue;
        found.add(kustomization);
        queue.push(path.dirname(kustomization));
      }
    }
    return [...found];
  }
}

function modelOf(text: string, named: boolean): KustomizationModel | undefined {
  const parsed = parseChunk(text);
  return parsed.doc && !parsed.unusable ? readKustomization(parsed.doc, named) : undefined;
}

/** What each entry of the kustomization at `filePath` (with this text, else as on disk) resolves to, read from disk now. */
export function inputsOf(filePath: string, text: string | undefined = readText(filePath)): KustomizeInputs {
  const model = text === undefined ? undefined : modelOf(text, true);
  const paths = new Map<string, ResolvedPath>();
  if (!model) return { paths };
  const dir = path.dirname(filePath);
  const entries = [
    ...model.resources,
    ...model.components,
    ...model.patches.flatMap((patch) => (patch.file ? [patch.file] : [])),
  ];
  for (const entry of entries) {
    if (!paths.has(entry.path)) paths.set(entry.path, resolveEntry(dir, entry, new Set([dir]), 0));
  }
  return { paths };
}

function resolveEntry(dir: string, entry: PathEntry, visited: Set<string>, depth: number): ResolvedPath {
  if (entry.remote) return { status: 'unknown' };
  const target = path.resolve(dir, entry.path);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { status: 'missing' } : { status: 'unknown' };
  }
  if (stat.isFile()) {
    const text = readText(target);
    return text === undefined ? { status: 'unknown' } : { status: 'file', objects: objectsOfText(text), key: target };
  }
  if (!stat.isDirectory()) return { status: 'unknown' };
  const objects = folderObjects(target, visited, depth + 1);
  return objects ? { status: 'directory', objects, key: target } : { status: 'unknown' };
}

/** The objects a kustomization folder builds (resources, components, generators), unless it cannot be known. */
function folderObjects(dir: string, visited: Set<string>, depth: number): InputObject[] | undefined {
  if (depth > MAX_DEPTH || visited.has(dir)) return undefined;
  visited.add(dir);
  const file = KUSTOMIZATION_FILE_NAMES.map((name) => path.join(dir, name)).find((candidate) => fs.existsSync(candidate));
  const text = file === undefined ? undefined : readText(file);
  const model = text === undefined ? undefined : modelOf(text, true);
  if (!model) return undefined;
  const objects: InputObject[] = model.generated.map((g) => ({ apiVersion: 'v1', kind: g.kind, name: g.name, images: [] }));
  for (const entry of [...model.resources, ...model.components]) {
    const resolved = resolveEntry(dir, entry, visited, depth);
    if (resolved.status === 'unknown') return undefined;
    if (resolved.status !== 'missing') objects.push(...resolved.objects);
  }
  return objects;
}

function readText(filePath: string): string | undefined {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}
