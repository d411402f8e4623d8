/**
 * Table cases that mark the expected range in the code itself: `«` and `»` around the text
 * the one finding must underline. The markers are removed; the range is 1-based, as
 * ExpectedError wants it.
 */
import type { ExpectedError, InvalidCase } from './ruleTester';

export interface Marked {
  code: string;
  range: Pick<ExpectedError, 'line' | 'column' | 'endLine' | 'endColumn'>;
}

export function marked(source: string): Marked {
  const start = source.indexOf('«');
  const end = source.indexOf('»');
  if (start === -1 || end < start) throw new Error(`no «range» in ${source}`);
  const code = source.slice(0, start) + source.slice(start + 1, end) + source.slice(end + 1);
  const position = (offset: number) => {
    const before = code.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
  const from = position(start);
  const to = position(end - 1);
  return { code, range: { line: from.line, column: from.column, endLine: to.line, endColumn: to.column } };
}

/** One invalid case: exactly one finding, with this message id (and data), at the marked range. */
export function markedCase(
  name: string,
  source: string,
  messageId: string,
  data?: Readonly<Record<string, string | number>>,
  extra: Partial<InvalidCase> = {},
): InvalidCase {
  const { code, range } = marked(source);
  return { name, code, errors: [{ messageId, ...(data ? { data } : {}), ...range }], ...extra };
}
