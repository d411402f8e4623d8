/**
 * The `path`s (and the `from`s of `move` and `copy`) of a JSON 6902 patch (a list of
 * `op`/`path`/`value`), walked through the schema of the built-in kind the patch targets:
 * the first segment that is no field of the object there. Kustomize applies such a patch without complaint when the op is
 * `add` (it creates the misspelt field, which the API server then drops or rejects), and
 * fails the build for `replace` and `remove`; either way the change is not made.
 *
 * Paths are JSON Pointers (RFC 6901): `~1` is `/` and `~0` is `~` inside a segment.
 * Array items are numbers or `-` (the end); map-typed fields (labels, annotations, a
 * ConfigMap's data) take any key. Where the schema says nothing (free-form objects,
 * custom kinds) nothing is said.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Scalar } from 'yaml';
import type { PatchTarget } from '../../kustomize/kustomization';
import { builtinKindKeys, builtinSchema } from '../../schema/builtinSchemas';
import { childOf, resolveRef } from '../../schema/schemaWalk';
import type { Resolved } from '../../schema/schemaWalk';
import { closestName } from '../../schema/suggest';
import type { SchemaSet } from '../../schema/schemaTypes';
import { findPair, resolveNode } from '../../document/yamlNodes';
import { embeddedText } from '../api/embeddedText';
import type { OffsetEdit, OffsetRange } from '../api/ruleTypes';

export interface UnknownPatchPath {
  /** The path up to and including the segment that is no field (`/spec/replica`). */
  path: string;
  /** A field name where a list wants an index (`/spec/template/spec/containers/web`). */
  notIndex: boolean;
  /** The type the segment should be a field of (`DeploymentSpec`). */
  type: string;
  suggestion: string | undefined;
  /** Offsets of the segment in the patch text, and the edit that writes the suggestion there. */
  at: OffsetRange;
  fix: OffsetEdit | undefined;
}

/** The schemas a target's kind may have: one, or every built-in version when the target names none. */
export function targetSchemas(target: PatchTarget | undefined): SchemaSet[] {
  if (!target?.kind) return [];
  if (target.version !== undefined) {
    const apiVersion = target.group ? `${target.group}/${target.version}` : target.version;
    const set = builtinSchema(apiVersion, target.kind);
    return set ? [set] : [];
  }
  const sets: SchemaSet[] = [];
  for (const key of builtinKindKeys()) {
    const slash = key.lastIndexOf('/');
    if (key.slice(slash + 1) !== target.kind) continue;
    const apiVersion = key.slice(0, slash);
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    if (target.group !== undefined && target.group !== group) continue;
    const set = builtinSchema(apiVersion, target.kind);
    if (set) sets.push(set);
  }
  return sets;
}

/** The unknown paths of a JSON 6902 patch's text, judged by every schema (a path unknown in one version only is not reported). */
export function unknownPatchPaths(text: string, schemas: readonly SchemaSet[]): UnknownPatchPath[] {
  if (schemas.length === 0) return [];
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  } catch {
    return [];
  }
  if (doc.errors.length > 0) return [];
  const root = resolveNode(doc, doc.contents);
  if (!isSeq(root)) return [];
  const found: UnknownPatchPath[] = [];
  for (const item of root.items) {
    const operation = resolveNode(doc, item);
    if (!isMap(operation)) continue;
    // `move` and `copy` read a field too: a misspelt `from` fails the build like a misspelt `path`.
    for (const key of ['from', 'path']) {
      const pathNode = resolveNode(doc, findPair(doc, operation, key)?.value);
      if (!isScalar(pathNode) || typeof pathNode.value !== 'string') continue;
      const problems = schemas.map((schema) => firstUnknown(schema, pathNode.value as string));
      const first = problems[0];
      if (!first || problems.some((problem) => problem === undefined || problem.index !== first.index)) continue;
      const located = locate(pathNode, text, first);
      if (located) found.push(located);
    }
  }
  return found;
}

interface Unknown {
  /** Index of the segment; its start and end in the pointer string. */
  index: number;
  start: number;
  end: number;
  segment: string;
  type: string;
  candidates: string[];
  notIndex: boolean;
}

/** The first segment of a pointer that the schema has no field for; undefined when all are, or the schema says nothing. */
function firstUnknown(schema: SchemaSet, pointer: string): Unknown | undefined {
  if (!pointer.startsWith('/')) return undefined;
  let current: Resolved = resolveRef(schema, schema.root);
  let offset = 1;
  const raw = pointer.slice(1).split('/');
  for (let index = 0; index < raw.length; index++) {
    const written = raw[index]!;
    const start = offset;
    offset += written.length + 1;
    const segment = written.replace(/~1/g, '/').replace(/~0/g, '~');
    const { node } = current;
    if (node.items) {
      // JSON 6902 reaches list items by number or '-' (the end): kustomize fails the build on a name.
      if (!/^(\d+|-)$/.test(segment)) {
        const list = raw[index - 1]?.replace(/~1/g, '/').replace(/~0/g, '~') ?? 'the list';
        return { index, start, end: start + written.length, segment, type: list, candidates: [], notIndex: true };
      }
      const item = childOf(schema, current, 0);
      if (!item) return undefined;
      current = item;
      continue;
    }
    if (!node.properties) return undefined; // free-form, a map without named fields, or a scalar: nothing to say
    const next = childOf(schema, current, segment);
    if (next) {
      current = next;
      continue;
    }
    if (node.additionalProperties !== undefined && node.additionalProperties !== false) return undefined;
    const type = current.definition?.split('.').pop() ?? 'the object';
    return {
      index,
      start,
      end: start + written.length,
      segment,
      type,
      candidates: Object.keys(node.properties),
      notIndex: false,
    };
  }
  return undefined;
}

function locate(pathNode: Scalar, text: string, unknown: Unknown): UnknownPatchPath | undefined {
  const pointer = pathNode.value as string;
  const embedded = embeddedText(pathNode, text);
  const suggestion = closestName(unknown.segment, unknown.candidates);
  const at: OffsetRange = embedded
    ? embedded.toDocument(unknown.start, unknown.end)
    : ((pathNode.range?.slice(0, 2) as OffsetRange | undefined) ?? [0, 0]);
  const escaped = suggestion?.replace(/~/g, '~0').replace(/\//g, '~1');
  return {
    path: pointer.slice(0, unknown.end),
    notIndex: unknown.notIndex,
    type: unknown.type,
    suggestion,
    at,
    fix: embedded && escaped !== undefined ? embedded.edit(unknown.start, unknown.end, escaped) : undefined,
  };
}
