/**
 * Decoders for the five scalar styles, as the YAML library reads them, with the document
 * span of every decoded UTF-16 unit (see embeddedText.ts, their only user). Each reads the
 * scalar's whole source, quotes and block header included, and returns undefined for
 * what it does not understand; the caller compares the result with the parser's value.
 */

export type ScalarStyle = 'block-literal' | 'block-folded' | 'double-quoted' | 'single-quoted' | 'plain';

/** What a decoder produces: the text and, per UTF-16 unit, the document span `[starts[i], ends[i])`. */
export interface Decoded {
  text: string;
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  /** Where an insertion into an empty text goes. */
  contentStart: number;
  /** A block scalar's content indentation. */
  indent?: number;
}

/** A decoder reads `source[start, end)`, the scalar's whole source (quotes and block header included). */
export type Decoder = (source: string, start: number, end: number) => Decoded | undefined;

/** Past this, an explicit indentation indicator's parent indentation is not searched for. */
const MAX_PARENT_INDENT = 64;

/**
 * The decoders to try for a scalar: one, except for a block scalar with an explicit
 * indentation indicator, which counts from the parent's indentation; each candidate is tried.
 */
export function decodersFor(style: ScalarStyle, source: string, start: number, end: number): Decoder[] {
  switch (style) {
    case 'double-quoted':
      return [decodeDoubleQuoted];
    case 'single-quoted':
      return [decodeSingleQuoted];
    case 'plain':
      return [decodePlain];
    default: {
      const folded = style === 'block-folded';
      const header = blockHeader(source, start, end);
      if (!header) return [];
      if (header.explicit === undefined) return [(s, a, b) => decodeBlock(s, a, b, folded, undefined)];
      const decoders: Decoder[] = [];
      for (let parent = 0; parent <= MAX_PARENT_INDENT; parent++) {
        const indent = parent + header.explicit;
        decoders.push((s, a, b) => decodeBlock(s, a, b, folded, indent));
      }
      return decoders;
    }
  }
}

/** Collects decoded units with their spans; a decoded text is never longer than its source plus one unit. */
class Output {
  private readonly chunks: string[] = [];
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private length = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity + 2);
    this.ends = new Int32Array(capacity + 2);
  }

  /** Decoded units that one piece of source `[start, end)` produced together. */
  emit(text: string, start: number, end: number): void {
    if (this.length + text.length > this.starts.length) throw new Error('decoded text longer than its source');
    this.chunks.push(text);
    this.starts.fill(start, this.length, this.length + text.length);
    this.ends.fill(end, this.length, this.length + text.length);
    this.length += text.length;
  }

  /** Source characters copied one to one. */
  copy(source: string, from: number, to: number): void {
    if (to <= from) return;
    if (this.length + (to - from) > this.starts.length) throw new Error('decoded text longer than its source');
    this.chunks.push(source.slice(from, to));
    for (let p = from; p < to; p++) {
      this.starts[this.length] = p;
      this.ends[this.length] = p + 1;
      this.length++;
    }
  }

  result(contentStart: number, indent?: number): Decoded {
    const decoded: Decoded = {
      text: this.chunks.join(''),
      starts: this.starts.subarray(0, this.length),
      ends: this.ends.subarray(0, this.length),
      contentStart,
    };
    if (indent !== undefined) decoded.indent = indent;
    return decoded;
  }
}

// ---------------------------------------------------------------- block scalars

interface BlockHeader {
  chomp: 'clip' | 'strip' | 'keep';
  explicit: number | undefined;
  /** Offset of the first content line. */
  contentStart: number;
}

