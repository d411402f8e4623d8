/**
 * Strict JSON syntax, as Go's encoding/json (and so every CNI runtime) reads it. The YAML
 * parser reads JSON too, but forgives what JSON does not: trailing commas, comments,
 * single quotes, bare words. This scanner reports each such mistake where it is, keeps
 * going past the ones whose meaning is clear, and stops at the first one after which the
 * rest cannot be read as intended (an unclosed bracket, a stray character): one message
 * per mistake, no cascade.
 *
 * Install-time placeholders (`__CNI_MTU__`, written bare where a number goes, as
 * Calico's installer template does) are not mistakes: they are recorded, for the rules
 * to treat as values to be filled in.
 *
 * Iterative (an explicit stack), so nesting depth cannot overflow it; linear in the text.
 */

export type JsonProblemKind =
  | 'bom'
  | 'comment'
  | 'trailing-comma'
  | 'missing-comma'
  | 'missing-colon'
  | 'single-quote'
  | 'unquoted-key'
  | 'bare-word'
  | 'number'
  | 'string'
  | 'duplicate-key'
  | 'unexpected'
  | 'unclosed'
  | 'extra';

export interface JsonProblem {
  kind: JsonProblemKind;
  message: string;
  start: number;
  end: number;
  /** After a fatal problem the scan stops: what follows cannot be read as intended. */
  fatal: boolean;
  /** For a duplicate key: where the first one is. */
  firstAt?: number;
  /** The repair, where it is certain (a trailing comma removed, a string re-quoted): text replacing [start, end). */
  repair?: { start: number; end: number; text: string };
}

export interface Placeholder {
  /** `__CNI_MTU__`. */
  name: string;
  start: number;
  end: number;
  /** Written inside a string (`"__MTU__"`) rather than bare. */
  quoted: boolean;
}

export interface JsonScan {
  problems: JsonProblem[];
  placeholders: Placeholder[];
  /** A fatal problem was found (the scan stopped there). */
  fatal: boolean;
}

/** An install-time placeholder, as installers write them. */
export const PLACEHOLDER = /__[A-Z][A-Z0-9_]*__/g;
const WHOLE_PLACEHOLDER = /^__[A-Z][A-Z0-9_]*__$/;
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;
const WORD_CHAR = /[A-Za-z0-9_$.+-]/;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

interface Container {
  type: 'object' | 'array';
  start: number;
  /** What may come next. */
  state: 'first' | 'afterComma' | 'afterKey' | 'afterColon' | 'afterValue';
  /** The last comma, for a trailing-comma report. */
  comma: number;
  keys: Map<string, number>;
}

export function scanJson(text: string): JsonScan {
  return new Scanner(text).scan();
}

class Scanner {
  private pos = 0;
  private readonly problems: JsonProblem[] = [];
  private readonly placeholders: Placeholder[] = [];
  private readonly stack: Container[] = [];
  private fatal = false;
  /** Where the last complete value ended, for a missing comma's repair. */
  private lastValueEnd = 0;

  constructor(private readonly text: string) {}

  scan(): JsonScan {
    if (this.text.charCodeAt(0) === 0xfeff) {
      this.soft('bom', 'A byte-order mark starts the text, and JSON has none.', 0, 1, '');
      this.pos = 1;
    }
    this.skipSpace();
    if (this.pos >= this.text.length) {
      this.fail('unclosed', 'The text is empty: a JSON value is expected.', this.pos, this.pos);
    } else {
      this.run();
    }
    if (!this.fatal) {
      this.skipSpace();
      if (this.pos < this.text.length) {
        this.fail(
          'extra',
          'Text after the end of the JSON value: a config is exactly one value (two objects in one file?).',
          this.pos,
          this.tokenEnd(this.pos),
        );
      }
    }
    return { problems: this.problems, placeholders: this.placeholders, fatal: this.fatal };
  }

