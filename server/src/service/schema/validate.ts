/**
 * Validates plain object data against a schema set and turns what fails into one problem
 * per field: an unknown field (with a "did you mean"), a missing required field, a wrong
 * type, a value outside an enum. The schemas use no oneOf/anyOf (see
 * scripts/schemas/validationSchemas.mjs and crdSchema.ts), so problems do not cascade; a
 * problem's target is the exact key or value to underline.
 *
 * The schemas are JSON Schema, and ajv validates them the same way (test/unit/
 * schemaValidation.test.ts compares the two on every fixture); the walk below is what
 * runs, because it needs no compile step: see `walk`.
 */
import { builtinDefinitions } from './builtinSchemas';
import { fieldAt, resolveRef } from './schemaWalk';
import type { SchemaNode, SchemaSet } from './schemaTypes';
import { closestName } from './suggest';
import { looksLikePlaceholder } from '../kubernetes/placeholders';

export type Problem =
  | { kind: 'unknownField'; field: string; owner: string; suggestion?: string; siblings?: string[] }
  | { kind: 'missingField'; field: string; owner: string }
  | { kind: 'wrongType'; field: string; expected: string; actual: string; intOrString: boolean }
  | { kind: 'badEnum'; field: string; value: string; allowed: string[]; suggestion?: string };

export type ObjectPath = readonly (string | number)[];

export interface Violation {
  /** Where to point: the key of the field at `path`, its value, or (for a list item) its first key. */
  target: { path: ObjectPath; part: 'key' | 'value' | 'firstKey' };
  problem: Problem;
}

/** An object this wrong says so in its first hundred problems. */
const MAX_VIOLATIONS = 100;
/** Deeper than any real object; the bound only guards against hostile data and schemas. */
const MAX_DEPTH = 200;

/** What the walk finds, in ajv's vocabulary (keyword and params), before it becomes a problem. */
interface RawError {
  path: (string | number)[];
  keyword: 'type' | 'enum' | 'required' | 'additionalProperties';
  param: string;
  allowed?: unknown[];
}

export function validateData(set: SchemaSet, data: unknown): Violation[] {
  const errors: RawError[] = [];
  walk(set, set.root, data, [], errors, 0);
  if (errors.length === 0) return [];
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const patch = isStrategicMergePatch(data);
  for (const error of errors) {
    // A placeholder an installer fills in (`$ADMISSION_CONTROLLERS_ENABLED`, `{{ .Values.x }}`)
    // has its type only once filled in: its value is not judged.
    if ((error.keyword === 'type' || error.keyword === 'enum') && placeholderAt(data, error.path)) continue;
    const violation = toViolation(set, data, error);
    if (!violation || notAField(violation) || (patch && violation.problem.kind === 'missingField')) continue;
    const id = `${JSON.stringify(violation.target.path)} ${violation.target.part}`;
    if (seen.has(id)) continue;
    seen.add(id);
    violations.push(violation);
    if (violations.length >= MAX_VIOLATIONS) break;
  }
  return withoutEchoes(violations);
}

/**
 * The schema subset's semantics, as ajv applies them (type, enum, required, properties,
 * additionalProperties, items, $ref), walked directly over the data: no code is
 * generated, so the first object of a kind costs no compile (ajv took about a second
 * for a Deployment's schema, see bench/cold-start.mjs), and a hostile CRD schema is only
 * ever read, never compiled.
 */
function walk(
  set: SchemaSet,
  declared: SchemaNode,
  data: unknown,
  path: (string | number)[],
  errors: RawError[],
  depth: number,
): void {
  if (depth > MAX_DEPTH || errors.length > MAX_VIOLATIONS * 2) return;
  const schema = resolveRef(set, declared).node;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => hasType(data, type))) {
      errors.push({ path, keyword: 'type', param: types.join(',') });
      return;
    }
  }
  if (schema.enum && !schema.enum.some((value) => value === data)) {
    errors.push({ path, keyword: 'enum', param: String(data), allowed: schema.enum });
    return;
  }
  if (Array.isArray(data)) {
    if (schema.items) data.forEach((item, index) => walk(set, schema.items!, item, [...path, index], errors, depth + 1));
    return;
  }
  if (typeof data !== 'object' || data === null) return;
  const object = data as Record<string, unknown>;
  for (const name of schema.required ?? []) {
    if (!Object.hasOwn(object, name)) errors.push({ path, keyword: 'required', param: name });
  }
  for (const [name, value] of Object.entries(object)) {
    const property = schema.properties && Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
    if (property) walk(set, property, value, [...path, name], errors, depth + 1);
    else if (typeof schema.additionalProperties === 'object')
      walk(set, schema.additionalProperties, value, [...path, name], errors, depth + 1);
    else if (schema.additionalProperties === false) errors.push({ path, keyword: 'additionalProperties', param: name });
  }
}

function hasType(data: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof data === 'number' && Number.isInteger(data);
    case 'number':
      return typeof data === 'number' && Number.isFinite(data);
    case 'string':
      return typeof data === 'string';
    case 'boolean':
      return typeof data === 'boolean';
    case 'array':
      return Array.isArray(data);
    case 'object':
      return typeof data === 'object' && data !== null && !Array.isArray(data);
    default:
      return true;
  }
}

/**
 * Keys that are not fields but are meant to be there: strategic-merge-patch directives
 * (`$patch: delete`, `$setElementOrder/…`, `$retainKeys`), and the `sops` metadata an
 * encrypted manifest carries until SOPS decrypts it (as Flux does before applying).
 */
