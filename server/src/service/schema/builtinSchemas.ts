/**
 * The built-in kinds' schemas (schemas/kubernetes-schemas.json) and field descriptions
 * (schemas/kubernetes-descriptions.json), generated from the official OpenAPI. Both load
 * on first use, not at start-up: the descriptions only for the first hover or completion.
 */
import type { SchemaNode, SchemaSet } from './schemaTypes';

interface GeneratedSchemas {
  source: string;
  /** `apiVersion/kind` → definition id. */
  kinds: Record<string, string>;
  definitions: Record<string, SchemaNode>;
}

type Descriptions = Record<string, Record<string, string>>;

let schemas: GeneratedSchemas | undefined;
let descriptions: Descriptions | undefined;
const sets = new Map<string, SchemaSet | null>();

function loadSchemas(): GeneratedSchemas {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  schemas ??= require('../../../../schemas/kubernetes-schemas.json') as GeneratedSchemas;
  return schemas;
}

function loadDescriptions(): Descriptions {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  descriptions ??= (require('../../../../schemas/kubernetes-descriptions.json') as { descriptions: Descriptions }).descriptions;
  return descriptions;
}

/** Every built-in `apiVersion/kind` with a schema. */
export function builtinKindKeys(): readonly string[] {
  return Object.keys(loadSchemas().kinds);
}

export function builtinDefinitions(): Readonly<Record<string, SchemaNode>> {
  return loadSchemas().definitions;
}

/** The schema of a built-in kind; undefined for kinds the OpenAPI does not define. */
export function builtinSchema(apiVersion: string, kind: string): SchemaSet | undefined {
  const key = `${apiVersion}/${kind}`;
  const known = sets.get(key);
  if (known !== undefined) return known ?? undefined;
  const generated = loadSchemas();
  const definition = Object.hasOwn(generated.kinds, key) ? generated.kinds[key] : undefined;
  const set: SchemaSet | null = definition
    ? {
        key,
        definitions: generated.definitions,
        root: { $ref: `#/definitions/${definition}` },
        describe: (id, property) => (id ? describeBuiltin(id, property) : undefined),
        referenceUrl: referenceUrlOf(apiVersion, kind),
      }
    : null;
  sets.set(key, set);
  return set ?? undefined;
}

export function describeBuiltin(definition: string, property: string | undefined): string | undefined {
  const texts = loadDescriptions();
  const own = Object.hasOwn(texts, definition) ? texts[definition] : undefined;
  const key = property ?? '';
  return own && Object.hasOwn(own, key) ? own[key] : undefined;
}

/** The kind's page in the Kubernetes API reference (v1.36), as `kubectl explain` points to the docs. */
function referenceUrlOf(apiVersion: string, kind: string): string {
  const version = apiVersion.split('/').pop() ?? apiVersion;
  return `https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#${kind.toLowerCase()}-${version}-${groupAnchor(apiVersion)}`;
}

function groupAnchor(apiVersion: string): string {
  const group = apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : 'core';
  return group.split('.')[0] ?? group;
}
