/**
 * An edit to one document of a multi-document file re-parses and re-checks that
 * document only; the others come from the cache and keep correct positions.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../server/src/service/engine/checkFile';
import { ChunkCache } from '../../server/src/service/engine/chunkCache';

/** A Pod complete but for its probes: two findings (liveness, readiness), at its container on line index 6. */
const pod = (name: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: ${name}-app\n      image: app:1\n` +
  '      resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}\n      ports: [{containerPort: 8080}]\n';

test('editing one of three documents re-checks only that one', () => {
  const cache = new ChunkCache();
  const original = [pod('a'), pod('b'), pod('c')].join('---\n');
  const first = checkText(original, { languageId: 'yaml', cache });
  assert.equal(cache.misses, 3);
  assert.equal(first.length, 6);

  const edited = [
    pod('a'),
    pod('b').replace('image: app:1', 'image: app:2\n      readinessProbe:\n        tcpSocket: {port: 8080}'),
    pod('c'),
  ].join('---\n');
  const second = checkText(edited, { languageId: 'yaml', cache });
  assert.equal(cache.misses, 4, 'only the edited document was parsed again');
  assert.equal(cache.hits, 2);
  assert.deepEqual(
    second.map((f) => [f.ruleId, f.container, f.range.start.line]),
    [
      ['missing-liveness-probe', 'a-app', 6],
      ['missing-readiness-probe', 'a-app', 6],
      ['missing-liveness-probe', 'b-app', 17],
      // c moved down by the two inserted lines; its cached findings are shifted with it.
      ['missing-liveness-probe', 'c-app', 30],
      ['missing-readiness-probe', 'c-app', 30],
    ],
  );
  assert.equal(cache.size, 3, 'the cache holds the current documents only');
});

test('repeated documents each keep their own positions', () => {
  const cache = new ChunkCache();
  const findings = checkText([pod('same'), pod('same')].join('---\n'), { languageId: 'yaml', cache });
  assert.equal(cache.misses, 2, 'the first document text and the second (which starts with ---) differ');
  assert.equal(findings.length, 4);
  assert.deepEqual(
    findings.map((f) => f.range.start.line),
    [6, 6, 17, 17],
  );
});

test('a suppression typed into one document of a stream without any applies, and goes when removed', () => {
  const cache = new ChunkCache();
  const original = [pod('a'), pod('b'), pod('c')].join('---\n');
  const fresh = (text: string) => checkText(text, { languageId: 'yaml' });
  assert.deepEqual(checkText(original, { languageId: 'yaml', cache }), fresh(original));
  const directive = '    # kubewise-disable-next-line missing-liveness-probe -- checked by the mesh\n';
  const suppressed = original.replace('    - name: b-app', `${directive}    - name: b-app`);
  const withDirective = checkText(suppressed, { languageId: 'yaml', cache });
  assert.deepEqual(withDirective, fresh(suppressed));
  assert.equal(withDirective.filter((f) => f.ruleId === 'missing-liveness-probe').length, 2, "b's is suppressed");
  const stale = suppressed.replace('    - name: b-app', '    - name: b-app\n      livenessProbe: {tcpSocket: {port: 8080}}');
  assert.ok(checkText(stale, { languageId: 'yaml', cache }).some((f) => f.ruleId === 'unused-disable-directive'));
  assert.deepEqual(checkText(original, { languageId: 'yaml', cache }), fresh(original));
});