function blockHeader(source: string, start: number, end: number): BlockHeader | undefined {
  const indicator = source[start];
  if (indicator !== '|' && indicator !== '>') return undefined;
  let chomp: BlockHeader['chomp'] = 'clip';
  let explicit: number | undefined;
  let i = start + 1;
  for (let k = 0; k < 2 && i < end; k++) {
    const c = source[i]!;
    if (c === '-' || c === '+') {
      chomp = c === '-' ? 'strip' : 'keep';
      i++;
    } else if (c >= '1' && c <= '9' && explicit === undefined) {
      explicit = Number(c);
      i++;
    }
  }
  const newline = source.indexOf('\n', i);
  const headerEnd = newline === -1 || newline >= end ? end : newline;
  if (!/^(?:[ \t]+#.*|[ \t]*)\r?$/.test(source.slice(i, headerEnd))) return undefined;
  return { chomp, explicit, contentStart: headerEnd === end ? end : headerEnd + 1 };
}

interface SourceLine {
  start: number;
  /** End of the line's text, before `\r\n` or `\n`. */
  textEnd: number;
  /** After the line break; equal to textEnd for a last line without one. */
  breakEnd: number;
}

function linesOf(source: string, from: number, end: number): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = from;
  while (start < end) {
    const newline = source.indexOf('\n', start);
    const breakEnd = newline === -1 || newline >= end ? end : newline + 1;
    let textEnd = newline === -1 || newline >= end ? end : newline;
    if (textEnd > start && source[textEnd - 1] === '\r' && textEnd === newline) textEnd--;
    lines.push({ start, textEnd, breakEnd });
    start = breakEnd;
  }
  return lines;
}

function leadingSpaces(source: string, line: SourceLine): number {
  let i = line.start;
  while (i < line.textEnd && source[i] === ' ') i++;
  return i - line.start;
}

function decodeBlock(
  source: string,
  start: number,
  end: number,
  folded: boolean,
  fixedIndent: number | undefined,
): Decoded | undefined {
  const header = blockHeader(source, start, end);
  if (!header) return undefined;
  const lines = linesOf(source, header.contentStart, end);
  let indent = fixedIndent;
  if (indent === undefined) {
    const first = lines.findIndex((line) => leadingSpaces(source, line) < line.textEnd - line.start);
    const firstLine = lines[first];
    indent = firstLine ? leadingSpaces(source, firstLine) : Math.max(0, ...lines.map((line) => line.textEnd - line.start));
    // YAML refuses leading empty lines indented deeper than the detected indentation.
    for (const line of first === -1 ? [] : lines.slice(0, first)) if (line.textEnd - line.start > indent) return undefined;
  }
  // Classify: an empty line has only spaces, no more than the indentation.
  const kinds: ('empty' | 'text' | 'spaced')[] = [];
  for (const line of lines) {
    const spaces = leadingSpaces(source, line);
    const length = line.textEnd - line.start;
    if (spaces === length && length <= indent) kinds.push('empty');
    else if (spaces < indent)
      return undefined; // less indented content would have ended the scalar
    else {
      const c = source[line.start + indent];
      kinds.push(c === ' ' || c === '\t' ? 'spaced' : 'text');
    }
  }
  /** Where the next line's content begins: after its indentation (all of an empty line's spaces). */
  const contentPos = (index: number): number => {
    const line = lines[index];
    if (!line) return lines[lines.length - 1]?.breakEnd ?? end;
    return kinds[index] === 'empty' ? line.textEnd : line.start + indent!;
  };
  const hasBreak = (line: SourceLine): boolean => line.breakEnd > line.textEnd;
  const out = new Output(end - start);
  const contentIndexes = kinds.flatMap((kind, index) => (kind === 'empty' ? [] : [index]));
  const last = contentIndexes[contentIndexes.length - 1];
  if (last === undefined) {
    if (header.chomp === 'keep') for (const line of lines) if (hasBreak(line)) out.emit('\n', line.textEnd, line.breakEnd);
    return out.result(header.contentStart, indent);
  }
  // Leading empty lines: one line feed each.
  const first = contentIndexes[0]!;
  for (let index = 0; index < first; index++) {
    out.emit('\n', lines[index]!.textEnd, contentPos(index + 1));
  }
  for (let c = 0; c < contentIndexes.length; c++) {
    const index = contentIndexes[c]!;
    const line = lines[index]!;
    out.copy(source, line.start + indent, line.textEnd);
    const next = contentIndexes[c + 1];
    if (next === undefined) break;
    const empties = next - index - 1;
    const spanStart = line.textEnd;
    const spanEnd = contentPos(next);
    if (!folded) {
      // Literal: every break is kept; spans follow the lines exactly.
      out.emit('\n', spanStart, contentPos(index + 1));
      for (let e = index + 1; e < next; e++) out.emit('\n', lines[e]!.textEnd, contentPos(e + 1));
    } else if (kinds[index] === 'text' && kinds[next] === 'text') {
      out.emit(empties === 0 ? ' ' : '\n'.repeat(empties), spanStart, spanEnd);
    } else {
      out.emit('\n'.repeat(empties + 1), spanStart, spanEnd);
    }
  }
  // Chomping: the last content line's break, then the trailing empty lines.
  const lastLine = lines[last]!;
  // At the end of the input the YAML library still adds the clipped line feed.
  if (header.chomp !== 'strip') out.emit('\n', lastLine.textEnd, contentPos(last + 1));
  if (header.chomp === 'keep') {
    for (let index = last + 1; index < lines.length; index++) {
      const line = lines[index]!;
      if (hasBreak(line)) out.emit('\n', line.textEnd, contentPos(index + 1));
    }
  }
  return out.result(header.contentStart, indent);
}

// ---------------------------------------------------------------- flow scalars

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

function decodeDoubleQuoted(source: string, start: number, end: number): Decoded | undefined {
  if (source[start] !== '"' || source[end - 1] !== '"' || end - start < 2) return undefined;
  return decodeFlow(source, start + 1, end - 1, 'double');
}

function decodeSingleQuoted(source: string, start: number, end: number): Decoded | undefined {
  if (source[start] !== "'" || source[end - 1] !== "'" || end - start < 2) return undefined;
  return decodeFlow(source, start + 1, end - 1, 'single');
}

function decodePlain(source: string, start: number, end: number): Decoded | undefined {
  return decodeFlow(source, start, end, 'plain');
}

const isBreakAt = (source: string, i: number): number =>
  source[i] === '\n' ? 1 : source[i] === '\r' && source[i + 1] === '\n' ? 2 : 0;
const isWhite = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * Flow scalars fold lines the same way: trailing whitespace before a break and leading
 * whitespace after it go; one break becomes a space, a break followed by empty lines
 * becomes one line feed per empty line.
 */
function decodeFlow(source: string, from: number, to: number, kind: 'double' | 'single' | 'plain'): Decoded | undefined {
  const out = new Output(to - from);
  // Whitespace not yet known to be content (it is not when a line break follows): one run, [pendingStart, i).
  let pendingStart = -1;
  const flush = (upTo: number): void => {
    if (pendingStart !== -1) out.copy(source, pendingStart, upTo);
    pendingStart = -1;
  };
  const special = kind === 'double' ? /[\\ \t\r\n]/g : kind === 'single' ? /[' \t\r\n]/g : /[ \t\r\n]/g;
  /** After a break at `i` (of `width`): skips empty lines and indentation; returns [next offset, empty lines]. */
  const skipFold = (i: number, width: number): [number, number] => {
    let p = i + width;
    let empties = 0;
    for (;;) {
      while (p < to && isWhite(source[p])) p++;
      const w = p < to ? isBreakAt(source, p) : 0;
      if (w === 0) return [p, empties];
      empties++;
      p += w;
    }
  };
  let i = from;
  while (i < to) {
    const c = source[i]!;
    const width = isBreakAt(source, i);
    if (width > 0) {
      const foldStart = pendingStart === -1 ? i : pendingStart;
      pendingStart = -1;
      const [next, empties] = skipFold(i, width);
      out.emit(empties === 0 ? ' ' : '\n'.repeat(empties), foldStart, next);
      i = next;
    } else if (isWhite(c)) {
      if (pendingStart === -1) pendingStart = i;
      i++;
    } else if (kind === 'double' && c === '\\') {
      flush(i);
      const escaped = source[i + 1];
      if (escaped === undefined || i + 1 >= to) return undefined;
      const breakWidth = isBreakAt(source, i + 1);
      if (breakWidth > 0) {
        // An escaped line break joins the lines. Empty lines after it fold as the YAML
        // library folds them (one gives a space, n give n-1 line feeds).
        const [next, empties] = skipFold(i + 1, breakWidth);
        if (empties > 0) out.emit(empties === 1 ? ' ' : '\n'.repeat(empties - 1), i, next);
        i = next;
        continue;
      }
      const simple = SIMPLE_ESCAPES[escaped];
      if (simple !== undefined) {
        out.emit(simple, i, i + 2);
        i += 2;
        continue;
      }
      const digits = HEX_ESCAPES[escaped];
      const hex = digits === undefined ? '' : source.slice(i + 2, i + 2 + digits);
      if (digits === undefined || hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex) || i + 2 + digits > to) return undefined;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return undefined;
      out.emit(String.fromCodePoint(code), i, i + 2 + digits);
      i += 2 + digits;
    } else if (kind === 'single' && c === "'") {
      flush(i);
      if (source[i + 1] !== "'" || i + 1 >= to) return undefined;
      out.emit("'", i, i + 2);
      i += 2;
    } else {
      flush(i);
      // A run of ordinary characters, copied one to one (a surrogate pair is two units, one span each).
      special.lastIndex = i;
      const next = special.exec(source);
      const runEnd = next === null || next.index > to ? to : next.index;
      out.copy(source, i, Math.max(runEnd, i + 1));
      i = Math.max(runEnd, i + 1);
    }
  }
  flush(i);
  return out.result(from);
}
