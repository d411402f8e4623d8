/**
 * Completion in CNI configs, from the schema: the keys an object may have (a reference
 * plugin's, the network's, an IPAM range's) where a key goes, and the allowed values (modes,
 * booleans, plugin types) where a value goes. The config is usually half-typed and not valid
 * JSON, so the context comes from a light scan of the text before the cursor, not the parse.
 * Inside a ConfigMap or NetworkAttachmentDefinition string, the edit is written in the
 * string's style.
 */
import { cniConfigs } from '../cni/cniDocument';
import type { CniDocument } from '../cni/cniDocument';
import {
  REFERENCE_IPAM_TYPES,
  REFERENCE_PLUGIN_TYPES,
  definition,
  ipamDefinition,
  pluginDefinition,
  schemaAt,
} from '../cni/cniSchema';
import type { SchemaNode } from '../cni/cniSchema';
import type { Position, Range } from '../core/types';
import { documentAt } from './documentAt';

export interface CompletionDescription {
  label: string;
  kind: 'property' | 'value';
  detail?: string;
  documentation?: string;
  /** Replaces `range` (the partial word under the cursor, quotes included). */
  newText: string;
  range: Range;
}

interface Frame {
  type: 'object' | 'array';
  /** The key being written or whose value is being written (objects). */
  key: string | undefined;
  /** Objects: a key is expected (after `{` or `,`), else a value (after `:`). */
  expectKey: boolean;
  /** Arrays: the index of the current element. */
  index: number;
  /** Keys already written in the object, with their string values. */
  values: Map<string, string | undefined>;
}

interface Context {
  frames: Frame[];
  /** The cursor is inside a string starting at `stringStart` (the quote). */
  stringStart: number | undefined;
}

export function cniCompletions(
  text: string,
  languageId: 'yaml' | 'json',
  position: Position,
  filePath?: string,
): CompletionDescription[] {
  const at = documentAt(text, languageId, position, {}, true);
  if (!at) return [];
  let documents: CniDocument[];
  try {
    documents = cniConfigs.recognise({ text: at.text, parsed: at.parsed, filePath, languageId });
  } catch {
    return [];
  }
  for (const document of documents) {
    const embedding = document.embedding;
    const inner = embedding
      ? (embedding.fromDocument(at.offset) ?? (embedding.fromDocument(at.offset - 1) ?? -2) + 1)
      : at.offset;
    if (inner < 0 || inner > document.text.length) continue;
    const context = scanTo(document.text, inner);
    if (!context) continue;
    const items = itemsFor(context, document.text, inner);
    return items.flatMap((item) => {
      const [start, end] = item.span;
      if (!embedding) return [{ ...item.base, newText: item.newText, range: at.toRange(start, end) }];
      const edit = embedding.edit(start, end, item.newText);
      return edit ? [{ ...item.base, newText: edit.text, range: at.toRange(edit.start, edit.end) }] : [];
    });
  }
  return [];
}

interface Item {
  base: Omit<CompletionDescription, 'newText' | 'range'>;
  newText: string;
  span: [number, number];
}

