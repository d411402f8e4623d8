/**
 * The kustomization files of a workspace, for both hosts: which files are patches
 * (partial objects), which fields a kustomization writes into its resources, and, for
 * a kustomization being checked, what each of its entries resolves to on disk. The
 * service reads kustomizations (service/kustomize/); only this layer looks at the disk,
 * and only inside its read scope (host/readScope.ts): an entry that leads out of the
 * workspace is `outside`, neither read nor stat'ed, whatever the kustomization says.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseChunk } from '../service/document/parseChunk';
import { isKustomizationFileName, KUSTOMIZATION_FILE_NAMES, readKustomization } from '../service/kustomize/kustomization';
import type { KustomizationModel, PathEntry, PatchTarget } from '../service/kustomize/kustomization';
import { objectsOfText } from '../service/kustomize/inputs';
import type { InputObject, KustomizeInputs, KustomizeRole, Rendering, ResolvedPath } from '../service/kustomize/inputs';
import { renderedFacts } from '../service/engine/kustomizeFacts';
import type { DocumentFacts } from '../service/facts/factKind';
import type { ReadScope } from './readScope';

/** Deeper trees than this are cut short: their objects count as unknown, never as missing. */
const MAX_DEPTH = 12;
/** A base shared by more overlays than this is rendered for the first ones only. */
const MAX_RENDERINGS = 16;

interface Summary {
  /** Files its patches read. */
  patches: string[];
  /** The `target:` each patch file is given (a JSON 6902 patch's objects), by file. */
  patchTargets: { file: string; target: PatchTarget }[];
  /** Files and folders its resources and components name. */
  inputs: string[];
  /** It writes labels into selectors (commonLabels, labels with includeSelectors). */
  writesSelectors: boolean;
  /** What it does to the objects it takes in. */
  transform: Rendering;
}

export class KustomizeIndex {
  private readonly summaries = new Map<string, Summary>();
  /** Roles by file, until a kustomization changes: hosts ask once per file per check. */
  private readonly roles = new Map<string, KustomizeRole | undefined>();
  /** Facts as the trees render them, by the facts' array and the role they were rendered for. */
  private readonly renderings = new WeakMap<
    readonly DocumentFacts[],
    { role: KustomizeRole | undefined; rendered: readonly DocumentFacts[] }
  >();

  /** The folders its entries may be read from. */
  constructor(readonly scope: ReadScope) {}

  /** Records a file's text if it is a kustomization; true when the index changed. */
  set(filePath: string, text: string): boolean {
    if (!isKustomizationFileName(path.basename(filePath))) return this.delete(filePath);
    const model = modelOf(text, true);
    const dir = path.dirname(filePath);
    const local = (entries: readonly PathEntry[]): string[] =>
      entries.filter((entry) => !entry.remote).map((entry) => path.resolve(dir, entry.path));
    const summary: Summary = {
      patches: local((model?.patches ?? []).flatMap((patch) => (patch.file ? [patch.file] : []))),
      patchTargets: (model?.patches ?? []).flatMap((patch) =>
        patch.file && !patch.file.remote && patch.target
          ? [{ file: path.resolve(dir, patch.file.path), target: patch.target }]
          : [],
      ),
      inputs: local([...(model?.resources ?? []), ...(model?.components ?? [])]),
      writesSelectors: Object.keys(model?.selectorLabels ?? {}).length > 0,
      transform: {
        ...(model?.namespace ? { namespace: model.namespace } : {}),
        namePrefix: model?.namePrefix ?? '',
        nameSuffix: model?.nameSuffix ?? '',
        selectorLabels: model?.selectorLabels ?? {},
        replicas: Object.fromEntries((model?.replicas ?? []).map((entry) => [entry.name, entry.count])),
      },
    };
    this.roles.clear();
    const before = JSON.stringify(this.summaries.get(filePath));
    this.summaries.set(filePath, summary);
    return before !== JSON.stringify(summary);
  }

