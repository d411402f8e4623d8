/**
 * Replaces the text of one scalar value, keeping everything around it (the key, a
 * trailing comment, the line ending). Only plain scalars and single-line quoted ones are
 * replaced: a block scalar owns the lines below it, and rewriting one safely depends on
 * layout we would have to guess. An anchored scalar is left alone too: its aliases
 * elsewhere would change with it.
 */
import { isScalar, parse, Scalar } from 'yaml';
import type { OffsetEdit } from '../ruleTypes';

export function replaceScalar(text: string, node: unknown, replacement: string): OffsetEdit | undefined {
  if (!isScalar(node) || !node.range || node.anchor) return undefined;
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) return undefined;
  const [start, end] = node.range;
  if (text.slice(start, end).includes('\n')) return undefined;
  return { start, end, text: replacement };
}

/**
 * Replaces a scalar with a string in the style of the value it replaces: quotes kept
 * (JSON needs them), and quotes added where YAML would read the new text as another type.
 */
export function replaceWithString(text: string, node: unknown, replacement: string): OffsetEdit | undefined {
  if (!isScalar(node)) return undefined;
  const written =
    node.type === Scalar.QUOTE_SINGLE
      ? `'${replacement.replace(/'/g, "''")}'`
      : node.type === Scalar.QUOTE_DOUBLE || parse(replacement) !== replacement
        ? JSON.stringify(replacement)
        : replacement;
  return replaceScalar(text, node, written);
}
