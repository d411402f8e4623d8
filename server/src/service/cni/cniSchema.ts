/**
 * The CNI config schema (schemas/cni-config.schema.json, written by
 * scripts/generate-cni-schema.mjs from the spec and the reference plugins' docs), read
 * two ways: ajv validates a config's values (one problem per node), and `schemaAt` says
 * which definitions describe the value at a path (for hovers, completion and the keys a
 * reference plugin knows).
 */
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import generated from '../../../../schemas/cni-config.schema.json';

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  properties?: Readonly<Record<string, SchemaNode>>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  required?: readonly string[];
  allOf?: readonly { if?: { properties?: { type?: { const?: unknown } } }; then?: SchemaNode }[];
  if?: { required?: readonly string[] };
  then?: SchemaNode;
  else?: SchemaNode;
  'x-since'?: string;
  'x-plugin'?: { kind: 'main' | 'meta' | 'ipam'; ipam?: 'required' | 'unless-chained' | 'optional'; chained?: boolean };
}

const schema = generated as unknown as SchemaNode & { definitions: Readonly<Record<string, SchemaNode>> };

export const CNI_SCHEMA: SchemaNode & { definitions: Readonly<Record<string, SchemaNode>> } = schema;

let compiled: ValidateFunction | undefined;

/** ajv errors for a config's plain data, every one (allErrors), with the data at each (verbose). */
export function schemaErrors(data: unknown): ErrorObject[] {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
    ajv.addVocabulary(['x-since', 'x-plugin']);
    compiled = ajv.compile(schema);
  }
  compiled(data);
  return [...(compiled.errors ?? [])];
}

/** A definition by name (`plugin-bridge`, `ipam-host-local`, `range`). */
export function definition(name: string): SchemaNode | undefined {
  return schema.definitions[name];
}

/** A schema node that applies to a value, with the name of the definition it came from. */
export interface Applicable {
  node: SchemaNode;
  /** `plugin-bridge`, `range`…; undefined for an inline node. */
  definition: string | undefined;
}

function resolve(node: SchemaNode | undefined): Applicable | undefined {
  if (!node) return undefined;
  if (!node.$ref) return { node, definition: undefined };
  const name = node.$ref.replace('#/definitions/', '');
  const target = definition(name);
  if (!target) return { node, definition: undefined };
  // A $ref with siblings (a description on an ipam key): the siblings win, the target gives the rest.
  const { $ref: _ref, ...siblings } = node;
  return { node: { ...target, ...siblings }, definition: name };
}

/** The schema nodes that apply to `value`: the node, its $ref, and every if/then whose condition holds. */
function applicable(node: SchemaNode | undefined, value: unknown, depth = 0): Applicable[] {
  const resolved = resolve(node);
  if (!resolved || depth > 8) return [];
  const found = [resolved];
  const type = isObject(value) ? value.type : undefined;
  for (const branch of resolved.node.allOf ?? []) {
    const wanted = branch.if?.properties?.type?.const;
    if (wanted !== undefined && wanted === type) found.push(...applicable(branch.then, value, depth + 1));
  }
  if (resolved.node.if) {
    const holds = (resolved.node.if.required ?? []).every((key) => isObject(value) && key in value);
    found.push(...applicable(holds ? resolved.node.then : resolved.node.else, value, depth + 1));
  }
  return found;
}

/** What the schema says about the value at `path` of a config (plain data): the nodes that describe it. */
export function schemaAt(data: unknown, path: readonly (string | number)[]): Applicable[] {
  let found = applicable(schema, data);
  let value = data;
  for (const segment of path) {
    const next: SchemaNode[] = [];
    for (const { node } of found) {
      if (typeof segment === 'number') {
        if (node.items) next.push(node.items);
      } else {
        const property = node.properties?.[segment];
        if (property) next.push(property);
        else if (typeof node.additionalProperties === 'object') next.push(node.additionalProperties);
      }
    }
    value = isObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[segment] : undefined;
    found = next.flatMap((node) => applicable(node, value));
    if (found.length === 0) return [];
  }
  return found;
}

/**
 * The keys an object at `path` may have, when the schema knows them all: a reference
 * plugin, a host-local range, a route, a plugin list. Undefined for an object whose keys
 * are its own business (a third-party plugin, an unknown IPAM, sysctls, capabilities).
 */
export function knownKeysAt(data: unknown, path: readonly (string | number)[]): ReadonlySet<string> | undefined {
  const found = schemaAt(data, path);
  if (found.length === 0 || found.some(({ node }) => node.additionalProperties !== undefined)) return undefined;
  const generic = found.some(({ definition }) => definition === 'plugin' || definition === 'ipam');
  const specific = found.some(({ definition }) => definition?.startsWith('plugin-') || definition?.startsWith('ipam-'));
  if (generic && !specific) return undefined;
  const keys = new Set<string>();
  for (const { node } of found) for (const key of Object.keys(node.properties ?? {})) keys.add(key);
  return keys.size > 0 ? keys : undefined;
}

/** The definition of a reference plugin type (`bridge`), or undefined for a third-party one. */
export function pluginDefinition(type: string): SchemaNode | undefined {
  return definition(`plugin-${type}`);
}

/** The definition of a reference IPAM type (`host-local`). */
export function ipamDefinition(type: string): SchemaNode | undefined {
  return definition(`ipam-${type}`);
}

export const REFERENCE_PLUGIN_TYPES: readonly string[] = Object.keys(schema.definitions)
  .filter((name) => name.startsWith('plugin-'))
  .map((name) => name.slice('plugin-'.length));

export const REFERENCE_IPAM_TYPES: readonly string[] = Object.keys(schema.definitions)
  .filter((name) => name.startsWith('ipam-'))
  .map((name) => name.slice('ipam-'.length));

/** The capabilities the conventions list. */
export const KNOWN_CAPABILITIES: readonly string[] = Object.keys(
  definition('plugin')?.properties?.capabilities?.properties ?? {},
);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