  delete(filePath: string): boolean {
    if (!this.summaries.delete(filePath)) return false;
    this.roles.clear();
    return true;
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
   * Whether some kustomization names the path, or a path inside it (a folder created
   * around a resource): its creation or deletion changes what the entry resolves to,
   * even when the file contributes nothing to the workspace (empty, or in a hidden folder).
   */
  names(target: string, isInside: (child: string, parent: string) => boolean): boolean {
    for (const summary of this.summaries.values()) {
      if ([...summary.inputs, ...summary.patches].some((entry) => entry === target || isInside(entry, target))) return true;
    }
    return false;
  }

  /**
   * Indexes the kustomization beside each file, if it is not indexed yet: a patch
   * checked on its own (`kubewise check overlay/replicas.yaml`) is still known as one.
   */
  addNeighbours(filePaths: readonly string[]): void {
    for (const dir of new Set(filePaths.map((filePath) => path.dirname(filePath)))) {
      for (const name of KUSTOMIZATION_FILE_NAMES) {
        const candidate = path.join(dir, name);
        if (this.summaries.has(candidate) || !this.scope.allows(candidate)) continue;
        const text = readText(candidate);
        if (text !== undefined) this.set(candidate, text);
      }
    }
  }

  /** The file's place in the workspace's kustomization trees; undefined when it has none. */
  roleOf(filePath: string, liveText?: string): KustomizeRole | undefined {
    const role = this.treeRoleOf(filePath);
    // A kustomization's entries are resolved afresh each time: a file created or deleted
    // since changes them, and no kustomization text changed to clear the cache.
    if (!isKustomizationFileName(path.basename(filePath))) return role;
    return { ...role, named: true, inputs: inputsOf(filePath, this.scope, liveText) };
  }

  /** A file's facts as the kustomization trees it is built in render them (none for a patch). */
  readonly factsView = (filePath: string, facts: readonly DocumentFacts[]): readonly DocumentFacts[] => {
    // Asked for every other file on every check: the tree role only (no kustomization's entries
    // read from disk), and one rendering per facts and role, so the same objects come back
    // while neither changed (which is also what lets a check reuse its last judgements).
    const role = this.treeRoleOf(filePath);
    const known = this.renderings.get(facts);
    if (known && known.role === role) return known.rendered;
    const rendered = renderedFacts(facts, role);
    this.renderings.set(facts, { role, rendered });
    return rendered;
  };

  /** The file's place in the trees (patch, renderings), cached until a kustomization changes. */
  private treeRoleOf(filePath: string): KustomizeRole | undefined {
    if (!this.roles.has(filePath)) this.roles.set(filePath, this.computeRole(filePath));
    return this.roles.get(filePath);
  }

  private computeRole(filePath: string): KustomizeRole | undefined {
    const role: KustomizeRole = {};
    if (this.isPatch(filePath)) role.partial = true;
    const targets = [...this.summaries.values()].flatMap((summary) =>
      summary.patchTargets.filter((entry) => entry.file === filePath).map((entry) => entry.target),
    );
    if (targets.length > 0) role.patchTargets = targets;
    if (this.including(filePath).some((kustomization) => this.summaries.get(kustomization)?.writesSelectors)) {
      role.fills = ['selector'];
    }
    const renderings = this.renderingsOf(filePath);
    if (renderings.length > 0) role.renderings = renderings;
    return Object.keys(role).length > 0 ? role : undefined;
  }

  /**
   * One rendering per chain from a kustomization that lists the file out to a
   * kustomization no other one lists (the overlay that is built): inner ones first,
   * outer ones overriding the namespace and replicas and wrapping the name prefixes.
   */
  private renderingsOf(filePath: string): Rendering[] {
    const renderings: Rendering[] = [];
    const walk = (target: string, chain: string[]): void => {
      if (renderings.length >= MAX_RENDERINGS || chain.length > MAX_DEPTH) return;
      const parents = [...this.summaries].filter(([k, summary]) => !chain.includes(k) && summary.inputs.includes(target));
      if (parents.length === 0) {
        if (chain.length > 0) renderings.push(compose(chain.map((k) => this.summaries.get(k)!.transform)));
        return;
      }
      for (const [kustomization] of parents) walk(path.dirname(kustomization), [...chain, kustomization]);
    };
    walk(filePath, []);
    return renderings;
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

/** The transforms of a chain, innermost first, as kustomize applies them level by level. */
function compose(transforms: readonly Rendering[]): Rendering {
  const rendering: Rendering = { namePrefix: '', nameSuffix: '', selectorLabels: {}, replicas: {} };
  for (const transform of transforms) {
    if (transform.namespace !== undefined) rendering.namespace = transform.namespace;
    rendering.namePrefix = transform.namePrefix + rendering.namePrefix;
    rendering.nameSuffix += transform.nameSuffix;
    rendering.selectorLabels = { ...rendering.selectorLabels, ...transform.selectorLabels };
    rendering.replicas = { ...rendering.replicas, ...transform.replicas };
  }
  return rendering;
}

function modelOf(text: string, named: boolean): KustomizationModel | undefined {
  const parsed = parseChunk(text);
  return parsed.doc && !parsed.unusable ? readKustomization(parsed.doc, named) : undefined;
}

/**
 * What each entry of the kustomization at `filePath` (with this text, else as on disk)
 * resolves to, read from disk now within `scope`.
 */
export function inputsOf(filePath: string, scope: ReadScope, liveText?: string): KustomizeInputs {
  const text = liveText ?? (scope.allows(filePath) ? readText(filePath) : undefined);
  const model = text === undefined ? undefined : modelOf(text, true);
  const paths = new Map<string, ResolvedPath>();
  const destinations = new Map<string, string>();
  if (!model) return { paths, destinations };
  const dir = path.dirname(filePath);
  const entries = [
    ...model.resources,
    ...model.components,
    ...model.patches.flatMap((patch) => (patch.file ? [patch.file] : [])),
  ];
  for (const entry of entries) {
    if (!paths.has(entry.path)) paths.set(entry.path, resolveEntry(dir, entry, { scope, visited: new Set([dir]) }, 0));
  }
  for (const entry of [...entries, ...model.generatorFiles]) {
    const target = path.resolve(dir, entry.path);
    // Go to definition opens only what the workspace holds: nothing outside it is looked at.
    const destination = entry.remote || destinations.has(entry.path) || !scope.allows(target) ? undefined : destinationOf(target);
    if (destination !== undefined) destinations.set(entry.path, destination);
  }
  return { paths, destinations };
}

/** The file go to definition opens for a path: the file, or the kustomization file of a folder. */
function destinationOf(target: string): string | undefined {
  try {
    if (fs.statSync(target).isFile()) return target;
  } catch {
    return undefined;
  }
  return kustomizationFileIn(target);
}

function kustomizationFileIn(dir: string): string | undefined {
  return KUSTOMIZATION_FILE_NAMES.map((name) => path.join(dir, name)).find((candidate) => fs.existsSync(candidate));
}

/** One resolution of a kustomization's entries: where it may read, and the folders it has been in. */
interface Resolution {
  scope: ReadScope;
  visited: Set<string>;
}

function resolveEntry(dir: string, entry: PathEntry, resolution: Resolution, depth: number): ResolvedPath {
  if (entry.remote) return { status: 'unknown' };
  const target = path.resolve(dir, entry.path);
  // Before any stat: whether a file exists outside the workspace is not the manifest's to ask.
  if (!resolution.scope.allows(target)) return { status: 'outside' };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { status: 'missing' } : { status: 'unknown' };
  }
  if (stat.isFile()) {
    const text = readText(target);
    return text === undefined ? { status: 'unknown' } : { status: 'file', objects: objectsOfText(text, target), key: target };
  }
  if (!stat.isDirectory()) return { status: 'unknown' };
  const objects = folderObjects(target, resolution, depth + 1);
  return objects ? { status: 'directory', objects, key: target } : { status: 'unknown' };
}

/** The objects a kustomization folder builds (resources, components, generators), unless it cannot be known. */
function folderObjects(dir: string, resolution: Resolution, depth: number): InputObject[] | undefined {
  if (depth > MAX_DEPTH || resolution.visited.has(dir)) return undefined;
  resolution.visited.add(dir);
  const file = kustomizationFileIn(dir);
  // The folder is in scope; its kustomization file may still be a link out of it.
  const text = file === undefined || !resolution.scope.allows(file) ? undefined : readText(file);
  const model = text === undefined ? undefined : modelOf(text, true);
  if (!model) return undefined;
  const objects: InputObject[] = model.generated.map((g) => ({ apiVersion: 'v1', kind: g.kind, name: g.name, images: [] }));
  for (const entry of [...model.resources, ...model.components]) {
    const resolved = resolveEntry(dir, entry, resolution, depth);
    if (resolved.status === 'unknown' || resolved.status === 'outside') return undefined;
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