function notAField({ target, problem }: Violation): boolean {
  if (problem.kind !== 'unknownField') return false;
  return problem.field.startsWith('$') || (problem.field === 'sops' && target.path.length === 1);
}

/** A kustomize or kubectl patch (it uses a `$` directive somewhere) leaves required fields to its target. */
function isStrategicMergePatch(data: unknown, depth = 0): boolean {
  if (depth > 64 || typeof data !== 'object' || data === null) return false;
  if (Array.isArray(data)) return data.some((item) => isStrategicMergePatch(item, depth + 1));
  return Object.entries(data).some(([key, value]) => key.startsWith('$') || isStrategicMergePatch(value, depth + 1));
}

/**
 * A misspelt required field is one problem, not two: `contianers` is reported as unknown
 * with "did you mean 'containers'", and the missing `containers` it explains is not.
 */
function withoutEchoes(violations: Violation[]): Violation[] {
  const explained = new Set<string>();
  for (const { target, problem } of violations) {
    if (problem.kind === 'unknownField' && problem.suggestion) {
      explained.add(`${JSON.stringify(target.path.slice(0, -1))} ${problem.suggestion}`);
    }
  }
  return violations.filter(
    ({ target, problem }) =>
      problem.kind !== 'missingField' ||
      !explained.has(
        `${JSON.stringify(target.path[0] === 'kind' && target.part === 'value' ? [] : target.path)} ${problem.field}`,
      ),
  );
}

function toViolation(set: SchemaSet, data: unknown, error: RawError): Violation | undefined {
  const path = error.path;
  const value = valueAt(data, path);
  const field = fieldName(path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = error.param;
      const owner = fieldAt(set, path);
      // A field the object already sets is no "did you mean": renaming to it would write the key twice.
      const present = typeof value === 'object' && value !== null ? new Set(Object.keys(value)) : new Set<string>();
      const known = Object.keys(owner?.node.properties ?? {}).filter((key) => !present.has(key));
      const suggestion = closestName(name, known);
      const problem: Problem = { kind: 'unknownField', field: name, owner: ownerName(set, owner?.definition, path) };
      if (suggestion) problem.suggestion = suggestion;
      else {
        const siblings = siblingsWith(owner?.definition, name);
        if (siblings.length > 0) problem.siblings = siblings;
      }
      return { target: { path: [...path, name], part: 'key' }, problem };
    }
    case 'required': {
      const name = error.param;
      const owner = fieldAt(set, path);
      const problem: Problem = { kind: 'missingField', field: name, owner: ownerName(set, owner?.definition, path) };
      if (path.length === 0) return { target: { path: ['kind'], part: 'value' }, problem };
      const last = path[path.length - 1];
      return { target: { path, part: typeof last === 'number' ? 'firstKey' : 'key' }, problem };
    }
    case 'type': {
      const expected = error.param;
      return {
        target: { path, part: 'value' },
        problem: {
          kind: 'wrongType',
          field,
          expected: describeType(expected),
          actual: describeValue(value),
          intOrString: expected === 'integer,string',
        },
      };
    }
    case 'enum': {
      const allowed = (error.allowed ?? []).map(String);
      const text = String(value);
      const problem: Problem = { kind: 'badEnum', field, value: text, allowed };
      const suggestion = closestName(text, allowed);
      if (suggestion) problem.suggestion = suggestion;
      return { target: { path, part: 'value' }, problem };
    }
  }
}

function valueAt(data: unknown, path: ObjectPath): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** `containers[]` for a list item, the key otherwise. */
function fieldName(path: ObjectPath): string {
  const last = path[path.length - 1];
  if (typeof last === 'string') return last;
  const named = [...path].reverse().find((segment) => typeof segment === 'string');
  return named === undefined ? 'the object' : `${named}[]`;
}

/** `DaemonSetSpec` for a definition, or the field path when the schema is anonymous (CRDs). */
function ownerName(set: SchemaSet, definition: string | undefined, path: ObjectPath): string {
  if (definition) return definition.split('.').pop() ?? definition;
  const kind = set.key.split('/').pop() ?? set.key;
  const named = path.map((segment) => (typeof segment === 'number' ? '[]' : `.${segment}`)).join('');
  return named === '' ? kind : `${kind}${named}`;
}

/**
 * Types of the same API package with the same role that do have the field: `replicas` is
 * not a DaemonSetSpec field but a DeploymentSpec, ReplicaSetSpec and StatefulSetSpec one.
 */
function siblingsWith(definition: string | undefined, field: string): string[] {
  if (!definition) return [];
  const definitions = builtinDefinitions();
  if (!Object.hasOwn(definitions, definition)) return [];
  const dot = definition.lastIndexOf('.');
  const pkg = definition.slice(0, dot + 1);
  const role = /[A-Z][a-z]*$/.exec(definition.slice(dot + 1))?.[0];
  if (!role) return [];
  return Object.entries(definitions)
    .filter(([id]) => id !== definition && id.startsWith(pkg) && id.endsWith(role) && !id.slice(pkg.length).includes('.'))
    .filter(([, node]) => node.properties !== undefined && Object.hasOwn(node.properties, field))
    .map(([id]) => id.slice(pkg.length))
    .sort()
    .slice(0, 4);
}

function describeType(type: string): string {
  const names: Record<string, string> = {
    integer: 'an integer',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    object: 'a map',
    array: 'a list',
    'integer,string': 'an integer or a string',
  };
  return names[type] ?? type;
}

export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string '${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the fraction ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a map';
  return 'nothing';
}

function placeholderAt(data: unknown, path: ObjectPath): boolean {
  const value = valueAt(data, path);
  return typeof value === 'string' && looksLikePlaceholder(value);
}
