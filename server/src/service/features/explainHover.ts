/**
 * Hover on a key: the `kubectl explain` view of that field. Its path, its type, whether it
 * is required, its description from the official OpenAPI, and a link to the kind's API
 * reference; for a custom resource, from the CustomResourceDefinition's schema.
 */
import { rangeOf } from '../document/yamlNodes';
import { builtinSchema } from '../schema/builtinSchemas';
import { fieldAt, typeName } from '../schema/schemaWalk';
import type { SchemaSet } from '../schema/schemaTypes';
import type { Position } from '../core/types';
import type { HoverResult } from './hoverResult';
import { documentAt } from './documentAt';
import { fieldPathText, keyAt } from './fieldPath';

/** Finds the schema of a kind the workspace defines (CRDs), for hosts that know them. */
export type CustomSchemas = (apiVersion: string, kind: string) => SchemaSet | undefined;

/** Long descriptions (PodSpec's, some CRDs') are cut at a paragraph near this length. */
const MAX_DESCRIPTION = 1_500;

export function hoverForField(
  text: string,
  languageId: 'yaml' | 'json',
  position: Position,
  customSchemas?: CustomSchemas,
): HoverResult | undefined {
  const at = documentAt(text, languageId, position);
  if (!at) return undefined;
  const found = keyAt(at.parsed.doc, at.offset);
  if (!found) return undefined;
  const { apiVersion, kind } = found.object.ref;
  const set = builtinSchema(apiVersion, kind) ?? customSchemas?.(apiVersion, kind);
  if (!set) return undefined;
  const field = fieldAt(set, found.path);
  if (!field) return undefined;
  const description =
    set.describe(field.parent, field.property, field.declared) ?? set.describe(field.definition, undefined, field.node) ?? '';
  const lines = [
    `**${fieldPathText(found.path)}** \`<${typeName(set, field.declared)}>\`${field.required ? ' · **required**' : ''}`,
    '',
    `${kind} · ${apiVersion}`,
  ];
  if (field.node.enum && field.node.enum.length > 0)
    lines.push('', `One of: ${field.node.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  if (description) lines.push('', shorten(description));
  if (set.referenceUrl) lines.push('', `[API reference: ${kind}](${set.referenceUrl})`);
  const [start, end] = rangeOf(found.key) ?? [at.offset, at.offset];
  return { markdown: lines.join('\n'), range: at.toRange(start, end) };
}

function shorten(description: string): string {
  if (description.length <= MAX_DESCRIPTION) return description;
  const cut = description.lastIndexOf('\n', MAX_DESCRIPTION);
  return `${description.slice(0, cut > MAX_DESCRIPTION / 2 ? cut : MAX_DESCRIPTION).trimEnd()} …`;
}
