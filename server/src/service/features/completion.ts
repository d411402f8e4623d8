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
import type { Document, Node, YAMLMap } from 'yaml';
import { parseChunk } from '../document/parseChunk';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../engine/checkFile';
import { splitYamlDocuments } from '../document/splitDocuments';
import { asKubeObject } from '../kubernetes/objects';
import { builtinSchema } from '../schema/builtinSchemas';
import { fieldAt, resolveRef, typeName } from '../schema/schemaWalk';
import type { SchemaSet } from '../schema/schemaTypes';
import type { Position } from '../core/types';
import type { CustomSchemas } from './explainHover';
import { SNIPPETS } from './snippets';

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
  const chunk = splitYamlDocuments(text)
    .filter((c) => c.startLine <= position.line)
    .pop();
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
