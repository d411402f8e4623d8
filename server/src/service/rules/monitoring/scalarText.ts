/**
 * Where the characters of a string scalar's value sit in the source, for findings on
 * exact characters inside a string (a PromQL syntax error, a flag's value). Handled
 * exactly: plain and quoted scalars on one line without escapes, and literal block
 * scalars (`|`, `|-`, `|+`), whose lines are the value's lines after the indentation.
 * Anything else (folded blocks, escapes, strings over several lines) maps to the whole
 * scalar: never a wrong character, at worst a wider range.
 *
 * Interim: issue 11 brings a shared decoded-string-with-offset-map helper
 * (rules/api/embeddedText.ts); this one should give way to it.
 */
import { isScalar, Scalar } from 'yaml';

export interface ScalarText {
  value: string;
  /** Source offsets `[start, end)` of value characters `[from, to)`. */
  locate(from: number, to: number): [number, number];
}

export function scalarText(text: string, node: unknown): ScalarText | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const value = node.value;
  const [start, end] = node.range;
  const whole = (): [number, number] => [start, end];
  const source = text.slice(start, end);
  if (node.type === Scalar.PLAIN && !source.includes('\n') && source === value) {
    return { value, locate: (from, to) => [start + from, start + to] };
  }
  if ((node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) && source.slice(1, -1) === value) {
    return { value, locate: (from, to) => [start + 1 + from, start + 1 + to] };
  }
  if (node.type === Scalar.BLOCK_LITERAL) {
    const starts = literalLineStarts(text, start, end, value);
    if (starts) {
      const at = (index: number): number => {
        let line = 0;
        while (line + 1 < starts.length && (starts[line + 1] as [number, number])[0] <= index) line++;
        const [valueStart, sourceStart] = starts[line] as [number, number];
        return sourceStart + index - valueStart;
      };
      return { value, locate: (from, to) => [at(from), to > from ? at(to - 1) + 1 : at(from)] };
    }
  }
  return { value, locate: whole };
}

/** For each line of a literal block's value: [offset in the value, offset in the source]. */
function literalLineStarts(text: string, start: number, end: number, value: string): [number, number][] | undefined {
  const header = text.indexOf('\n', start);
  if (header === -1 || header >= end) return undefined;
  const body = text.slice(header + 1, end).split('\n');
  const first = body.find((line) => line.trim() !== '');
  if (first === undefined) return undefined;
  const indent = first.length - first.trimStart().length;
  const starts: [number, number][] = [];
  let source = header + 1;
  let offset = 0;
  for (const line of body) {
    if (offset >= value.length) break;
    const content = line.replace(/\r$/, '').slice(indent);
    if (value.slice(offset, offset + content.length) !== content) return undefined;
    starts.push([offset, source + Math.min(indent, line.length)]);
    offset += content.length + 1;
    source += line.length + 1;
  }
  return starts;
}

/** A node for `context.report` that covers source offsets `[start, end)`. */
export function spanNode(start: number, end: number): Scalar {
  const node = new Scalar('');
  node.range = [start, end, end];
  return node;
}
