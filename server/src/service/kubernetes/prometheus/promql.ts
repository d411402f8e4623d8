/**
 * PromQL read with the Prometheus project's own grammar (`@prometheus-io/lezer-promql`,
 * the parser behind the Prometheus UI): syntax errors with their offsets, and the
 * labels that aggregations group by. The parser is incremental and error-tolerant, so it
 * returns a tree for any input; expressions past a size bound are not read at all.
 */
import type { LRParser } from '@lezer/lr';
import type { SyntaxNode } from '@lezer/common';

// The package's types are ESM-only while its `require` entry is CommonJS: load it as
// CommonJS (what the bundle does) and type it with @lezer/lr's CommonJS types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: LRParser };

export interface PromqlError {
  /** Offsets in the expression text; empty (`from === to`) where a token is missing. */
  from: number;
  to: number;
}

export interface Grouping {
  /** `by` or `without`. */
  modifier: 'by' | 'without';
  /** The aggregation operator: sum, count, topk… */
  operator: string;
  labels: { name: string; from: number; to: number }[];
}

export interface ReadPromql {
  errors: PromqlError[];
  groupings: Grouping[];
}

/**
 * Longer and deeper than any expression written by hand: bounds on parse time, since the
 * parser's error recovery grows quickly with unbalanced nesting. Past them: not read.
 */
export const MAX_PROMQL_LENGTH = 20_000;
const MAX_NESTING = 128;

export function readPromql(expr: string): ReadPromql | undefined {
  if (expr.length > MAX_PROMQL_LENGTH || nesting(expr) > MAX_NESTING) return undefined;
  const tree = parser.parse(expr);
  const errors: PromqlError[] = [];
  const groupings: Grouping[] = [];
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) {
      errors.push({ from: cursor.from, to: cursor.to });
    } else if (cursor.name === 'AggregateExpr') {
      const grouping = groupingOf(cursor.node, expr);
      if (grouping) groupings.push(grouping);
    }
  } while (cursor.next());
  return { errors: mergeErrors(errors), groupings };
}

function groupingOf(node: SyntaxNode, expr: string): Grouping | undefined {
  const op = node.getChild('AggregateOp');
  const modifier = node.getChild('AggregateModifier');
  if (!op || !modifier) return undefined;
  const kind = modifier.getChild('By') ? 'by' : modifier.getChild('Without') ? 'without' : undefined;
  const list = modifier.getChild('GroupingLabels');
  if (!kind || !list) return undefined;
  const labels = list.getChildren('LabelName').map((label) => ({
    name: unquote(expr.slice(label.from, label.to)),
    from: label.from,
    to: label.to,
  }));
  return { modifier: kind, operator: expr.slice(op.from, op.to), labels };
}

function unquote(name: string): string {
  return /^["'`]/.test(name) ? name.slice(1, -1) : name;
}

/** The deepest bracket nesting, counting openers only (an upper bound, cheap). */
function nesting(expr: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of expr) {
    if (char === '(' || char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === ')' || char === '}' || char === ']') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** Adjacent error nodes are one mistake to the reader. */
function mergeErrors(errors: PromqlError[]): PromqlError[] {
  const merged: PromqlError[] = [];
  for (const error of errors) {
    const last = merged[merged.length - 1];
    if (last && error.from <= last.to) last.to = Math.max(last.to, error.to);
    else merged.push({ ...error });
  }
  return merged;
}