  /** Reads the root value and everything inside it. */
  private run(): void {
    if (!this.value()) return;
    while (this.stack.length > 0 && !this.fatal) {
      this.skipSpace();
      const top = this.stack[this.stack.length - 1]!;
      const c = this.text[this.pos];
      if (c === undefined) {
        if (this.commentToEnd()) return;
        const opener = top.type === 'object' ? '{' : '[';
        this.fail('unclosed', `This ${opener} is never closed: the text ends first.`, top.start, top.start + 1);
        return;
      }
      if (top.type === 'object') this.inObject(top, c);
      else this.inArray(top, c);
    }
  }

  private inObject(top: Container, c: string): void {
    const start = this.pos;
    switch (top.state) {
      case 'first':
      case 'afterComma':
        if (c === '}') {
          if (top.state === 'afterComma') this.trailingComma(top);
          this.close();
        } else {
          this.key(top);
        }
        return;
      case 'afterKey':
        if (c === ':') {
          this.pos++;
          top.state = 'afterColon';
        } else if (this.startsValue(c)) {
          this.soft('missing-colon', 'A colon is missing between the key and its value.', start, start + 1);
          top.state = 'afterColon';
        } else {
          this.fail('unexpected', `Expected a colon after the key, found ${describe(c)}.`, start, start + 1);
        }
        return;
      case 'afterColon':
        if (c === '}' || c === ',') {
          this.fail('unexpected', `A value is missing after the colon, found ${describe(c)}.`, start, start + 1);
          return;
        }
        top.state = 'afterValue';
        this.value();
        return;
      case 'afterValue':
        if (c === ',') {
          top.comma = this.pos++;
          top.state = 'afterComma';
        } else if (c === '}') {
          this.close();
        } else if (c === '"' || c === "'" || /[A-Za-z_]/.test(c)) {
          this.soft('missing-comma', 'A comma is missing before this key.', start, start + 1);
          this.repairLast({ start: this.lastValueEnd, end: this.lastValueEnd, text: ',' });
          top.state = 'afterComma';
        } else if (c === ']') {
          this.fail(
            'unexpected',
            'This ] closes a list, but an object is still open here: a } is missing before it.',
            start,
            start + 1,
          );
        } else {
          this.fail('unexpected', `Expected a comma or } after the value, found ${describe(c)}.`, start, start + 1);
        }
    }
  }

  private inArray(top: Container, c: string): void {
    const start = this.pos;
    if (top.state === 'afterValue') {
      if (c === ',') {
        top.comma = this.pos++;
        top.state = 'afterComma';
      } else if (c === ']') {
        this.close();
      } else if (this.startsValue(c)) {
        this.soft('missing-comma', 'A comma is missing before this value.', start, start + 1);
        this.repairLast({ start: this.lastValueEnd, end: this.lastValueEnd, text: ',' });
        top.state = 'afterComma';
      } else if (c === '}') {
        this.fail(
          'unexpected',
          'This } closes an object, but a list is still open here: a ] is missing before it.',
          start,
          start + 1,
        );
      } else {
        this.fail('unexpected', `Expected a comma or ] after the value, found ${describe(c)}.`, start, start + 1);
      }
      return;
    }
    if (c === ']') {
      if (top.state === 'afterComma') this.trailingComma(top);
      this.close();
      return;
    }
    if (c === ',') {
      this.fail('unexpected', 'A value is missing before this comma.', start, start + 1);
      return;
    }
    top.state = 'afterValue';
    this.value();
  }

  private trailingComma(top: Container): void {
    const closer = top.type === 'object' ? '}' : ']';
    this.soft('trailing-comma', `JSON allows no comma before ${closer}.`, top.comma, top.comma + 1, '');
  }

  private close(): void {
    this.pos++;
    this.stack.pop();
    this.lastValueEnd = this.pos;
  }

