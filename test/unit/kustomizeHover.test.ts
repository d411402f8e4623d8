// Hover on a kustomization's paths: what each contributes, as the host resolved it.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { hoverAt } from '../../server/src/service/features/hover';
import { inputsOf } from '../../server/src/host/kustomizeIndex';
import { ReadScope } from '../../server/src/host/readScope';
import { REPO_ROOT } from '../support/ruleTester';

const BROKEN = path.join(REPO_ROOT, 'test/fixtures/kustomize/broken/overlay/kustomization.yaml');
const TEXT = [
  'resources:',
  '  - ../../shop/base',
  '  - ingress.yaml',
  '  - https://example.com/app.yaml',
  'patches:',
  '  - path: replicas.yaml',
  '',
].join('\n');

const hover = (line: number, character: number) =>
  hoverAt(TEXT, 'yaml', [], { line, character }, {}, { kustomize: inputsOf(BROKEN, ReadScope.of([REPO_ROOT]), TEXT) });

test('a base folder lists the objects it builds, generated ones included', () => {
  const result = hover(1, 8);
  assert.ok(result);
  assert.match(result.markdown, /^\*\*resources\*\* `\.\.\/\.\.\/shop\/base`/);
  assert.match(result.markdown, /A kustomization folder contributing 3 objects/);
  assert.match(result.markdown, /- ConfigMap `shop-settings`/);
  assert.match(result.markdown, /- Deployment `shop`/);
  assert.deepEqual(result.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 19 } });
});

test('a missing path, a remote one and a patch file each say what they are', () => {
  assert.match(hover(2, 6)?.markdown ?? '', /does not exist/);
  assert.match(hover(3, 10)?.markdown ?? '', /A remote resource/);
  assert.match(hover(5, 12)?.markdown ?? '', /\*\*patches\*\* `replicas\.yaml`\n\nA file contributing 1 object/);
});

test('a path outside the read scope is neither read nor called missing: the hover says why', () => {
  const overlayOnly = ReadScope.of([path.dirname(BROKEN)]);
  const inputs = inputsOf(BROKEN, overlayOnly, TEXT);
  assert.deepEqual(inputs.paths.get('../../shop/base'), { status: 'outside' });
  assert.equal(inputs.paths.get('ingress.yaml')?.status, 'missing', 'inside the scope, a missing file is still missing');
  const markdown = hoverAt(TEXT, 'yaml', [], { line: 1, character: 8 }, {}, { kustomize: inputs })?.markdown ?? '';
  assert.match(markdown, /lies outside the workspace: Kubewise reads only files inside the workspace folders/);
  assert.doesNotMatch(markdown, /Deployment|does not exist/);
});

test('no hover on a key, or without what the host resolved', () => {
  assert.equal(hover(0, 3), undefined);
  assert.equal(hoverAt(TEXT, 'yaml', [], { line: 1, character: 8 }), undefined);
});
