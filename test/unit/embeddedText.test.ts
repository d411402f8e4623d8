// Text inside YAML strings: decoding as the YAML parser does, offsets back to the
// document, and edits written in the scalar's own style. The property tests let the
// YAML library write every style and check that what we decode is its value, that each
// offset maps onto the source character it came from, and that every edit we offer
// re-parses to exactly the intended text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isMap, isScalar, LineCounter, parseDocument, Scalar, stringify, visit } from 'yaml';
import { embeddedText } from '../../server/src/service/document/embeddedText';
import type { EmbeddedText } from '../../server/src/service/document/embeddedText';
import { findingOfReport } from '../../server/src/service/engine/lintChunk';
import { locatorOf } from '../../server/src/service/core/ranges';
import { defineEngineDiagnostic } from '../../server/src/service/core/ruleMeta';

/** The embedded text of the value of `key` in a document's top-level map. */
function valueOf(source: string, key = 'config'): { embedded: EmbeddedText | undefined; value: unknown } {
  const doc = parseDocument(source, { keepSourceTokens: false });
  assert.ok(isMap(doc.contents), 'a map');
  const node = doc.contents.get(key, true);
  return { embedded: embeddedText(node, source), value: isScalar(node) ? node.value : undefined };
}

function decoded(source: string, key = 'config'): EmbeddedText {
  const { embedded, value } = valueOf(source, key);
  assert.ok(embedded, `no embedded text for ${JSON.stringify(source)}`);
  assert.equal(embedded.text, value);
  return embedded;
}

/** The document text at the inner range of `needle` (its first occurrence). */
function sourceAt(source: string, embedded: EmbeddedText, needle: string): string {
  const start = embedded.text.indexOf(needle);
  assert.ok(start >= 0, `${needle} is in the text`);
  const [from, to] = embedded.toDocument(start, start + needle.length);
  return source.slice(from, to);
}

function applyEdit(source: string, edit: { start: number; end: number; text: string }): string {
  return source.slice(0, edit.start) + edit.text + source.slice(edit.end);
}

/** Edits the inner text and returns the new document's value, asserting the document still parses cleanly. */
function editAndReparse(source: string, embedded: EmbeddedText, start: number, end: number, replacement: string): string {
  const edit = embedded.edit(start, end, replacement);
  assert.ok(edit, `an edit of [${start}, ${end}) to ${JSON.stringify(replacement)} in ${embedded.style}`);
  const edited = applyEdit(source, edit);
  const doc = parseDocument(edited);
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
    edited,
  );
  const value = (doc.contents as { get(key: string): unknown }).get('config');
  assert.equal(typeof value, 'string');
  return value as string;
}

const CNI = '{\n  "cniVersion": "1.0.0",\n  "name": "net",\n  "type": "bridge"\n}\n';

