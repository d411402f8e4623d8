/**
 * Text that lives inside a YAML string: a CNI config in a ConfigMap's block scalar, a
 * NetworkAttachmentDefinition's quoted `spec.config`, a prometheus.yml in a ConfigMap.
 * `embeddedText` decodes the scalar as the application reading it sees it, and keeps,
 * for every decoded UTF-16 unit, the document span it came from, so a finding on a
 * character of the inner text lands on that character in the file, and an edit of the
 * inner text becomes an edit of the file written in the scalar's own style (escapes in
 * double quotes, `''` in single quotes, the block's indentation after a line break).
 *
 * Pure and defensive: the decoder is our own, and its result must equal the value the
 * YAML parser produced, or there is no embedded text (no mapping is better than a wrong
 * one). Every edit is re-read by the YAML parser before it is offered: an edit that
 * would not give exactly the intended inner text is not offered at all.
 *
 * Spans: a line break of the inner text maps to the break in the file together with the
 * next line's indentation (or, in a folded or quoted scalar, the whitespace the fold
 * ate), so replacing "…\n" by "…\n" keeps the layout. Characters that one piece of source
 * produced together (an escape, a fold of several lines) share that piece's span.
 */
import { isScalar, parseDocument, Scalar, visit } from 'yaml';
import type { OffsetEdit, OffsetRange } from '../core/ruleMeta';
import { decodersFor } from './scalarDecoders';
import type { Decoded, Decoder, ScalarStyle } from './scalarDecoders';

export type { ScalarStyle } from './scalarDecoders';

export interface EmbeddedText {
  /** The string the application reads (the scalar's value). */
  readonly text: string;
  readonly style: ScalarStyle;
  /** Document offsets of the scalar node, `[start, end)`. */
  readonly nodeRange: OffsetRange;
  /** The document range `[start, end)` of the inner range `[start, end)`. */
  toDocument(start: number, end: number): OffsetRange;
  /** The inner offset of the character at a document offset; undefined outside the text (quotes, header, indentation). */
  fromDocument(offset: number): number | undefined;
  /**
   * The document edit that turns the inner text's `[start, end)` into `replacement`,
   * written in the scalar's style; undefined when the style cannot carry it (a line break
   * in a plain or single-quoted scalar, a character YAML forbids unescaped).
   */
  edit(start: number, end: number, replacement: string): OffsetEdit | undefined;
}

const STYLES: Readonly<Record<string, ScalarStyle>> = {
  [Scalar.BLOCK_LITERAL]: 'block-literal',
  [Scalar.BLOCK_FOLDED]: 'block-folded',
  [Scalar.QUOTE_DOUBLE]: 'double-quoted',
  [Scalar.QUOTE_SINGLE]: 'single-quoted',
  [Scalar.PLAIN]: 'plain',
};

/** The decoded text of a string scalar with its mapping to `source` (the document's text), or undefined. */
export function embeddedText(node: unknown, source: string): EmbeddedText | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const style = node.type ? STYLES[node.type] : undefined;
  const [start, end] = node.range;
  if (!style || start < 0 || end > source.length || start >= end) return undefined;
  const value = node.value;
  for (const decoder of decodersFor(style, source, start, end)) {
    let decoded: Decoded | undefined;
    try {
      decoded = decoder(source, start, end);
    } catch {
      decoded = undefined; // a decoder bug must cost the mapping, never the check
    }
    if (decoded && decoded.text === value) return new Embedded(style, decoded, decoder, source, start, end);
  }
  return undefined;
}

class Embedded implements EmbeddedText {
  readonly text: string;
  readonly nodeRange: OffsetRange;

  constructor(
    readonly style: ScalarStyle,
    private readonly decoded: Decoded,
    /** Re-reads an edited scalar where the parser cannot (after a flow prefix). */
    private readonly decoder: Decoder,
    private readonly source: string,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.text = decoded.text;
    this.nodeRange = [start, end];
  }

  toDocument(start: number, end: number): OffsetRange {
    const { starts, ends } = this.decoded;
    const length = this.text.length;
    const from = Math.max(0, Math.min(start, length));
    const to = Math.max(from, Math.min(end, length));
    const at = (offset: number): number =>
      offset < length ? starts[offset]! : length > 0 ? ends[length - 1]! : this.decoded.contentStart;
    if (to === from) return [at(from), at(from)];
    return [starts[from]!, ends[to - 1]!];
  }

  fromDocument(offset: number): number | undefined {
    const { starts, ends } = this.decoded;
    // Spans grow with the index: the last unit starting at or before the offset is the candidate.
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! <= offset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found !== -1 && offset < ends[found]! ? found : undefined;
  }

