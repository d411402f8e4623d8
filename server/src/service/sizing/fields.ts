/**
 * An estimate's inputs, declared once: the CLI's flags (`--retention`), the editor's input
 * boxes and the panel's controls are all made from these, and one parser per type says
 * what is wrong with a value in words. Every input ends with a value and its source: given
 * (a flag, a box), read from the workspace (which object), or a default (and why).
 */
import { parseQuantity } from '../kubernetes/quantity';
import { eniLimitsOf, similarInstanceTypes } from './eniLimits';
import type { EniLimits } from './eniLimits';
import { parseCount, parseDecimalNanos, parsePrometheusDuration, parsePrometheusSize } from './units';
import type { Parsed } from './units';

export type FieldType =
  'count' | 'duration' | 'size' | 'decimal' | 'cpu' | 'memory' | 'storage' | 'instance-type' | 'boolean' | 'text' | 'labels';

export interface EstimateField {
  /** kebab-case: the CLI flag without `--`, and the key of the inputs. */
  name: string;
  label: string;
  type: FieldType;
  /** The input box's prompt: what the value means, with an example. */
  prompt: string;
  /** The value when neither the user nor the workspace gives one, and why it is that. */
  fallback?: { value: string; reason: string };
  /** Absent means "not used" rather than an error. */
  optional?: boolean;
  /** For counts: the bounds. */
  min?: number;
  max?: number;
}

/** Inputs as text, by field name; an empty string is "not given". */
export type EstimateInputs = Readonly<Record<string, string | undefined>>;

export interface FieldDefault {
  value: string;
  source: string;
}

export type FieldValue = number | bigint | boolean | string | EniLimits | LabelCount[] | undefined;

export interface LabelCount {
  name: string;
  values: number;
}

export function parseFieldValue(field: EstimateField, text: string): Parsed<FieldValue> {
  switch (field.type) {
    case 'count':
      return parseCount(text, { min: field.min ?? 0, max: field.max ?? 1e12 });
    case 'duration':
      return parsePrometheusDuration(text);
    case 'size':
      return parsePrometheusSize(text);
    case 'decimal':
      return parseDecimalNanos(text, { max: field.max ?? 1e12 });
    case 'cpu':
    case 'memory':
    case 'storage':
      return parseAmount(field, text);
    case 'instance-type':
      return parseInstanceType(text);
    case 'boolean':
      return parseBoolean(text);
    case 'labels':
      return parseLabels(text);
    case 'text':
      return { ok: true, value: text.trim() };
  }
}

function parseAmount(field: EstimateField, text: string): Parsed<bigint> {
  const parsed = parseQuantity(text.trim());
  const example = field.type === 'cpu' ? '4 or 3500m' : '16Gi';
  if (!parsed.ok)
    return { ok: false, reason: `'${text}' is not a Kubernetes quantity: ${parsed.error.reason} (e.g. ${example})` };
  if (parsed.quantity.nanos < 0n) return { ok: false, reason: `'${text}' is negative` };
  if (parsed.quantity.capped) return { ok: false, reason: `'${text}' is larger than Kubernetes can hold` };
  if (field.type === 'cpu' && parsed.quantity.nanos > 100_000n * 1_000_000_000n) {
    return { ok: false, reason: `'${text}' is more than 100,000 CPUs on one node (meant ${text}m?)` };
  }
  if (field.type === 'memory' && parsed.quantity.nanos > 0n && parsed.quantity.nanos < 1_000_000n * 1_000_000_000n) {
    return { ok: false, reason: `'${text}' is less than a megabyte (meant ${text.replace(/m$/, '')}Mi?)` };
  }
  return { ok: true, value: parsed.quantity.nanos };
}

function parseInstanceType(text: string): Parsed<EniLimits> {
  const limits = eniLimitsOf(text);
  if (limits) return { ok: true, value: limits };
  const similar = similarInstanceTypes(text);
  const hint = similar.length > 0 ? `; did you mean ${similar.join(', ')}?` : '';
  return { ok: false, reason: `'${text}' is not an instance type in the AWS VPC CNI's table${hint}` };
}

function parseBoolean(text: string): Parsed<boolean> {
  const value = text.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(value)) return { ok: true, value: true };
  if (['false', 'no', 'off', '0'].includes(value)) return { ok: true, value: false };
  return { ok: false, reason: `'${text}' is not true or false` };
}

/** `method=5,status=8`: each label of one metric and how many values it takes. */
function parseLabels(text: string): Parsed<LabelCount[]> {
  const labels: LabelCount[] = [];
  for (const part of text.split(',').map((item) => item.trim())) {
    if (part === '') continue;
    const match = /^([a-zA-Z_][a-zA-Z0-9_]*)=(.*)$/.exec(part);
    if (!match) return { ok: false, reason: `'${part}' is not label=count (e.g. method=5,status=8)` };
    const values = parseCount(match[2] ?? '', { min: 1, max: 1e9 });
    if (!values.ok) return { ok: false, reason: `label ${match[1]}: ${values.reason}` };
    labels.push({ name: match[1] ?? '', values: values.value });
  }
  return { ok: true, value: labels };
}

export interface ResolvedInputs {
  values: ReadonlyMap<string, FieldValue>;
  /** Text and source of each input that has a value, for the assumptions list. */
  used: { field: EstimateField; text: string; source: string }[];
}

/**
 * Each field's text from the user, else the workspace, else its fallback; parsed. Errors
 * are per field, so an input box can show its own.
 */
export function resolveInputs(
  fields: readonly EstimateField[],
  inputs: EstimateInputs,
  defaults: Readonly<Record<string, FieldDefault>>,
  givenSource: (field: EstimateField) => string,
): { ok: true; resolved: ResolvedInputs } | { ok: false; errors: Record<string, string> } {
  const values = new Map<string, FieldValue>();
  const used: ResolvedInputs['used'] = [];
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const given = inputs[field.name];
    const fromWorkspace = defaults[field.name];
    const [text, source] =
      given !== undefined && given.trim() !== ''
        ? [given, givenSource(field)]
        : fromWorkspace
          ? [fromWorkspace.value, fromWorkspace.source]
          : field.fallback
            ? [field.fallback.value, `default: ${field.fallback.reason}`]
            : [undefined, ''];
    if (text === undefined) {
      if (!field.optional) errors[field.name] = `${field.label} is needed: ${field.prompt}`;
      continue;
    }
    const parsed = parseFieldValue(field, text);
    if (!parsed.ok) {
      errors[field.name] = `${field.label}: ${parsed.reason}`;
      continue;
    }
    values.set(field.name, parsed.value);
    used.push({ field, text, source });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, resolved: { values, used } };
}
