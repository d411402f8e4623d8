/**
 * Walks a schema by an object path (`spec`, `template`, 0, `containers`…), following
 * `$ref`s: what validation messages, hovers and completion need to know about a field
 * (its schema, the type it belongs to, whether it is required there).
 */
import type { SchemaNode, SchemaSet } from './schemaTypes';

/** References chain rarely; the bound only guards against hostile cycles. */
const MAX_REF_HOPS = 16;

export interface Resolved {
  node: SchemaNode;
  /** The id of the last definition followed (`core.v1.Probe`), if any. */
  definition: string | undefined;
}

export function resolveRef(set: SchemaSet, node: SchemaNode, definition?: string): Resolved {
  let current = node;
  let id = definition;
  for (let hop = 0; hop < MAX_REF_HOPS && current.$ref; hop++) {
    const name = current.$ref.replace('#/definitions/', '');
    const next = Object.hasOwn(set.definitions, name) ? set.definitions[name] : undefined;
    if (!next) return { node: {}, definition: id };
    current = next;
    id = name;
  }
  return { node: current, definition: id };
}

export interface FieldSchema extends Resolved {
  /** The unresolved property schema (it names the type when it is a reference). */
  declared: SchemaNode;
  /** The definition that declares the field, and the field's name there. */
  parent: string | undefined;
  property: string | undefined;
  required: boolean;
}

/** The schema of one step below `parent`: an item for a number, a property or map value for a name. */
export function childOf(set: SchemaSet, parent: Resolved, segment: string | number): FieldSchema | undefined {
  const { node } = parent;
  if (typeof segment === 'number') {
    if (!node.items) return undefined;
    return {
      ...resolveRef(set, node.items),
      declared: node.items,
      parent: parent.definition,
      property: undefined,
      required: false,
    };
  }
  const property = node.properties && Object.hasOwn(node.properties, segment) ? node.properties[segment] : undefined;
  if (property) {
    return {
      ...resolveRef(set, property),
      declared: property,
      parent: parent.definition,
      property: segment,
      required: node.required?.includes(segment) ?? false,
    };
  }
  if (typeof node.additionalProperties === 'object') {
    const value = node.additionalProperties;
    return { ...resolveRef(set, value), declared: value, parent: parent.definition, property: undefined, required: false };
  }
  return undefined;
}

/** The field at `path` from the object's root; undefined where the schema says nothing. */
export function fieldAt(set: SchemaSet, path: readonly (string | number)[]): FieldSchema | undefined {
  let current: FieldSchema = {
    ...resolveRef(set, set.root),
    declared: set.root,
    parent: undefined,
    property: undefined,
    required: true,
  };
  for (const segment of path) {
    const next = childOf(set, current, segment);
    if (!next) return undefined;
    current = next;
  }
  return current;
}

/** The type as `kubectl explain` writes it: `<Probe>`, `<[]Container>`, `<map[string]string>`, `<integer>`. */
export function typeName(set: SchemaSet, declared: SchemaNode, depth = 0): string {
  if (depth > 4) return 'Object';
  if (declared.$ref) {
    const id = declared.$ref.replace('#/definitions/', '');
    const short = id.split('.').pop() ?? id;
    const target = resolveRef(set, declared).node;
    if (short === 'Time' || short === 'MicroTime') return 'string';
    if (target.type && typeof target.type === 'string' && target.type !== 'object') return typeName(set, target, depth + 1);
    return short;
  }
  if (Array.isArray(declared.type))
    return declared.type.join(' or ') === 'integer or string' ? 'IntOrString' : declared.type.join(' or ');
  if (declared.type === 'array') return `[]${declared.items ? typeName(set, declared.items, depth + 1) : 'Object'}`;
  if (declared.type === 'object' && typeof declared.additionalProperties === 'object' && !declared.properties) {
    return `map[string]${typeName(set, declared.additionalProperties, depth + 1)}`;
  }
  if (declared.type === 'object') return 'Object';
  return declared.type ?? 'Object';
}