  edit(start: number, end: number, replacement: string): OffsetEdit | undefined {
    if (start < 0 || end < start || end > this.text.length) return undefined;
    const [docStart, docEnd] = this.toDocument(start, end);
    const expected = this.text.slice(0, start) + replacement + this.text.slice(end);
    // A plain scalar that reads as a number, a boolean or null, or starts like other YAML, would stop being this string.
    if (this.style === 'plain' && !plainStaysString(expected, this.text)) return undefined;
    for (const encoded of this.encodings(replacement)) {
      const scalar = this.source.slice(this.start, docStart) + encoded + this.source.slice(docEnd, this.end);
      // A block that loses its last line break reads differently at the end of a file.
      if (this.style.startsWith('block') && this.source[this.end - 1] === '\n' && !scalar.endsWith('\n')) continue;
      if (this.reads(scalar, expected)) return { start: docStart, end: docEnd, text: encoded };
    }
    return undefined;
  }

  /**
   * Whether the edited scalar source reads as `expected`. The YAML parser is the judge:
   * it reads the scalar after the same line prefix (`    config: `, `  - `), so
   * indentation and chomping count as they do in the file. After a flow prefix
   * (`{a: `), which does not parse alone, our decoder judges instead.
   */
  private reads(scalar: string, expected: string): boolean {
    const lineStart = this.source.lastIndexOf('\n', this.start - 1) + 1;
    const prefix = this.source.slice(lineStart, this.start);
    if (/[[\]{},#]/.test(prefix)) {
      try {
        return this.decoder(scalar, 0, scalar.length)?.text === expected;
      } catch {
        return false;
      }
    }
    const text = prefix + scalar + (scalar.endsWith('\n') ? '' : '\n');
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    if (doc.errors.length > 0) return false;
    let value: unknown;
    visit(doc, {
      Scalar(_key, node) {
        if (node.range?.[0] !== prefix.length) return undefined;
        value = node.value;
        return visit.BREAK;
      },
    });
    return value === expected;
  }

  /** Candidate spellings of `replacement` in this style, the most natural first. */
  private encodings(replacement: string): string[] {
    const lineBreak = this.source.includes('\r\n') ? '\r\n' : '\n';
    switch (this.style) {
      case 'double-quoted':
        // A space next to a line break of the source would be folded away: `\ ` keeps it.
        return [escapeDouble(replacement, false), escapeDouble(replacement, true)];
      case 'single-quoted':
        return NOT_PLAIN_SAFE.test(replacement) || /[\r\n]/.test(replacement) ? [] : [replacement.replace(/'/g, "''")];
      case 'plain':
        return NOT_PLAIN_SAFE.test(replacement) || /[\r\n\t:#,[\]{}'"]/.test(replacement) ? [] : [replacement];
      default: {
        if (NOT_PLAIN_SAFE.test(replacement) || replacement.includes('\r')) return [];
        const indent = ' '.repeat(this.decoded.indent ?? 0);
        if (replacement.includes('\n') && indent.length === 0) return [];
        const newline = this.style === 'block-folded' ? `${lineBreak}${lineBreak}${indent}` : `${lineBreak}${indent}`;
        return [replacement.replace(/\n/g, newline)];
      }
    }
  }
}

/** What YAML's core schema would not resolve to a string, or a plain scalar cannot start or end with. */
const NOT_A_PLAIN_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

function plainStaysString(text: string, before: string): boolean {
  if (text.length === 0 || NOT_A_PLAIN_STRING.test(text) || /^[-?:,[\]{}#&*!|>'"%@`\s]|\s$|: |:$| #/.test(text)) return false;
  // Flow indicators inside are fine in block context only; the original having one proves that context.
  return !/[,[\]{}]/.test(text) || /[,[\]{}]/.test(before);
}

/** Characters YAML does not allow unescaped (outside c-printable), which only double quotes can carry. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_PLAIN_SAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;

function escapeDouble(text: string, escapeSpaces: boolean): string {
  let out = '';
  for (const char of text) {
    switch (char) {
      case '\\':
        out += '\\\\';
        break;
      case '"':
        out += '\\"';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case ' ':
        out += escapeSpaces ? '\\ ' : ' ';
        break;
      default: {
        const code = char.codePointAt(0)!;
        if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
        else if (code === 0xfffe || code === 0xffff) out += `\\u${code.toString(16)}`;
        else out += char;
      }
    }
  }
  return out;
}