describe('embeddedText: decoding and offsets', () => {
  test('a block literal: every character maps to itself, line breaks carry the next indentation', () => {
    const source = `apiVersion: v1\nkind: ConfigMap\nconfig: |\n${CNI.replace(/^(?=.)/gm, '    ')}other: 1\n`;
    const embedded = decoded(source);
    assert.equal(embedded.style, 'block-literal');
    assert.equal(embedded.text, CNI);
    assert.equal(sourceAt(source, embedded, '"bridge"'), '"bridge"');
    assert.equal(sourceAt(source, embedded, '"1.0.0",\n  "name"'), '"1.0.0",\n      "name"');
    const [start] = embedded.toDocument(embedded.text.indexOf('"name"'), embedded.text.indexOf('"name"') + 1);
    assert.equal(source.slice(0, start).split('\n').length, 6, 'line 6 of the document');
  });

  test('a block literal with CRLF line endings, keep and strip chomping, a header comment', () => {
    const crlf = decoded('config: |  # the CNI config\r\n  {"a": 1}\r\n  {"b": 2}\r\n');
    assert.equal(crlf.text, '{"a": 1}\n{"b": 2}\n');
    assert.equal(crlf.toDocument(8, 9).length, 2);
    const [from, to] = crlf.toDocument(8, 9);
    assert.equal(to - from, 4, 'the break spans \\r\\n and the next indentation');
    assert.equal(decoded('config: |+\n  x\n\n\nnext: 1\n').text, 'x\n\n\n');
    assert.equal(decoded('config: |-\n  x\n\n').text, 'x');
    assert.equal(decoded('config: |\n  x').text, 'x\n', 'no line break at the end of the file: the parser adds one');
  });

  test('explicit indentation indicators, in a map and in a sequence item', () => {
    assert.equal(decoded('config: |2\n    two more\n   one more\n').text, '  two more\n one more\n');
    const source = 'list:\n  - a\nconfig: |1\n  {"x": 1}\n';
    assert.equal(sourceAt(source, decoded(source), '{"x": 1}'), '{"x": 1}');
  });

  test('a folded block: folds, empty lines and more-indented lines', () => {
    const source = 'config: >\n  one\n  two\n\n  three\n    indented\n  four\n';
    const embedded = decoded(source);
    assert.equal(embedded.text, 'one two\nthree\n  indented\nfour\n');
    assert.equal(sourceAt(source, embedded, 'two'), 'two');
    assert.equal(sourceAt(source, embedded, 'e two'), 'e\n  two');
  });

  test('double quotes: escapes map to their escape sequences, folds to the folded whitespace', () => {
    const source = 'config: "{\\"type\\": \\"br\\u0069dge\\",   \n    \\"mtu\\": \\x31500}"\n';
    const embedded = decoded(source);
    assert.equal(embedded.text, '{"type": "bridge",   "mtu": 1500}'.replace('",   "', '", "'));
    assert.equal(sourceAt(source, embedded, '"type"'), '\\"type\\"');
    assert.equal(sourceAt(source, embedded, 'i'), '\\u0069');
    assert.equal(sourceAt(source, embedded, '1'), '\\x31');
    assert.equal(sourceAt(source, embedded, ', "mtu'), ',   \n    \\"mtu');
  });

  test('double quotes: escaped line breaks, empty lines, astral escapes, tabs', () => {
    assert.equal(decoded('config: "a\\\n   b"\n').text, 'ab');
    assert.equal(decoded('config: "a\n\n   b"\n').text, 'a\nb');
    assert.equal(decoded('config: "a \\\n\n\n  b"\n').text, 'a \nb');
    const astral = decoded('config: "x\\U0001F600y"\n');
    assert.equal(astral.text, 'x\u{1F600}y');
    assert.deepEqual(astral.toDocument(1, 3), [10, 20]);
    assert.equal(decoded('config: "\\ta\\\tb"\n').text, '\ta\tb');
  });

  test('single quotes and plain scalars fold the same way', () => {
    const single = "config: '{\"a\": ''x''\n   ,  \"b\": 2}'\n";
    const embedded = decoded(single);
    assert.equal(embedded.text, `{"a": 'x' ,  "b": 2}`);
    assert.equal(sourceAt(single, embedded, "'x'"), "''x''");
    assert.equal(decoded('config: plain text\n  continued here\n').text, 'plain text continued here');
  });

  test('what is not a string, or does not decode as the parser does, has no embedded text', () => {
    assert.equal(valueOf('config: 12\n').embedded, undefined);
    assert.equal(valueOf('config: {a: 1}\n').embedded, undefined);
    assert.equal(valueOf('config: ~\n').embedded, undefined);
    // Invalid escapes and bad indentation: the parser reports them; we map nothing.
    assert.equal(valueOf('config: "a\\qb"\n').embedded, undefined);
    assert.equal(valueOf('config: "\\x4"\n').embedded, undefined);
    assert.equal(embeddedText(undefined, ''), undefined);
    assert.equal(embeddedText({ value: 'x', range: [0, 1] }, 'x'), undefined, 'not a node');
    const stale = new Scalar('abc');
    stale.range = [0, 999, 999];
    assert.equal(embeddedText(stale, 'abc'), undefined, 'a range outside the source');
  });

  test('anchors and tags before the scalar, an alias to it, the empty string', () => {
    const source = 'base: &cfg !!str |\n  {"a": 1}\nconfig: *cfg\n';
    const doc = parseDocument(source);
    const alias = (doc.contents as { get(k: string, keep: true): unknown }).get('config', true);
    const target = (alias as { resolve(doc: unknown): unknown }).resolve(doc);
    const embedded = embeddedText(target, source);
    assert.ok(embedded);
    assert.equal(sourceAt(source, embedded, '"a"'), '"a"');
    const empty = decoded('config: ""\n');
    assert.equal(empty.text, '');
    assert.deepEqual(empty.toDocument(0, 0), [9, 9]);
  });

  test('document offsets map back to the unit they hold', () => {
    const source = 'config: "a\\u0062c\n    d"\n';
    const embedded = decoded(source);
    assert.equal(embedded.text, 'abc d');
    assert.equal(embedded.fromDocument(9), 0);
    assert.equal(embedded.fromDocument(source.indexOf('\\u0062') + 3), 1, 'inside an escape: its unit');
    assert.equal(embedded.fromDocument(source.indexOf('c\n')), 2);
    assert.equal(embedded.fromDocument(source.indexOf('d"')), 4);
    assert.equal(embedded.fromDocument(8), undefined, 'the opening quote');
    assert.equal(embedded.fromDocument(source.length - 2), undefined, 'the closing quote');
    for (let i = 0; i < embedded.text.length; i++) assert.equal(embedded.fromDocument(embedded.toDocument(i, i + 1)[0]), i);
  });

  test('out-of-range requests clamp instead of throwing', () => {
    const embedded = decoded('config: "abc"\n');
    assert.deepEqual(embedded.toDocument(-5, 2), [9, 11]);
    assert.deepEqual(embedded.toDocument(2, 99), [11, 12]);
    assert.deepEqual(embedded.toDocument(99, 99), [12, 12]);
    assert.equal(embedded.edit(2, 1, 'x'), undefined);
    assert.equal(embedded.edit(0, 99, 'x'), undefined);
  });

  test('a large value decodes in linear time', () => {
    const big = `{${Array.from({ length: 20000 }, (_, i) => `"k${i}": "v${i}"`).join(',\n')}}`;
    const source = `config: |\n${big.replace(/^/gm, '  ')}\n`;
    const started = performance.now();
    const embedded = decoded(source);
    assert.equal(embedded.text, `${big}\n`);
    assert.ok(performance.now() - started < 2000);
    assert.equal(sourceAt(source, embedded, '"k19999"'), '"k19999"');
  });
});

