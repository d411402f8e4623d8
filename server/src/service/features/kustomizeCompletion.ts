/**
 * Completion of paths in a kustomization: in a `resources:`, `components:`, `bases:` or
 * `patchesStrategicMerge:` item, a patch's `path:` and a generator's `files:`/`envs:`
 * item, the files and folders of the folder typed so far (the kustomization's own by
 * default): manifests and folders for resources and patches, any file for generators,
 * and none that the kustomization already lists. The host lists the folders; nothing
 * here reads the disk.
 *
 * The field under the cursor comes from the document itself: the path being typed is
 * replaced by a mark and the document parsed again, as features/completion.ts does.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { parseChunk } from '../document/parseChunk';
import { chunkAtLine } from '../document/chunkAtLine';
import { isKustomizationFileName, readKustomization } from '../kustomize/kustomization';
import type { Position, Range } from '../core/types';
import { pathEntriesOf } from './kustomizeNavigation';

export interface FolderEntry {
  name: string;
  directory: boolean;
}

/** The entries of a folder given relative to the kustomization's folder (`''`, `base/`, `../`); undefined if it cannot be listed. */
export type ListFolder = (relative: string) => readonly FolderEntry[] | undefined;

export interface PathCompletion {
  /** The name, with a trailing `/` for a folder. */
  label: string;
  kind: 'file' | 'folder';
  /** Replaces `range` (the whole path under the cursor, a generator's `key=` kept). */
  newText: string;
  range: Range;
  /** Folders first, then files, each by name. */
  sortText: string;
}

const MARK = 'kubewisePathMark';
const MAX_TEXT = 2 * 1024 * 1024;
const MANIFEST = /\.(?:ya?ml|json)$/i;
/** Fields whose items are paths, and the fields of a list item that hold one. */
const RESOURCE_FIELDS = new Set(['resources', 'bases', 'components', 'patchesStrategicMerge']);
const PATCH_FIELDS = new Set(['patches', 'patchesJson6902']);
const GENERATOR_FIELDS = new Set(['configMapGenerator', 'secretGenerator']);

export function kustomizePathCompletions(
  text: string,
  languageId: 'yaml' | 'json',
  position: Position,
  listFolder: ListFolder,
): PathCompletion[] {
  if (languageId !== 'yaml' || text.length > MAX_TEXT) return [];
  const chunk = chunkAtLine(text, position.line);
  if (!chunk) return [];
  const lines = chunk.text.split('\n');
  const lineIndex = position.line - chunk.startLine;
  const line = lines[lineIndex] ?? '';
  const before = line.slice(0, position.character);
  // A list item or a `key: ` value, maybe quoted, being typed at the cursor.
  const typing = /^\s*(?:- )?(?:[\w]+:[ \t]+)?["']?([^\s"'#]*)$/.exec(before);
  if (!typing) return [];
  const start = position.character - (typing[1] ?? '').length;
  const end = position.character + (/^[^\s"'#]*/.exec(line.slice(position.character))?.[0].length ?? 0);
  const token = line.slice(start, end);
  const typed = token.slice(0, position.character - start);
  // A generator's `key=path`: the path is what follows the first `=`.
  const equals = typed.indexOf('=');
  const keyPrefix = equals === -1 ? '' : typed.slice(0, equals + 1);
  lines[lineIndex] = `${line.slice(0, start)}${keyPrefix}${MARK}${line.slice(end)}`;

  const parsed = parseChunk(lines.join('\n'));
  if (!parsed.doc || parsed.unusable) return [];
  const kustomization = readKustomization(parsed.doc, true);
  const field = kustomization ? fieldOfMark(parsed.doc.contents, keyPrefix) : undefined;
  if (!kustomization || !field || (field === 'manifests' && keyPrefix !== '')) return [];

  const folder = typed.slice(keyPrefix.length, typed.lastIndexOf('/') + 1);
  // Listed already: as a resource, component or patch for those, as a generator's file for generators.
  const entries = field === 'files' ? kustomization.generatorFiles : pathEntriesOf(kustomization);
  const listed = new Set(
    entries.filter((entry) => field === 'files' || !GENERATOR_FIELDS.has(entry.field)).map((e) => normalize(e.path)),
  );
  const range: Range = { start: { line: position.line, character: start }, end: { line: position.line, character: end } };
  const completions: PathCompletion[] = [];
  for (const entry of listFolder(folder) ?? []) {
    if (entry.name.startsWith('.') || listed.has(normalize(folder + entry.name))) continue;
    // A kustomization file is never an input: a folder is named by its folder.
    if (!entry.directory && (isKustomizationFileName(entry.name) || (field === 'manifests' && !MANIFEST.test(entry.name)))) {
      continue;
    }
    const label = entry.directory ? `${entry.name}/` : entry.name;
    completions.push({
      label,
      kind: entry.directory ? 'folder' : 'file',
      newText: `${keyPrefix}${folder}${label}`,
      range,
      sortText: `${entry.directory ? '0' : '1'}${entry.name}`,
    });
  }
  return completions.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
}

/** What the marked item holds: a manifest path (resources, patches) or a generator's file; undefined elsewhere. */
function fieldOfMark(root: unknown, keyPrefix: string): 'manifests' | 'files' | undefined {
  const path = pathTo(root, `${keyPrefix}${MARK}`, [], 0);
  if (!path) return undefined;
  const [top, , key, index] = path;
  if (typeof top !== 'string') return undefined;
  if (RESOURCE_FIELDS.has(top) && path.length === 2 && typeof path[1] === 'number') return 'manifests';
  if (PATCH_FIELDS.has(top) && path.length === 3 && key === 'path') return 'manifests';
  if (GENERATOR_FIELDS.has(top) && path.length === 4 && (key === 'files' || key === 'envs') && typeof index === 'number') {
    return 'files';
  }
  return undefined;
}

/** The keys and indices from the root to the scalar whose value is `value`. */
function pathTo(node: unknown, value: string, path: (string | number)[], depth: number): (string | number)[] | undefined {
  if (depth > 8) return undefined; // the fields completed here are at most four levels down
  if (isScalar(node)) return node.value === value ? path : undefined;
  if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const found = pathTo(item, value, [...path, index], depth + 1);
      if (found) return found;
    }
  } else if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const found = pathTo(pair.value as Node, value, [...path, String(pair.key.value)], depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** A relative path as kustomize resolves it: `./a/`, `a` and `b/../a` are one. */
function normalize(relative: string): string {
  const parts: string[] = [];
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
