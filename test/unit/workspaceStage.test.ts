/**
 * Rules across files run incrementally within a file: an edit that leaves every document's
 * facts as they were (apart from their places) re-judges only the edited document, and the
 * findings of the others are reused at their new lines. Whatever the edit, the result is
 * exactly what a check from scratch gives.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkText } from '../../server/src/service/engine/checkFile';
import { ChunkCache } from '../../server/src/service/engine/chunkCache';
import { applyMutation, mutations } from '../fuzz/mutations';

const root = path.resolve(__dirname, '../../..');
const example = (file: string): string => fs.readFileSync(path.join(root, 'examples', file), 'utf8').trimEnd();

/** Services, the Deployments they select (and one they do not), a quota over them: judgements across documents. */
const stream = [
  example('shop/deployment.yaml'),
  example('shop/service.yaml'),
  example('platform/api.yaml'),
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: lost\n  namespace: shop\nspec:\n  selector:\n    app: nobody\n  ports:\n    - port: 80',
  'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\n  namespace: shop\nspec:\n  hard:\n    requests.cpu: 100m',
].join('\n---\n');

const fresh = (text: string) => checkText(text, { languageId: 'yaml' });

test('a comment in one document: only it is judged again, the others are reused at their new lines', () => {
  const cache = new ChunkCache();
  const first = checkText(stream, { languageId: 'yaml', cache });
  assert.equal(cache.workspace.lastRun, 'full');
  assert.ok(
    first.some((f) => f.ruleId === 'service-selects-nothing'),
    'a finding across documents exists',
  );
  const edited = stream.replace(
    'kind: Service\nmetadata:\n  name: lost',
    '# a comment\n# another\nkind: Service\nmetadata:\n  name: lost',
  );
  const second = checkText(edited, { languageId: 'yaml', cache });
  assert.equal(cache.workspace.lastRun, 'partial');
  assert.deepEqual(second, fresh(edited));
  const before = first.find((f) => f.ruleId === 'service-selects-nothing');
  const after = second.find((f) => f.ruleId === 'service-selects-nothing');
  assert.equal(after?.range.start.line, (before?.range.start.line ?? 0) + 2, 'the finding moved with its document');
});

test('a line added above every document moves every finding, and nothing is judged again', () => {
  const cache = new ChunkCache();
  checkText(stream, { languageId: 'yaml', cache });
  const edited = `# top\n${stream}`;
  // The first document's text changed: it is the one re-judged; the rest move by a line.
  assert.deepEqual(checkText(edited, { languageId: 'yaml', cache }), fresh(edited));
  assert.equal(cache.workspace.lastRun, 'partial');
  assert.deepEqual(checkText(edited, { languageId: 'yaml', cache }), fresh(edited));
  assert.equal(cache.workspace.lastRun, 'reused', 'the same text again reuses everything');
});

test('a changed fact (a label the Service selects) re-judges what reads it, and gives what a check from scratch gives', () => {
  const cache = new ChunkCache();
  const first = checkText(stream, { languageId: 'yaml', cache });
  const edited = stream.replace('app: nobody', 'app: shop-frontend');
  const second = checkText(edited, { languageId: 'yaml', cache });
  assert.equal(cache.workspace.lastRun, 'partial');
  assert.deepEqual(cache.workspace.lastStats?.changedKinds, ['service']);
  assert.deepEqual(second, fresh(edited));
  assert.ok(first.some((f) => f.ruleId === 'service-selects-nothing'));
  assert.ok(!second.some((f) => f.ruleId === 'service-selects-nothing' && f.message.includes('lost')));
});

test('any sequence of edits gives what a check from scratch gives', () => {
  fc.assert(
    fc.property(fc.array(mutations, { minLength: 1, maxLength: 4 }), (steps) => {
      const cache = new ChunkCache();
      let text = stream;
      checkText(text, { languageId: 'yaml', cache });
      for (const edits of steps) {
        text = edits.reduce(applyMutation, text);
        assert.deepEqual(checkText(text, { languageId: 'yaml', cache }), fresh(text));
      }
    }),
    { numRuns: 150, seed: 20261202 },
  );
});
