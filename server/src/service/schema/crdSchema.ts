/**
 * A CRD version's openAPIV3Schema (plain data from the workspace) as a schema set Kubewise
 * validates with. Structural schemas are read as the API server reads them: unknown
 * fields are rejected unless `x-kubernetes-preserve-unknown-fields`;
 * `x-kubernetes-int-or-string` takes an integer or a string; an
 * `x-kubernetes-embedded-resource` holds an object with apiVersion, kind and metadata.
 * Value validations (pattern, minimum, oneOf/anyOf, CEL rules) are not checked: they would
 * bring ajv's cascades back, and the API server reports them clearly enough.
 *
 * The input is untrusted: depth, size and enum length are bounded, `$ref` is ignored
 * (structural schemas have none), and anything of the wrong shape is read as "anything".
 */
import type { SchemaNode, SchemaSet } from './schemaTypes';

const MAX_DEPTH = 64;
const MAX_NODES = 100_000;
const MAX_ENUM = 1_000;
const MAX_DESCRIPTION = 4_000;
const TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);

export interface CrdVersionSource {
  group: string;
  kind: string;
  version: string;
  schema: unknown;
}

const cache = new WeakMap<object, SchemaSet>();

export function crdSchemaSet(source: CrdVersionSource): SchemaSet | undefined {
  if (typeof source.schema !== 'object' || source.schema === null) return undefined;
  const known = cache.get(source.schema);
  if (known) return known;
  const budget = { left: MAX_NODES };
  const root = convert(source.schema, 0, budget);
  // The API server validates metadata itself; apiVersion and kind are always allowed.
  root.properties = {
    ...root.properties,
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
  };
  const set: SchemaSet = {
    key: `${source.group}/${source.version}/${source.kind}`,
    definitions: {},
    root,
    describe: (_definition, _property, node) => node.description,
  };
  cache.set(source.schema, set);
  return set;
}

function convert(input: unknown, depth: number, budget: { left: number }): SchemaNode {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || depth > MAX_DEPTH || --budget.left < 0) return {};
  const node = input as Record<string, unknown>;
  const out: SchemaNode = {};
  if (typeof node['description'] === 'string') out.description = node['description'].slice(0, MAX_DESCRIPTION);
  if (node['x-kubernetes-int-or-string'] === true) return { ...out, type: ['integer', 'string'] };
  const type = typeof node['type'] === 'string' && TYPES.has(node['type']) ? node['type'] : undefined;
  const embedded = node['x-kubernetes-embedded-resource'] === true;
  if (type) out.type = type;
  const values = node['enum'];
  if (Array.isArray(values) && values.length <= MAX_ENUM && values.every((v) => v === null || typeof v !== 'object')) {
    out.enum = values.filter((v) => v !== null);
  }
  if (type === 'array' && node['items'] !== undefined) out.items = convert(node['items'], depth + 1, budget);
  const properties = node['properties'];
  if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) {
    out.properties = {};
    for (const [name, child] of Object.entries(properties)) {
      if (budget.left < 0) break;
      out.properties[name] = convert(child, depth + 1, budget);
    }
  }
  if (embedded) {
    out.properties = {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      ...out.properties,
    };
  }
  const required = node['required'];
  if (Array.isArray(required) && out.properties)
    out.required = required.filter((r): r is string => typeof r === 'string').slice(0, 1000);
  const additional = node['additionalProperties'];
  if (typeof additional === 'object' && additional !== null) out.additionalProperties = convert(additional, depth + 1, budget);
  else if (out.properties && additional !== true && node['x-kubernetes-preserve-unknown-fields'] !== true) {
    out.additionalProperties = false;
  }
  return out;
}
