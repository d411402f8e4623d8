/**
 * What the quantity rules share (invalid-quantity, cpu-unit-slip, memory-unit-slip,
 * memory-decimal-suffix): each quantity field read the way the API server reads it,
 * which fields size one pod or container, and a fix that rewrites a value.
 */
import { Scalar, isScalar } from 'yaml';
import { getString } from '../../document/yamlNodes';
import type { KubeObject } from '../../kubernetes/objects';
import { NANOS_PER_UNIT, parseQuantity } from '../../kubernetes/quantity';
import type { Quantity, QuantityParse } from '../../kubernetes/quantity';
import { quantityFieldsOf } from '../../kubernetes/quantityFields';
import type { QuantityField } from '../../kubernetes/quantityFields';
import { replaceQuantity } from '../api/fixes/replaceQuantity';
import { replaceScalar } from '../api/fixes/replaceScalar';
import type { OffsetFix, RuleContext } from '../api/ruleTypes';

export interface ReadField {
  field: QuantityField;
  /** The text the API server parses. */
  text: string;
  parse: QuantityParse;
}

export interface ParsedField {
  field: QuantityField;
  text: string;
  quantity: Quantity;
}

/**
 * Every quantity field that holds a string or a number, parsed. The API server trims
 * surrounding whitespace before parsing (Quantity.UnmarshalJSON), so `" 500m"` is valid.
 */
export function readQuantityFields(object: KubeObject): ReadField[] {
  const read: ReadField[] = [];
  for (const field of quantityFieldsOf(object)) {
    if (typeof field.text !== 'string') continue;
    const text = field.text.trim();
    read.push({ field, text, parse: parseQuantity(text) });
  }
  return read;
}

/**
 * The fields whose value parses and is kept exactly as written: the ones invalid-quantity
 * does not report, so the slip rules never report the same value twice.
 */
export function exactQuantities(object: KubeObject): ParsedField[] {
  const parsed: ParsedField[] = [];
  for (const { field, text, parse } of readQuantityFields(object)) {
    if (!parse.ok || parse.quantity.roundedUp || parse.quantity.capped) continue;
    parsed.push({ field, text, quantity: parse.quantity });
  }
  return parsed;
}

/**
 * Amounts for one pod or container: container requests and limits, pod-level resources
 * and overhead, RuntimeClass overhead, and LimitRange values (which become container
 * defaults or bound them). Namespace sums (ResourceQuota) and storage are not: a quota of
 * 200 CPUs is ordinary.
 */
export function sizesOnePod(object: KubeObject, field: QuantityField): boolean {
  if (field.podSpec) return true;
  const kind = object.ref.kind;
  return (kind === 'RuntimeClass' && field.path[0] === 'overhead') || (kind === 'LimitRange' && field.path[1] === 'limits');
}

/** The LimitRange section a field is in (`max`, `min`, `default`…), if any. */
export function limitRangeSection(object: KubeObject, field: QuantityField): string | undefined {
  return object.ref.kind === 'LimitRange' && field.path[1] === 'limits' ? field.path[3] : undefined;
}

/** The name of the container a field belongs to, for the finding's `container`. */
export function containerOf(object: KubeObject, field: QuantityField): { container?: string } {
  const name = field.container && getString(object.doc, field.container, 'name');
  return name === undefined ? {} : { container: name };
}

/** Rewrites the value of a field, keeping its quotes; undefined when that is not safe. */
export function changeTo(
  context: RuleContext,
  field: QuantityField,
  quantity: string,
  options: { title?: string; changesMeaning?: boolean } = {},
): OffsetFix | undefined {
  const edit = jsonStyle(field)
    ? replaceScalar(context.text, field.value, `"${quantity}"`)
    : replaceQuantity(context.text, field.value, quantity);
  if (!edit) return undefined;
  const fix: OffsetFix = { title: options.title ?? `Change to ${quantity}`, edits: [edit] };
  if (options.changesMeaning) fix.fixAll = false;
  return fix;
}

/**
 * A plain value under a double-quoted key is a JSON number (`"cpu": 500`): `500m` would
 * still be YAML but no longer JSON, so the new value is written as a JSON string.
 */
function jsonStyle(field: QuantityField): boolean {
  const { key, value } = field.pair;
  return isScalar(key) && key.type === Scalar.QUOTE_DOUBLE && isScalar(value) && value.type === Scalar.PLAIN;
}

/** The fixes that could be built, in order. */
export function someFixes(...fixes: (OffsetFix | undefined)[]): OffsetFix[] {
  return fixes.filter((fix): fix is OffsetFix => fix !== undefined);
}

/** A nano-unit count in its shortest exact spelling: 2n, 1500u, 1m, 250m, 3, 1500. */
export function shortestDecimal(nanos: bigint): string {
  const sign = nanos < 0n ? '-' : '';
  const magnitude = nanos < 0n ? -nanos : nanos;
  if (magnitude === 0n) return '0';
  if (magnitude % NANOS_PER_UNIT === 0n) return `${sign}${magnitude / NANOS_PER_UNIT}`;
  if (magnitude % 1_000_000n === 0n) return `${sign}${magnitude / 1_000_000n}m`;
  if (magnitude % 1_000n === 0n) return `${sign}${magnitude / 1_000n}u`;
  return `${sign}${magnitude}n`;
}

/** Whole millicores, rounded up as the scheduler and kubelet do (Quantity.MilliValue). */
export function ceilMillicores(nanos: bigint): bigint {
  return (nanos + 999_999n) / 1_000_000n;
}

/** Below this, no container runtime can start a process: a memory amount this small is a slip. */
export const MEBIBYTE_NANOS = 2n ** 20n * NANOS_PER_UNIT;

/**
 * What memory-unit-slip reports about a memory or storage amount: the milli suffix (`512m`
 * is 0.512 bytes) anywhere, or, for one pod or container, less than 1 MiB of memory.
 * memory-decimal-suffix skips these so a value gets one finding, the more useful one.
 */
export function memorySlip(object: KubeObject, { field, quantity }: ParsedField): 'milli' | 'tooSmall' | undefined {
  if ((field.resource !== 'memory' && field.resource !== 'storage') || quantity.nanos <= 0n) return undefined;
  if (quantity.suffix === 'm') return 'milli';
  if (field.key === 'memory' && quantity.nanos < MEBIBYTE_NANOS && sizesOnePod(object, field)) return 'tooSmall';
  return undefined;
}
