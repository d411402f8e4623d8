/** A replacement written in the same quotes as the scalar it replaces (JSON keys, quoted YAML). */
import { isScalar, Scalar } from 'yaml';

export function quotedLike(node: unknown, text: string): string {
  if (!isScalar(node)) return text;
  if (node.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(text);
  if (node.type === Scalar.QUOTE_SINGLE) return `'${text.replace(/'/g, "''")}'`;
  return text;
}
