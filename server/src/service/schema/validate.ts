/**
 * Validates plain object data against a schema set with ajv, and turns ajv's errors into
 * one problem per field: an unknown field (with a "did you mean"), a missing required
 * field, a wrong type, a value outside an enum. The schemas use no oneOf/anyOf (see
 * scripts/schemas/validationSchemas.mjs and crdSchema.ts), so ajv's errors do not cascade;
 * a problem's target is the exact key or value to underline.
 *
 * Validators compile on first use of a kind and stay cached: a built-in kind's reachable
 * definitions only, a CRD's schema once per schema object.
 */
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { builtinDefinitions } from './builtinSchemas';
import { fieldAt } from './schemaWalk';
import type { SchemaSet } from './schemaTypes';
import { closestName } from './suggest';

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
const BUILTIN_ID = 'kubernetes';

const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, messages: false, inlineRefs: true });
let builtinsAdded = false;
const builtinValidators = new Map<string, ValidateFunction>();
const otherValidators = new WeakMap<object, ValidateFunction>();

function validatorFor(set: SchemaSet): ValidateFunction {
  if (set.definitions === builtinDefinitions()) {
    let validate = builtinValidators.get(set.key);
    if (!validate) {
      if (!builtinsAdded) {
        ajv.addSchema({ definitions: set.definitions }, BUILTIN_ID);
        builtinsAdded = true;
      }
      validate = ajv.compile({ $ref: `${BUILTIN_ID}${set.root.$ref ?? '#'}` });
      builtinValidators.set(set.key, validate);
    }
    return validate;
  }
  let validate = otherValidators.get(set.root);
  if (!validate) {
    validate = ajv.compile({ ...set.root, definitions: set.definitions });
    otherValidators.set(set.root, validate);
  }
  return validate;
}

export function validateData(set: SchemaSet, data: unknown): Violation[] {
  const validate = validatorFor(set);
  if (validate(data)) return [];
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const patch = isStrategicMergePatch(data);
  for (const error of validate.errors ?? []) {
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

function toViolation(set: SchemaSet, data: unknown, error: ErrorObject): Violation | undefined {
  const path = pathOf(data, error.instancePath);
  const value = valueAt(data, path);
  const field = fieldName(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const owner = fieldAt(set, path);
      const known = Object.keys(owner?.node.properties ?? {});
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
      const name = String(params['missingProperty']);
      const owner = fieldAt(set, path);
      const problem: Problem = { kind: 'missingField', field: name, owner: ownerName(set, owner?.definition, path) };
      if (path.length === 0) return { target: { path: ['kind'], part: 'value' }, problem };
      const last = path[path.length - 1];
      return { target: { path, part: typeof last === 'number' ? 'firstKey' : 'key' }, problem };
    }
    case 'type': {
      const expected = String(params['type']);
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
      const allowed = ((params['allowedValues'] as unknown[]) ?? []).map(String);
      const text = String(value);
      const problem: Problem = { kind: 'badEnum', field, value: text, allowed };
      const suggestion = closestName(text, allowed);
      if (suggestion) problem.suggestion = suggestion;
      return { target: { path, part: 'value' }, problem };
    }
    default:
      return undefined;
  }
}

/** ajv's JSON pointer as path segments; indexes into arrays become numbers. */
function pathOf(data: unknown, pointer: string): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
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