  private startsValue(c: string): boolean {
    return /["'{[\-0-9A-Za-z_.+]/.test(c);
  }

  /** A key of an object, quoted (or not, reported), with duplicates reported. */
  private key(top: Container): void {
    const start = this.pos;
    const c = this.text[start]!;
    let name: string | undefined;
    if (c === '"' || c === "'") {
      name = this.string(c);
    } else if (/[A-Za-z_$]/.test(c)) {
      const end = this.tokenEnd(start);
      name = this.text.slice(start, end);
      this.soft('unquoted-key', `Keys are quoted in JSON: write "${name}".`, start, end, JSON.stringify(name));
      this.pos = end;
    } else {
      this.fail('unexpected', `Expected a quoted key or }, found ${describe(c)}.`, start, start + 1);
      return;
    }
    if (name === undefined) return;
    const first = top.keys.get(name);
    if (first !== undefined) {
      this.problems.push({
        kind: 'duplicate-key',
        message: `"${name}" is set twice in this object: Go's JSON decoder keeps the last one and drops the first.`,
        start,
        end: this.pos,
        fatal: false,
        firstAt: first,
      });
    } else {
      top.keys.set(name, start);
    }
    top.state = 'afterKey';
  }

  /** One value; a container is pushed and read by the loop. Returns false on a fatal problem. */
  private value(): boolean {
    this.skipSpace();
    const start = this.pos;
    const c = this.text[start];
    if (c === undefined) {
      this.fail('unclosed', 'The text ends where a value is expected.', start, start);
      return false;
    }
    if (c === '{' || c === '[') {
      this.pos++;
      this.stack.push({ type: c === '{' ? 'object' : 'array', start, state: 'first', comma: -1, keys: new Map() });
      return true;
    }
    if (c === '"' || c === "'") {
      const read = this.string(c) !== undefined;
      this.lastValueEnd = this.pos;
      return read;
    }
    if (/[-0-9.+]/.test(c)) {
      const end = this.tokenEnd(start);
      const token = this.text.slice(start, end);
      if (!NUMBER.test(token)) {
        this.soft('number', `${token} is not a JSON number (no leading zeros, + signs, bare dots or hex).`, start, end);
      }
      this.pos = this.lastValueEnd = end;
      return true;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const end = this.tokenEnd(start);
      const word = this.text.slice(start, end);
      this.pos = this.lastValueEnd = end;
      if (word === 'true' || word === 'false' || word === 'null') return true;
      if (WHOLE_PLACEHOLDER.test(word)) {
        this.placeholders.push({ name: word, start, end, quoted: false });
        return true;
      }
      const lower = word.toLowerCase();
      const literal = lower === 'true' || lower === 'false' || lower === 'null';
      const hint = literal ? `JSON's ${lower} is written in lowercase` : `quote it ("${word}") or use true, false or null`;
      this.soft('bare-word', `${word} is not a JSON value: ${hint}.`, start, end, literal ? lower : undefined);
      return true;
    }
    this.fail('unexpected', `Expected a value, found ${describe(c)}.`, start, start + 1);
    return false;
  }

  /** A string in double quotes (or single, reported); its decoded content, or undefined when it never closes. */
  private string(quote: '"' | "'"): string | undefined {
    const start = this.pos;
    const singleQuoted = quote === "'" ? this.problems.length : -1;
    if (quote === "'") this.soft('single-quote', 'JSON strings use double quotes.', start, start + 1);
    let i = start + 1;
    let content = '';
    while (i < this.text.length) {
      const c = this.text[i]!;
      if (c === quote) {
        this.pos = i + 1;
        this.notePlaceholders(start + 1, i);
        const problem = this.problems[singleQuoted];
        if (problem) problem.repair = { start, end: i + 1, text: JSON.stringify(content) };
        return content;
      }
      if (c === '\n' || c === '\r') {
        this.fail(
          'string',
          'This string is not closed before the end of the line (a line break inside a string is written \\n).',
          start,
          i,
        );
        return undefined;
      }
      if (c === '\\' && quote === "'") {
        // Inside single quotes a backslash is a character (there are no escapes to read).
        content += c;
        i++;
        continue;
      }
      if (c === '\\') {
        const escaped = this.text[i + 1];
        if (escaped === 'u') {
          const hex = this.text.slice(i + 2, i + 6);
          if (/^[0-9a-fA-F]{4}$/.test(hex)) {
            content += String.fromCharCode(parseInt(hex, 16));
            i += 6;
            continue;
          }
          this.soft('string', '\\u takes exactly four hex digits.', i, Math.min(i + 6, this.text.length));
          i += 2;
          continue;
        }
        if (escaped !== undefined && ESCAPES.has(escaped)) {
          content += escaped;
          i += 2;
          continue;
        }
        this.soft('string', `\\${escaped ?? ''} is not a JSON escape (write \\\\ for a backslash).`, i, i + 2);
        i += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) {
        this.soft(
          'string',
          `A raw ${c === '\t' ? 'tab' : 'control character'} inside a string is not JSON: write ${c === '\t' ? '\\t' : 'an escape'}.`,
          i,
          i + 1,
        );
      }
      content += c;
      i++;
    }
    this.fail('string', 'This string is never closed.', start, start + 1);
    return undefined;
  }

  private notePlaceholders(from: number, to: number): void {
    const inside = this.text.slice(from, to);
    if (!inside.includes('__')) return;
    for (const match of inside.matchAll(PLACEHOLDER)) {
      this.placeholders.push({
        name: match[0],
        start: from + match.index,
        end: from + match.index + match[0].length,
        quoted: true,
      });
    }
  }

  /** Whitespace and comments (reported: JSON has none). */
  private skipSpace(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        this.pos++;
      } else if (c === '#' || (c === '/' && text[this.pos + 1] === '/')) {
        const newline = text.indexOf('\n', this.pos);
        const end = newline === -1 ? text.length : newline;
        this.soft('comment', 'JSON has no comments.', this.pos, end, '');
        this.repairLast(this.wholeLine(this.pos, end));
        this.pos = end;
      } else if (c === '/' && text[this.pos + 1] === '*') {
        const close = text.indexOf('*/', this.pos + 2);
        const end = close === -1 ? text.length : close + 2;
        this.soft('comment', 'JSON has no comments.', this.pos, end, '');
        this.pos = end;
      } else {
        return;
      }
    }
  }

  /**
   * A comment that runs to the end of the text (in a string whose lines were folded into
   * one, a `//` comment eats the rest): it explains why nothing closes, so it is the one
   * message, and it says so.
   */
  private commentToEnd(): boolean {
    const last = this.problems[this.problems.length - 1];
    if (last?.kind !== 'comment' || last.end !== this.text.length) return false;
    last.message = 'JSON has no comments, and this one runs to the end of the text: everything after it is lost.';
    last.fatal = true;
    this.fatal = true;
    return true;
  }

  /** Removing a comment: its whole line when nothing else is on it, else just the comment. */
  private wholeLine(start: number, end: number): { start: number; end: number; text: string } {
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    const alone = /^[ \t]*$/.test(this.text.slice(lineStart, start)) && this.text[end] === '\n';
    return alone ? { start: lineStart, end: end + 1, text: '' } : { start, end, text: '' };
  }

  /** The end of a bare token (a word or a number) starting at `start`. */
  private tokenEnd(start: number): number {
    let end = start + 1;
    while (end < this.text.length && WORD_CHAR.test(this.text[end]!)) end++;
    return end;
  }

  /** A problem the scan reads past; `repair` replaces [start, end) when given. */
  private soft(kind: JsonProblemKind, message: string, start: number, end: number, repair?: string): void {
    const problem: JsonProblem = { kind, message, start, end: Math.min(end, this.text.length), fatal: false };
    if (repair !== undefined) problem.repair = { start, end, text: repair };
    this.problems.push(problem);
  }

  /** Attaches a repair to the problem just reported. */
  private repairLast(repair: { start: number; end: number; text: string }): void {
    const last = this.problems[this.problems.length - 1];
    if (last && !last.fatal) last.repair = repair;
  }

  private fail(kind: JsonProblemKind, message: string, start: number, end: number): void {
    this.problems.push({ kind, message, start, end: Math.min(end, this.text.length), fatal: true });
    this.fatal = true;
  }
}

function describe(c: string): string {
  if (c === '\n' || c === '\r') return 'a line break';
  return `'${c}'`;
}
