/**
 * Completion inside a Kubernetes object: the keys valid at the cursor (required ones
 * first, none that is already there, each with its type and description), enum values
 * and booleans after `key: `, and snippets for a new object, a probe or a resources
 * block. LSP-free: the glue in lsp/completion.ts converts the items.
 *
 * Where the cursor is comes from the document itself: the word being typed is replaced by
 * a placeholder key (or value) and the document parsed again, so a half-typed line still
 * has a path in the YAML tree.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { parseChunk } from '../document/parseChunk';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../engine/checkFile';
import { asKubeObject } from '../kubernetes/objects';
import { builtinSchema } from '../schema/builtinSchemas';
import { fieldAt, resolveRef, typeName } from '../schema/schemaWalk';
import type { SchemaSet } from '../schema/schemaTypes';
import type { Position } from '../core/types';
import type { CustomSchemas } from './explainHover';
import { SNIPPETS } from './snippets';
import { chunkAt, parsedChunk } from './rememberedText';

export interface CompletionEntry {
  label: string;
  kind: 'field' | 'value' | 'snippet';
  detail?: string;
  documentation?: string;
  /** Plain text, or a snippet when `kind` is 'snippet'. */
  insertText: string;
  /** Sorts required fields before optional ones. */
  sortText: string;
}

const KEY_MARK = 'kubewiseCompletionKey';
const VALUE_MARK = 'kubewiseCompletionValue';
/** As large as the check's default limit: a file it checks gets completion too. */
const MAX_TEXT = DEFAULT_MAX_FILE_SIZE_BYTES;

export function completeAt(
  text: string,
  languageId: 'yaml' | 'json',
  position: Position,
  customSchemas?: CustomSchemas,
): CompletionEntry[] {
  if (languageId !== 'yaml' || text.length > MAX_TEXT) return [];
  const chunk = chunkAt(text, languageId, position.line);
  if (!chunk) return [];
  const lines = chunk.text.split('\n');
  const lineIndex = position.line - chunk.startLine;
  const line = lines[lineIndex] ?? '';
  const before = line.slice(0, position.character);
  const keyTyping = /^(\s*)(- )?([\w./-]*)$/.exec(before);
  const valueTyping = /^(\s*)(- )?([\w./-]+):[ \t]+([\w./-]*)$/.exec(before);
  if (keyTyping) {
    const [, indent = '', dash = '', word = ''] = keyTyping;
    const rest = line.slice(position.character).replace(/^[\w./-]*/, '');
    if (rest.trim() !== '' && !rest.trimStart().startsWith(':')) return [];
    const inPlace = keyInPlace(chunk.text, lineIndex, indent.length + dash.length);
    if (inPlace) {
      const set = schemaOf(inPlace.doc, customSchemas);
      return set ? keyEntries(set, inPlace.path.slice(0, -1), inPlace.siblings) : [];
    }
    lines[lineIndex] = `${indent}${dash}${KEY_MARK}: 0`;
    const probe = parseDocument(lines.join('\n'));
    if (!probe) return chunk.text.trim() === '' || chunk.text.trim() === word ? documentSnippets() : [];
    const found = findMark(probe.doc, probe.doc.contents, [], KEY_MARK, 'key');
    if (!found) return [];
    if (found.path.length === 1 && !asKubeObject(probe.doc)) return documentSnippets();
    const set = schemaOf(probe.doc, customSchemas);
    if (!set) return [];
    return keyEntries(set, found.path.slice(0, -1), found.siblings);
  }
  if (valueTyping) {
    const [, indent = '', dash = '', key = ''] = valueTyping;
    lines[lineIndex] = `${indent}${dash}${key}: ${VALUE_MARK}`;
    const probe = parseDocument(lines.join('\n'));
    if (!probe) return [];
    const found = findMark(probe.doc, probe.doc.contents, [], VALUE_MARK, 'value');
    const set = found ? schemaOf(probe.doc, customSchemas) : undefined;
    if (!found || !set) return [];
    return valueEntries(set, found.path);
  }
  return [];
}

/**
 * The cursor on a key that is already written, with a value on its own line: the document as it
 * stands says where it is, with no second parse (an 810 KB CRD takes half a second to parse, on
 * every keystroke). The answer is the placeholder's: the same path, the same siblings, the other
 * keys of its map. Anything else (a half-typed line, a key with children below it, the object's
 * own top-level keys, a list of objects) takes the placeholder's way.
 */
function keyInPlace(
  chunkText: string,
  lineIndex: number,
  column: number,
): { doc: Document.Parsed; path: (string | number)[]; siblings: Set<string> } | undefined {
  const parsed = parsedChunk(chunkText);
  const doc = parsed.doc;
  if (!doc || parsed.unusable || parsed.problems.length > 0 || !asKubeObject(doc)) return undefined;
  const lineStart = parsed.lineCounter.lineStarts[lineIndex];
  if (lineStart === undefined) return undefined;
  const nextLine = parsed.lineCounter.lineStarts[lineIndex + 1] ?? parsed.source.length + 1;
  const found = pairAt(doc.contents, lineStart + column, [], 0);
  if (!found || found.path.length < 2) return undefined;
  const value = found.pair.value as Node | null;
  if (!isScalar(value) || !value.range || value.range[1] >= nextLine || value.anchor) return undefined;
  const siblings = new Set<string>();
  for (const pair of found.map.items) if (pair !== found.pair && isScalar(pair.key)) siblings.add(String(pair.key.value));
  return { doc, path: found.path, siblings };
}

