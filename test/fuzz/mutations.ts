/**
 * Random edits of real manifests, as a user's typing produces them: characters that matter to YAML
 * and JSON inserted anywhere, ranges deleted, lines duplicated, dropped or re-indented, and values
 * swapped for ones the rules judge. fast-check shrinks a failing case to the smallest such edit list.
 */
import fc from 'fast-check';

/** Tokens chosen because each one changes how YAML, JSON, a template check or a rule reads the text. */
const TOKENS = [
  ':',
  ': ',
  '- ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '#',
  '|',
  '>-',
  '? ',
  '&a ',
  '*a',
  '<<: *a',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '!!binary ',
  '!custom ',
  '\uFEFF',
  '\u0000',
  '\uFFFD',
  'é',
  '😀',
  '{{ .Values.x }}',
  '{{- end }}',
  '__MTU__',
  '${IMAGE}',
  '<image>',
  'null',
  '~',
  'true',
  '"true"',
  '100mi',
  '1000',
  '0.5',
  '-1',
  '1e400',
  '2Gi',
  'latest',
  ':latest',
  '@sha256:',
  '0x1F',
  '1_000',
  '.inf',
  'apiVersion: v1\n',
  'kind: Pod\n',
  'kind: Service\n',
  'kind: CustomResourceDefinition\n',
  'metadata:\n',
  'containers:\n',
  'ports:\n',
  'selector:\n',
  'cniVersion',
  '"plugins": [',
  '"type": "bridge"',
];

/** Values put in place of a word: wrong units, wrong types, empty, huge. */
const VALUES = ['', '0', '-5', '100mi', '1000', '1.5e3', 'abc', '[]', '{}', 'null', '"x"', '9'.repeat(40), 'a'.repeat(300)];

export type Mutation =
  | { op: 'insert'; at: number; token: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'removeLine'; line: number }
  | { op: 'indent'; line: number; delta: -2 | -1 | 1 | 2 }
  | { op: 'replaceWord'; word: number; value: string };

/** Positions are fractions of the text, so one case applies to seeds of any length. */
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    at: fraction.map(scale),
    token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fraction.map(scale), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: fraction.map(scale) }),
  fc.record({ op: fc.constant('removeLine' as const), line: fraction.map(scale) }),
  fc.record({
    op: fc.constant('indent' as const),
    line: fraction.map(scale),
    delta: fc.constantFrom(-2 as const, -1 as const, 1 as const, 2 as const),
  }),
  fc.record({ op: fc.constant('replaceWord' as const), word: fraction.map(scale), value: fc.constantFrom(...VALUES) }),
);

/** fast-check's fractions as integers in [0, 1e6): applied modulo the text's size. */
function scale(value: number): number {
  return Math.floor(value * 1_000_000);
}

export function applyMutation(text: string, m: Mutation): string {
  switch (m.op) {
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.token + text.slice(at);
    }
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'duplicateLine':
    case 'removeLine':
    case 'indent':
      return editLine(text, m);
    case 'replaceWord': {
      const words = [...text.matchAll(/[A-Za-z0-9_.]+/g)];
      const word = words[m.word % Math.max(words.length, 1)];
      if (!word || word.index === undefined) return text + m.value;
      return text.slice(0, word.index) + m.value + text.slice(word.index + word[0].length);
    }
  }
}

function editLine(text: string, m: Extract<Mutation, { line: number }>): string {
  const lines = text.split('\n');
  const index = m.line % lines.length;
  const line = lines[index] ?? '';
  if (m.op === 'duplicateLine') lines.splice(index, 0, line);
  else if (m.op === 'removeLine') lines.splice(index, 1);
  else if (m.op === 'indent') {
    lines[index] = m.delta > 0 ? ' '.repeat(m.delta) + line : line.replace(new RegExp(`^ {0,${-m.delta}}`), '');
  }
  return lines.join('\n');
}

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });
