/**
 * Replaces a quantity value, keeping how it was written: a quoted value stays quoted
 * in the same quotes; a plain one stays plain unless YAML would read the new text as
 * something other than a string or number (it never does for a valid quantity, but
 * the check keeps the fix honest).
 */
import { Scalar, isScalar } from 'yaml';
import type { OffsetEdit } from '../ruleTypes';
import { replaceScalar } from './replaceScalar';

export function replaceQuantity(text: string, node: unknown, quantity: string): OffsetEdit | undefined {
  if (!isScalar(node)) return undefined;
  if (node.type === Scalar.QUOTE_DOUBLE) return replaceScalar(text, node, `"${quantity}"`);
  if (node.type === Scalar.QUOTE_SINGLE) return replaceScalar(text, node, `'${quantity}'`);
  const plainSafe = /^[+-]?(\d+\.?\d*|\.\d+)([a-zA-Z]+|[eE][+-]?\d+)?$/.test(quantity);
  // A bare number after a quoted key is JSON (or JSON-style YAML): a suffix there needs quotes.
  const jsonNumber = /"\s*:\s*$/.test(text.slice(Math.max(0, (node.range?.[0] ?? 0) - 200), node.range?.[0] ?? 0));
  const numeric = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(quantity);
  return replaceScalar(text, node, plainSafe && (numeric || !jsonNumber) ? quantity : `"${quantity}"`);
}
