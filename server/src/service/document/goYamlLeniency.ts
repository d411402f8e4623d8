/**
 * What kubectl's YAML parser (go-yaml) accepts and the YAML 1.2 spec does not, read as
 * kubectl reads it. Real manifests rely on it: CNI configs in a
 * NetworkAttachmentDefinition are often a multi-line quoted JSON string whose
 * continuation lines, closing quote included, sit no deeper than its key:
 *
 *     spec:
 *       config: '{
 *       "type": "sriov"
 *     }'
 *
 * The spec wants those lines indented deeper than the key; go-yaml does not care. So
 * before giving up on such a document, we indent those lines (only those: every other
 * line keeps its text, so every other position is unchanged), parse again, and report
 * one warning per scalar with the same indentation as its fix. Line folding in a
 * quoted scalar drops leading spaces, so the value is what kubectl reads.
 *
 * A scan of lines, not a parser: it only starts at `key: '…` or `key: "…` whose quote
 * does not close on that line, and it only ever adds spaces at the start of lines.
 */

export interface LenientScalar {
  /** Offsets of the scalar (opening quote to closing quote, inclusive) in the relaxed text. */
  start: number;
  end: number;
  /** Insertions at line starts, in offsets of the relaxed text (which are where the original's line starts are, line by line). */
  indent: { at: number; text: string }[];
}

export interface Relaxed {
  text: string;
  scalars: LenientScalar[];
}

/** `key: '` or `- key: "` with the quote opening the value. */
const QUOTED_VALUE = /^(\s*)((?:-\s+)*)([^\s#'"{[][^#]*?):[ \t]+(['"])/;
/** Past this many lines, a quote that never closes is a real error, not a leniency. */
const MAX_SCALAR_LINES = 2000;

export function relaxGoYaml(text: string): Relaxed | undefined {
  const lines = splitLines(text);
  const scalars: { startLine: number; quoteCol: number; endLine: number; endCol: number; keyCol: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.text;
    const match = QUOTED_VALUE.exec(line);
    if (!match) continue;
    const keyCol = match[1]!.length + match[2]!.length;
    const quote = match[4]!;
    const quoteCol = match[0].length - 1;
    if (closingQuote(line, quoteCol + 1, quote) !== -1) continue;
    let shallow = false;
    let end = -1;
    for (let j = i + 1; j < lines.length && j <= i + MAX_SCALAR_LINES; j++) {
      const next = lines[j]!.text;
      if (/^(?:---|\.\.\.)(?:\s|$)/.test(next)) break;
      const close = closingQuote(next, 0, quote);
      if (next.trim() !== '' && indentOf(next) <= keyCol) shallow = true;
      if (close !== -1) {
        end = j;
        // Only a value that ends at the quote (a comment may follow) is what we understand.
        const clean = /^\s*(?:#.*)?$/.test(next.slice(close + 1));
        if (shallow && clean) scalars.push({ startLine: i, quoteCol, endLine: j, endCol: close, keyCol });
        break;
      }
    }
    if (end === -1) break; // an unclosed quote runs to the end: a real error
    i = end;
  }
  const shallowScalars = scalars;
  if (shallowScalars.length === 0) return undefined;

  // Rebuild the text with the shallow lines indented, tracking the new offsets.
  const added = new Map<number, string>();
  const linesOf = shallowScalars.map((scalar) => {
    const indented: number[] = [];
    for (let j = scalar.startLine + 1; j <= scalar.endLine; j++) {
      const line = lines[j]!.text;
      if (line.trim() === '') continue;
      const indent = indentOf(line);
      if (indent > scalar.keyCol) continue;
      added.set(j, ' '.repeat(scalar.keyCol + 2 - indent));
      indented.push(j);
    }
    return indented;
  });
  let out = '';
  const lineStarts: number[] = [];
  for (const [j, line] of lines.entries()) {
    lineStarts.push(out.length);
    out += (added.get(j) ?? '') + line.text + line.eol;
  }
  return {
    text: out,
    scalars: shallowScalars.map((scalar, index) => ({
      start: lineStarts[scalar.startLine]! + scalar.quoteCol,
      end: lineStarts[scalar.endLine]! + (added.get(scalar.endLine)?.length ?? 0) + scalar.endCol + 1,
      indent: (linesOf[index] ?? []).map((j) => ({ at: lineStarts[j]!, text: added.get(j)! })),
    })),
  };
}

/** The column of the quote that closes a scalar opened before `from`, or -1. */
function closingQuote(line: string, from: number, quote: string): number {
  for (let k = from; k < line.length; k++) {
    const c = line[k];
    if (quote === '"' && c === '\\') {
      k++;
      continue;
    }
    if (c !== quote) continue;
    if (quote === "'" && line[k + 1] === "'") {
      k++;
      continue;
    }
    return k;
  }
  return -1;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function splitLines(text: string): { text: string; eol: string }[] {
  const lines: { text: string; eol: string }[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) {
      lines.push({ text: text.slice(start), eol: '' });
      break;
    }
    const cr = text[newline - 1] === '\r' && newline > start;
    lines.push({ text: text.slice(start, cr ? newline - 1 : newline), eol: cr ? '\r\n' : '\n' });
    start = newline + 1;
  }
  return lines;
}