describe('embeddedText: edits in the scalar’s style', () => {
  test('block literal: a token replaced in place, line breaks indented', () => {
    const source = `config: |\n${CNI.replace(/^(?=.)/gm, '  ')}`;
    const embedded = decoded(source);
    const at = embedded.text.indexOf('"bridge"');
    const edit = embedded.edit(at, at + 8, '"macvlan"');
    assert.deepEqual(edit && applyEdit(source, edit), source.replace('"bridge"', '"macvlan"'));
    const insertAt = embedded.text.indexOf('  "type"');
    const value = editAndReparse(source, embedded, insertAt, insertAt, '  "mtu": 1500,\n');
    assert.equal(value, CNI.replace('  "type"', '  "mtu": 1500,\n  "type"'));
    const multi = embedded.edit(insertAt, insertAt, '  "a": 1,\n');
    assert.ok(multi);
    assert.equal(multi.text, '  "a": 1,\n  ', 'the new line is indented like the block');
  });

  test('block literal in a CRLF document: new lines use CRLF', () => {
    const source = 'config: |\r\n  {"a": 1}\r\n';
    const embedded = decoded(source);
    const edit = embedded.edit(1, 1, '\n');
    assert.equal(edit?.text, '\r\n  ');
  });

  test('double quotes: quotes, backslashes and line breaks are escaped', () => {
    const source = 'config: "{\\"name\\": \\"a\\"}"\n';
    const embedded = decoded(source);
    const at = embedded.text.indexOf('"a"');
    const edit = embedded.edit(at, at + 3, '"b\\\\c\n"');
    assert.equal(edit?.text, '\\"b\\\\\\\\c\\n\\"');
    assert.equal(editAndReparse(source, embedded, at, at + 3, '"b\\\\c\n"'), '{"name": "b\\\\c\n"}');
  });

  test('double quotes: a space next to a fold survives as an escaped space', () => {
    const source = 'config: "{\\"a\\":\n    1}"\n';
    const embedded = decoded(source);
    assert.equal(embedded.text, '{"a": 1}');
    const at = embedded.text.indexOf(' 1');
    assert.equal(editAndReparse(source, embedded, at, at + 1, '  '), '{"a":  1}');
  });

  test('single quotes double their quotes; a line break cannot be written there', () => {
    const source = 'config: \'{"a": "x"}\'\n';
    const embedded = decoded(source);
    const at = embedded.text.indexOf('"x"');
    assert.equal(embedded.edit(at, at + 3, "'y'")?.text, "''y''");
    assert.equal(embedded.edit(at, at + 3, 'a\nb'), undefined);
  });

  test('plain scalars take only text that stays plain', () => {
    const source = 'config: some words\n';
    const embedded = decoded(source);
    assert.equal(embedded.edit(0, 4, 'many')?.text, 'many');
    assert.equal(embedded.edit(0, 4, 'a: b'), undefined);
    assert.equal(embedded.edit(0, 4, 'a #b'), undefined);
    assert.equal(embedded.edit(0, 4, '{x}'), undefined);
  });

  test('control characters only in double quotes', () => {
    const block = decoded('config: |\n  ab\n');
    assert.equal(block.edit(0, 1, '\u0001'), undefined);
    const double = decoded('config: "ab"\n');
    assert.equal(double.edit(0, 1, '\u0001')?.text, '\\x01');
  });

  test('an edit that the block cannot hold is not offered', () => {
    const source = 'config: |\n  ab\n';
    const embedded = decoded(source);
    // Appending after the final line break would start a line at column 0, outside the block.
    assert.equal(embedded.edit(3, 3, 'x'), undefined);
  });
});