/** The pair whose key starts at `offset`, its map and its path from the document's root. */
function pairAt(
  node: unknown,
  offset: number,
  path: (string | number)[],
  depth: number,
): { pair: Pair; map: YAMLMap; path: (string | number)[] } | undefined {
  if (depth > 200) return undefined;
  if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const range = (item as Node | null)?.range;
      if (range && offset >= range[0] && offset <= range[1]) return pairAt(item, offset, [...path, index], depth + 1);
    }
    return undefined;
  }
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const name = String(pair.key.value);
    if (pair.key.range[0] === offset) return { pair, map: node, path: [...path, name] };
    const value = pair.value as Node | null;
    if (value?.range && offset >= value.range[0] && offset <= value.range[1])
      return pairAt(value, offset, [...path, name], depth + 1);
  }
  return undefined;
}

function parseDocument(text: string): { doc: Document.Parsed } | undefined {
  const parsed = parseChunk(text);
  return parsed.doc && !parsed.unusable ? { doc: parsed.doc } : undefined;
}

function schemaOf(doc: Document.Parsed, customSchemas: CustomSchemas | undefined): SchemaSet | undefined {
  const object = asKubeObject(doc);
  if (!object) return undefined;
  return builtinSchema(object.ref.apiVersion, object.ref.kind) ?? customSchemas?.(object.ref.apiVersion, object.ref.kind);
}

interface Mark {
  path: (string | number)[];
  siblings: Set<string>;
}

function findMark(
  doc: Document.Parsed,
  node: unknown,
  path: (string | number)[],
  mark: string,
  part: 'key' | 'value',
  depth = 0,
): Mark | undefined {
  if (depth > 200) return undefined;
  if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const found = findMark(doc, item, [...path, index], mark, part, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    if (part === 'key' && name === mark) return { path: [...path, name], siblings: keysOf(node as YAMLMap, mark) };
    if (part === 'value' && isScalar(pair.value) && pair.value.value === mark)
      return { path: [...path, name], siblings: new Set() };
    const found = findMark(doc, pair.value as Node, [...path, name], mark, part, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function keysOf(map: YAMLMap, except: string): Set<string> {
  const keys = new Set<string>();
  for (const pair of map.items) if (isScalar(pair.key) && pair.key.value !== except) keys.add(String(pair.key.value));
  return keys;
}

function keyEntries(set: SchemaSet, parentPath: (string | number)[], present: Set<string>): CompletionEntry[] {
  const parent = fieldAt(set, parentPath);
  if (!parent) return [];
  const properties = parent.node.properties ?? {};
  const required = new Set(parent.node.required ?? []);
  const entries: CompletionEntry[] = [];
  for (const [name, declared] of Object.entries(properties)) {
    if (present.has(name) || name === 'status') continue;
    const resolved = resolveRef(set, declared);
    const type = typeName(set, declared);
    const description =
      set.describe(parent.definition, name, declared) ?? set.describe(resolved.definition, undefined, resolved.node);
    const entry: CompletionEntry = {
      label: name,
      kind: 'field',
      detail: `${type}${required.has(name) ? ' · required' : ''}`,
      insertText: `${name}: `,
      sortText: `${required.has(name) ? '0' : '1'}${name}`,
    };
    if (description) entry.documentation = description;
    entries.push(entry);
  }
  if (parent.definition === 'core.v1.Container' || parent.definition === 'core.v1.EphemeralContainer') {
    for (const snippet of SNIPPETS.filter((s) => s.where === 'container' && !present.has(s.label))) {
      entries.push({
        label: `${snippet.label} (snippet)`,
        kind: 'snippet',
        detail: snippet.detail,
        insertText: snippet.body.trimEnd(),
        sortText: `2${snippet.label}`,
      });
    }
  }
  return entries;
}

function valueEntries(set: SchemaSet, path: (string | number)[]): CompletionEntry[] {
  const field = fieldAt(set, path);
  if (!field) return [];
  const values = field.node.enum ?? (field.node.type === 'boolean' ? [true, false] : []);
  return values.map((value, index) => {
    const entry: CompletionEntry = {
      label: String(value),
      kind: 'value',
      insertText: String(value),
      sortText: String(index).padStart(3, '0'),
    };
    const description = set.describe(field.parent, field.property, field.declared);
    if (description) entry.documentation = description;
    return entry;
  });
}

function documentSnippets(): CompletionEntry[] {
  return SNIPPETS.filter((s) => s.where === 'document').map((snippet) => ({
    label: snippet.label,
    kind: 'snippet',
    detail: snippet.detail,
    insertText: snippet.body.trimEnd(),
    sortText: `0${snippet.label}`,
  }));
}