function itemsFor(context: Context, text: string, offset: number): Item[] {
  const frame = context.frames[context.frames.length - 1];
  if (!frame) return [];
  // What the cursor replaces: the partial string it is in (with its closing quote, if typed).
  let span: [number, number] = [offset, offset];
  if (context.stringStart !== undefined) {
    const close = text.indexOf('"', offset);
    const lineEnd = text.indexOf('\n', offset);
    const end = close !== -1 && (lineEnd === -1 || close < lineEnd) ? close + 1 : offset;
    span = [context.stringStart, end];
  }
  const data = syntheticData(context.frames);
  const path = pathOf(context.frames);
  if (frame.type === 'object' && frame.expectKey) {
    const nodes = schemaAt(data, path.slice(0, -1)).map(({ node }) => node);
    const keys = new Map<string, SchemaNode>();
    for (const node of nodes)
      for (const [key, schema] of Object.entries(node.properties ?? {})) if (!keys.has(key)) keys.set(key, schema);
    // In a list's plugin, name and cniVersion are the list's (the runtime ignores them there).
    const inList = path[0] === 'plugins' && path.length === 3;
    return [...keys]
      .filter(([key]) => !frame.values.has(key) || key === frame.key)
      .filter(([key]) => !(inList && (key === 'name' || key === 'cniVersion')))
      .map(([key, schema]) => ({
        base: { label: key, kind: 'property' as const, ...describe(schema) },
        newText: `${JSON.stringify(key)}: `,
        span,
      }));
  }
  const key = frame.type === 'object' ? frame.key : undefined;
  if (key === 'type') {
    const inIpam = path[path.length - 2] === 'ipam';
    const types = inIpam ? REFERENCE_IPAM_TYPES : REFERENCE_PLUGIN_TYPES;
    return types.map((type) => ({
      base: {
        label: type,
        kind: 'value' as const,
        documentation: (inIpam ? ipamDefinition(type) : pluginDefinition(type))?.description ?? '',
      },
      newText: JSON.stringify(type),
      span,
    }));
  }
  const values = schemaAt(data, path).flatMap(({ node }) => node.enum ?? []);
  const boolean = values.includes(true);
  return (
    [...new Set(values)]
      // Booleans are offered as JSON's true and false, not as the strings the schema tolerates.
      .filter((value) => !(boolean && typeof value === 'string'))
      .filter((value) => context.stringStart === undefined || typeof value === 'string')
      .map((value) => ({ base: { label: JSON.stringify(value), kind: 'value' as const }, newText: JSON.stringify(value), span }))
  );
}

function describe(property: SchemaNode): { detail?: string; documentation?: string } {
  const target = property.$ref ? definition(property.$ref.replace('#/definitions/', '')) : undefined;
  const schema: SchemaNode = { ...target, ...property };
  const described: { detail?: string; documentation?: string } = {};
  const type = schema.enum?.includes(true) ? 'boolean' : Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type) described.detail = schema.default !== undefined ? `${type}, default ${JSON.stringify(schema.default)}` : type;
  if (schema.description) described.documentation = schema.description;
  return described;
}

/** The JSON path of the cursor: keys and indexes of the open containers (the last one being written). */
function pathOf(frames: readonly Frame[]): (string | number)[] {
  const path: (string | number)[] = [];
  for (const frame of frames) path.push(frame.type === 'array' ? frame.index : (frame.key ?? ''));
  return path;
}

/** Plain data with just what decides the schema branch: each open object's type, and plugins at the top. */
function syntheticData(frames: readonly Frame[]): unknown {
  let root: unknown;
  let parent: Record<string | number, unknown> | undefined;
  let slot: string | number | undefined;
  for (const frame of frames) {
    const value: Record<string | number, unknown> | unknown[] = frame.type === 'object' ? {} : [];
    if (frame.type === 'object') {
      for (const [key, written] of frame.values) (value as Record<string, unknown>)[key] = written ?? null;
    }
    if (parent === undefined) root = value;
    else parent[slot!] = value;
    parent = value as Record<string | number, unknown>;
    slot = frame.type === 'array' ? frame.index : frame.key;
  }
  return root;
}

/** Scans JSON (leniently) up to `offset`, keeping the open containers. Undefined inside a comment. */
function scanTo(text: string, offset: number): Context | undefined {
  const frames: Frame[] = [];
  let i = 0;
  while (i < offset) {
    const c = text[i]!;
    const top = frames[frames.length - 1];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (j >= offset) return { frames, stringStart: i };
      const value = safeJsonString(text.slice(i, j + 1));
      if (top?.type === 'object' && top.expectKey) {
        top.key = value;
        top.values.set(value ?? '', undefined);
      } else if (top?.type === 'object' && top.key !== undefined) {
        top.values.set(top.key, value);
      }
      i = j + 1;
      continue;
    }
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const end = text[i + 1] === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i);
      if (end === -1 || end >= offset) return undefined;
      i = end + 1;
      continue;
    }
    if (c === '{' || c === '[') {
      frames.push({ type: c === '{' ? 'object' : 'array', key: undefined, expectKey: c === '{', index: 0, values: new Map() });
    } else if (c === '}' || c === ']') {
      frames.pop();
    } else if (c === ':' && top?.type === 'object') {
      top.expectKey = false;
    } else if (c === ',') {
      if (top?.type === 'object') {
        top.expectKey = true;
        top.key = undefined;
      } else if (top) top.index++;
    }
    i++;
  }
  return { frames, stringStart: undefined };
}

function safeJsonString(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}