describe('embeddedText: properties over every style the YAML library writes', () => {
  const STRING_TYPES = ['BLOCK_LITERAL', 'BLOCK_FOLDED', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'PLAIN'] as const;
  const text = fc.string({
    unit: fc.constantFrom('a', 'b', ' ', '\n', '"', "'", '\\', '{', '}', ':', '#', '\t', 'é', '\u{1F600}'),
  });
  const layout = fc.record({
    value: text,
    type: fc.constantFrom(...STRING_TYPES),
    nested: fc.boolean(),
    lineWidth: fc.constantFrom(0, 20, 80),
  });

  const documentFor = (value: string, type: (typeof STRING_TYPES)[number], nested: boolean, lineWidth: number): string => {
    const inner = stringify({ config: value }, { defaultStringType: type, lineWidth, minContentWidth: 0 });
    return nested ? `outer:\n${inner.replace(/^(?=.)/gm, '  ')}`.replace(/^outer:\n {2}/, 'outer:\n  ') : inner;
  };

  const scalarIn = (source: string, nested: boolean): unknown => {
    const doc = parseDocument(source);
    const map = nested ? (doc.contents as { get(k: string): unknown }).get('outer') : doc.contents;
    return (map as { get(k: string, keep: true): unknown }).get('config', true);
  };

  test('decoded text is the parsed value; each unit maps onto the source it came from', () => {
    fc.assert(
      fc.property(layout, ({ value, type, nested, lineWidth }) => {
        const source = documentFor(value, type, nested, lineWidth);
        const node = scalarIn(source, nested);
        const embedded = embeddedText(node, source);
        if (!embedded) return; // a style the library fell back from; nothing to map
        // The parsed value, not the one written: the library does not round-trip every string.
        assert.ok(isScalar(node));
        assert.equal(embedded.text, node.value);
        for (let i = 0; i < embedded.text.length; i++) {
          const [from, to] = embedded.toDocument(i, i + 1);
          assert.ok(from >= 0 && to <= source.length && from <= to);
          const char: string = embedded.text[i]!;
          if (/[ab{}:#é]/.test(char) && embedded.style !== 'double-quoted') assert.equal(source.slice(from, to), char);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('the styles the library writes are all mapped (plain and single-quoted when it can use them)', () => {
    for (const type of STRING_TYPES) {
      const source = documentFor('{"a": 1, "b": [2]}', type, false, 80);
      assert.ok(embeddedText(scalarIn(source, false), source), type);
    }
  });

  test('every offered edit re-parses to exactly the intended text', () => {
    fc.assert(
      fc.property(layout, fc.nat(), fc.nat(), text, ({ value, type, nested, lineWidth }, a, b, replacement) => {
        const source = documentFor(value, type, nested, lineWidth);
        const embedded = embeddedText(scalarIn(source, nested), source);
        if (!embedded) return;
        const length = embedded.text.length;
        const start = length === 0 ? 0 : a % (length + 1);
        const end = start + (length - start === 0 ? 0 : b % (length - start + 1));
        const edit = embedded.edit(start, end, replacement);
        if (!edit) return;
        const edited = applyEdit(source, edit);
        const doc = parseDocument(edited);
        assert.deepEqual(
          doc.errors.map((e) => e.message),
          [],
          `${JSON.stringify(source)} → ${JSON.stringify(edited)}`,
        );
        const after = scalarIn(edited, nested);
        assert.ok(isScalar(after));
        const before = embedded.text;
        assert.equal(after.value, before.slice(0, start) + replacement + before.slice(end), JSON.stringify(edited));
      }),
      { numRuns: 600 },
    );
  });

  test('hostile sources: any scalar of any text maps or declines, never throws or lies', () => {
    const piece = fc.constantFrom(
      'k: ',
      '|',
      '>',
      '-',
      '+',
      '2',
      '"',
      "'",
      '\\',
      'x',
      ' ',
      '\t',
      '\n',
      '\r\n',
      '#',
      '{',
      '[',
      'u00',
      'U0010FFFF',
      '&a ',
      '*a',
      '!!str ',
      '? ',
      '- ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const source = pieces.join('');
        const doc = parseDocument(source, { uniqueKeys: false });
        visit(doc, {
          Scalar(_key, node) {
            const embedded = embeddedText(node, source);
            if (!embedded) return;
            assert.equal(embedded.text, node.value);
            const [from, to] = embedded.toDocument(0, embedded.text.length);
            assert.ok(from >= 0 && to <= source.length && from <= to);
            embedded.edit(0, embedded.text.length, 'x"\n');
          },
        });
      }),
      { numRuns: 3000 },
    );
  });

  test('a block literal offers nearly every edit of printable text, and each one is exact', () => {
    const source = `config: |\n${CNI.replace(/^(?=.)/gm, '  ')}`;
    const embedded = decoded(source);
    let offered = 0;
    let asked = 0;
    fc.assert(
      fc.property(
        fc.nat(CNI.length - 1),
        fc.nat(5),
        fc.string({ unit: fc.constantFrom('a', '"', ' ', '\n', ',', '{') }),
        (s, n, r) => {
          const end = Math.min(CNI.length - 1, s + n);
          asked++;
          // Refused when the block's first line would change its indentation (YAML re-detects it).
          if (!embedded.edit(s, end, r)) return;
          offered++;
          assert.equal(editAndReparse(source, embedded, s, end, r), CNI.slice(0, s) + r + CNI.slice(end));
        },
      ),
      { numRuns: 300 },
    );
    assert.ok(offered / asked > 0.9, `${offered} of ${asked} edits offered`);
  });
});

describe('reports with explicit offsets', () => {
  const meta = defineEngineDiagnostic({
    id: 'test-offsets',
    defaultSeverity: 'warning',
    description: 'A test.',
    why: 'Tests the engine turning offsets into a range.',
    remediation: 'Do nothing.',
    equivalents: [],
    messages: { here: 'Here: {{what}}.' },
  });

  test('the engine turns `at` offsets into a range, and fixes too', () => {
    const text = 'config: |\n  {"a": 1}\n';
    const lineCounter = new LineCounter();
    parseDocument(text, { lineCounter });
    const finding = findingOfReport(
      meta,
      {
        at: [13, 16],
        messageId: 'here',
        data: { what: 'a' },
        fixes: [{ title: 'Fix', edits: [{ start: 13, end: 16, text: '"b"' }] }],
      },
      locatorOf(lineCounter),
    );
    assert.deepEqual(finding.range, { start: { line: 1, character: 3 }, end: { line: 1, character: 6 } });
    assert.equal(finding.message, 'Here: a.');
    assert.deepEqual(finding.fixes[0]?.edits[0]?.range, finding.range);
  });

  test('a node report is located as before', () => {
    const text = 'a: 1\nb: 2\n';
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    const node = (doc.contents as { get(k: string, keep: true): unknown }).get('b', true) as Scalar;
    const finding = findingOfReport(meta, { node, messageId: 'here', data: { what: 'b' } }, locatorOf(lineCounter));
    assert.deepEqual(finding.range, { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } });
  });
});
