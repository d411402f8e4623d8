// What hovers, completion and code actions remember between requests, and that it never goes
// stale: an edit is a new text, and every answer follows the text it is asked about.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt } from '../../server/src/service/features/hover';
import { quickFixes } from '../../server/src/service/features/codeActions';
import { completeAt } from '../../server/src/service/features/completion';
import { chunkAt, TextMemo } from '../../server/src/service/features/rememberedText';
import { chunkAtLine } from '../../server/src/service/document/chunkAtLine';
import { splitYamlDocuments } from '../../server/src/service/document/splitDocuments';
import { parseChunk } from '../../server/src/service/document/parseChunk';
import { checkText, factsOfText } from '../../server/src/service/engine/checkFile';
import { warmRequests } from '../../server/src/lsp/warmUp';

const deployment = (name: string, track: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels:
        app: ${name}
        track: ${track}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

const positionOf = (text: string, needle: string, after = 0) => {
  const offset = text.indexOf(needle, after);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') };
};

test('a label hover follows an edit of another document of the same file', () => {
  const first = [deployment('a', 'stable'), deployment('b', 'stable')].join('---\n');
  const at = positionOf(first, 'track:', first.indexOf('template:'));
  assert.match(hoverAt(first, 'yaml', [], at)?.markdown ?? '', /\*\*1\*\* distinct value/);
  // The second document's value changes; the hovered document is the same text as before.
  const edited = [deployment('a', 'stable'), deployment('b', 'canary')].join('---\n');
  assert.match(hoverAt(edited, 'yaml', [], at)?.markdown ?? '', /\*\*2\*\* distinct values/);
  // And back: the answer is the first text's again, not the latest computed one.
  assert.match(hoverAt(first, 'yaml', [], at)?.markdown ?? '', /\*\*1\*\* distinct value/);
});

test('a field hover follows an edit of the hovered document', () => {
  const text = deployment('a', 'stable');
  const at = positionOf(text, 'replicas');
  assert.match(hoverAt(text, 'yaml', [], at)?.markdown ?? '', /\*\*spec\.replicas\*\*/);
  const moved = text.replace('  replicas: 2\n', '  paused: true\n  replicas: 2\n');
  assert.match(hoverAt(moved, 'yaml', [], at)?.markdown ?? '', /\*\*spec\.paused\*\*/);
});

test('the memo keeps the newest entries, by count and by size, and always the latest', () => {
  const memo = new TextMemo<number>(2, 10);
  let made = 0;
  const get = (key: string) => memo.get(key, () => ++made);
  assert.equal(get('a'), 1);
  assert.equal(get('b'), 2);
  assert.equal(get('a'), 1, 'remembered');
  assert.equal(get('c'), 3);
  assert.equal(get('a'), 1, 'used last, so kept');
  assert.equal(get('b'), 4, 'the oldest went first');
  assert.equal(get('x'.repeat(50)), 5);
  assert.equal(memo.size, 1, 'over the size bound: only the latest stays');
});

test('the document of a line, found from the line, is the one the split gives', () => {
  const text = 'a: 1\n---\nb: 2\nc: 3\n---\nd: 4\n';
  const chunks = splitYamlDocuments(text);
  const expected = (line: number) => chunks.filter((chunk) => chunk.startLine <= line).pop();
  const found = (line: number) => {
    const chunk = chunkAt(text, 'yaml', line);
    return chunk && { text: chunk.text, startOffset: chunk.startOffset, startLine: chunk.startLine };
  };
  for (let line = 0; line < 7; line++) assert.deepEqual(found(line), expected(line), `line ${line}`);
  assert.equal(chunkAt(text, 'yaml', 7), undefined, 'past the last line');
  assert.deepEqual(chunkAt(text, 'json', 3), { text, startOffset: 0, startLine: 0 });
});

test("any stream, any line: the document found from the line is the split's", () => {
  // Lines that start documents, look like markers but are not, open the first document, or are content.
  const vocabulary = [
    '---',
    '--- ',
    '---\r',
    '--- !tag',
    '----',
    '---x',
    ' ---',
    '# note',
    '',
    '\r',
    '%YAML 1.2',
    '...',
    'a: 1',
    'b: |',
    '  ---',
  ];
  let seed = 7;
  const random = (below: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % below;
  };
  for (let round = 0; round < 400; round++) {
    const lines = Array.from({ length: 1 + random(12) }, () => vocabulary[random(vocabulary.length)] ?? '');
    const text = lines.join('\n') + (random(2) === 0 ? '\n' : '');
    const chunks = splitYamlDocuments(text);
    const lineCount = text.split('\n').length;
    for (let line = 0; line < lineCount; line++) {
      const split = chunks.filter((chunk) => chunk.startLine <= line).pop();
      const found = chunkAtLine(text, line);
      assert.deepEqual(
        found && { text: found.text, startOffset: found.startOffset, startLine: found.startLine },
        split,
        `${JSON.stringify(text)} line ${line}`,
      );
      assert.ok(found && line < found.startLine + found.lineCount, `${JSON.stringify(text)} line ${line}: within its lines`);
      assert.equal(
        found.lineCount,
        found.text.split('\n').length -
          (found.text.endsWith('\n') && found.startOffset + found.text.length < text.length ? 1 : 0),
      );
    }
    assert.equal(chunkAtLine(text, lineCount), undefined);
  }
});

test('a large document is parsed once for the check and the requests after it', () => {
  const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${Array.from({ length: 8_000 }, (_, i) => `  k${i}: "v${i}"`).join('\n')}\n`;
  assert.ok(big.length > 64 * 1024);
  assert.equal(parseChunk(big), parseChunk(big));
  assert.notEqual(parseChunk('a: 1\n'), parseChunk('a: 1\n'), 'small documents are not kept');
});

test('"disable for this line" is offered outside strings and not inside one, in a file past 512 KB too', () => {
  const configMap = (i: number) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  script: |\n    echo one\n    echo two\n  padding: ${'x'.repeat(400)}\n`;
  const filler = Array.from({ length: 1_200 }, (_, i) => configMap(i)).join('---\n');
  const text = `${filler}---\n${deployment('a', 'stable')}`;
  assert.ok(text.length > 512 * 1024);
  const findings = checkText(text, { languageId: 'yaml', maxFileSizeBytes: 8 * 1024 * 1024 }).filter(
    (finding) => finding.ruleId === 'missing-liveness-probe',
  );
  assert.equal(findings.length, 1);
  const finding = findings[0]!;
  const disable = quickFixes(text, findings).find((action) => action.title.startsWith('Disable'));
  assert.deepEqual(disable?.edits, [
    {
      range: { start: { line: finding.range.start.line, character: 0 }, end: { line: finding.range.start.line, character: 0 } },
      newText: '        # kubewise-disable-next-line missing-liveness-probe\n',
    },
  ]);
  // A finding on a line inside a block scalar: a comment there would become part of the string.
  const inside = { ...finding, range: { start: { line: 7, character: 4 }, end: { line: 7, character: 8 } } };
  assert.ok(!quickFixes(text, [inside]).some((action) => action.title.startsWith('Disable')));
});

test("completion on a written key reads the document as it stands, with the placeholder's answer", () => {
  const text = deployment('a', 'stable');
  const lines = text.split('\n');
  let compared = 0;
  lines.forEach((line, index) => {
    const written = /^(\s+(?:- )?)([\w.-]+): (\S+)$/.exec(line);
    if (!written) return;
    const [, lead = '', key = '', value = ''] = written;
    const position = { line: index, character: lead.length };
    // An anchor on the value sends the request the placeholder's way; the placeholder replaces the line anyway.
    const anchored = [...lines.slice(0, index), `${lead}${key}: &mark ${value}`, ...lines.slice(index + 1)].join('\n');
    assert.deepEqual(completeAt(text, 'yaml', position), completeAt(anchored, 'yaml', position), `line ${index}: ${line}`);
    compared++;
  });
  assert.ok(compared >= 5, `${compared} lines compared`);
  assert.ok(completeAt(text, 'yaml', { line: 5, character: 2 }).some((entry) => entry.label === 'paused'));
});

test("a host that gives the file's own facts (its last check of this text) is believed", () => {
  const text = deployment('a', 'stable');
  const at = positionOf(text, 'track:', text.indexOf('template:'));
  const ownFacts = factsOfText([deployment('a', 'stable'), deployment('b', 'canary')].join('---\n'), { languageId: 'yaml' });
  assert.match(hoverAt(text, 'yaml', [], at, {}, { ownFacts })?.markdown ?? '', /\*\*2\*\* distinct values/);
  assert.match(hoverAt(text, 'yaml', [], at, {}, {})?.markdown ?? '', /\*\*1\*\* distinct value/);
});

test("the server's warm-up asks every request something it answers (so it compiles and loads what they need)", () => {
  const { asked, answered } = warmRequests();
  assert.equal(answered, asked);
  assert.ok(asked >= 7);
  // And leaves nothing behind that a real request could mistake for its own.
  const text = deployment('a', 'stable');
  assert.match(hoverAt(text, 'yaml', [], positionOf(text, 'replicas'))?.markdown ?? '', /\*\*spec\.replicas\*\*/);
});
