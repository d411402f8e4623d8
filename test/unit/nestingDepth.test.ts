import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exceedsNesting, MAX_NESTING } from '../../server/src/service/document/nestingDepth';
import { checkText } from '../../server/src/service/engine/checkFile';

const blockNesting = (levels: number): string =>
  Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' leaf\n';

test('deep block or flow nesting is refused before parsing, with one clear finding', () => {
  assert.equal(exceedsNesting(blockNesting(MAX_NESTING + 10)), true);
  assert.equal(exceedsNesting(`a: ${'['.repeat(MAX_NESTING + 1)}`), true);
  assert.equal(
    exceedsNesting(`a: ${'- '.repeat(MAX_NESTING + 1)}x`),
    false,
    'compact sequences after a key are not at line start',
  );
  assert.equal(exceedsNesting(`${'- '.repeat(MAX_NESTING + 1)}x`), true, 'compact sequences at line start nest');
  const findings = checkText(blockNesting(2000), { languageId: 'yaml' });
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    ['yaml-syntax'],
  );
  assert.match(findings[0]!.message, /nests deeper than 500 levels/);
});

test('ordinary deep manifests and dash-heavy text are not mistaken for hostile nesting', () => {
  assert.equal(exceedsNesting(blockNesting(60)), false);
  assert.equal(exceedsNesting(`banner: |\n  ${'-'.repeat(5000)}\n`), false);
  assert.equal(exceedsNesting(`list: ${'[]'.repeat(5000)}`), false, 'closed brackets do not accumulate');
});

test('a flood of syntax errors is one finding, at the first, counting the rest', () => {
  // Issue 8: one mistake makes the parser stumble many times after it; a wall of errors helps nobody.
  const text = Array.from({ length: 200 }, (_, i) => `k${i}: [unclosed`).join('\n');
  const findings = checkText(text, { languageId: 'yaml' });
  assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
  assert.match(findings[0]!.message, /\(and \d+ more errors in this document that probably follow from it\)$/);
});
