/**
 * The per-document cache keeps what later checks and features read (findings, facts, a line
 * index), never the parse tree: a `yaml` Document of a small manifest takes about 12 KB, and a
 * 5,000-document file held 60 MB of them for as long as it was open. Hovers, completion and code
 * actions parse again the one document they are about (features/rememberedText.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { LineCounter, isDocument, isNode, isPair } from 'yaml';
import * as parseChunkModule from '../../server/src/service/document/parseChunk';
import { checkTextWithFacts } from '../../server/src/service/engine/checkFile';
import { ChunkCache } from '../../server/src/service/engine/chunkCache';
import { lintChunk } from '../../server/src/service/engine/lintChunk';
import type { ChunkResult } from '../../server/src/service/engine/lintChunk';
import { conflist, inNetworkAttachment } from '../support/cniCases';

const deployment = (name: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{containerPort: 80}]
`;

const service = (name: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: {app: ${name}}\n  ports: [{port: 80}]\n`;

const kustomization = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\n';

/** A go-yaml-lenient quoted scalar: parsed from a relaxed text (parseChunk.ts). */
const lenientNetwork = inNetworkAttachment('{\n"cniVersion": "1.0.0",\n"type": "bridge",\n"name": "lan"\n}');

/** Every value reachable from `root` through properties, array items, map and set entries. */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>();
  const stack = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) continue;
    seen.add(value);
    if (value instanceof Map) for (const [key, item] of value) stack.push(key, item);
    else if (value instanceof Set) for (const item of value) stack.push(item);
    if (typeof value === 'object') for (const key of Object.keys(value)) stack.push((value as Record<string, unknown>)[key]);
  }
  return [...seen];
}

describe('the document cache keeps no parse trees', () => {
  for (const [name, text, filePath] of [
    ['a Deployment', deployment('shop'), undefined],
    ['a Service', service('shop'), undefined],
    ['a kustomization', kustomization, '/repo/kustomization.yaml'],
    ['a NetworkAttachmentDefinition with a lenient scalar', lenientNetwork, undefined],
    ['a .conflist', conflist('{"type": "bridge"}'), '/etc/cni/net.d/10-pod.conflist'],
    ['a document with a syntax error', 'apiVersion: v1\nkind: Pod\nmetadata: {name: [\n', undefined],
  ] as const) {
    test(`${name}: no yaml Document, node or pair, and no closure that could hide one`, () => {
      const languageId = filePath?.endsWith('.conflist') ? 'json' : 'yaml';
      const result: ChunkResult = lintChunk(text, undefined, { filePath, languageId });
      const values = reachable(result);
      assert.deepEqual(
        values.filter((value) => isDocument(value) || isNode(value) || isPair(value)),
        [],
      );
      // A closure's captured variables are out of a walk's sight: there must be none to hide a tree
      // (but the line index's own methods, which close over the index alone).
      const counters = values.filter((value): value is LineCounter => value instanceof LineCounter);
      const methods = new Set<unknown>(counters.flatMap((counter) => [counter.addNewLine, counter.linePos]));
      assert.deepEqual(
        values.filter((value) => typeof value === 'function' && !methods.has(value)),
        [],
      );
      assert.ok(result.lines.lineStarts.length >= text.split('\n').length - 1, 'the line index stays');
    });
  }

  test('after a check and a GC, every tree the check parsed is gone while the cache still answers', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const trees: WeakRef<object>[] = [];
    const original = parseChunkModule.parseChunk;
    // The engine calls the module's export at run time (CommonJS): each parse is seen here.
    const module = parseChunkModule as { parseChunk: typeof original };
    module.parseChunk = (source: string) => {
      const parsed = original(source);
      if (parsed.doc) trees.push(new WeakRef(parsed.doc));
      return parsed;
    };
    const cache = new ChunkCache();
    const text = Array.from({ length: 20 }, (_, i) => `${deployment(`app-${i}`)}---\n${service(`app-${i}`)}`).join('---\n');
    let first: number;
    try {
      first = checkTextWithFacts(text, { languageId: 'yaml', cache }).findings.length;
    } finally {
      module.parseChunk = original;
    }
    assert.equal(trees.length, 40, 'the check parsed each document once');
    // WeakRef targets live until the end of the job that made them: collect in a later one.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.deepEqual(
      trees.filter((tree) => tree.deref() !== undefined).length,
      0,
      'no tree survives the check (the cache holds findings, facts and line starts)',
    );
    const again = checkTextWithFacts(text, { languageId: 'yaml', cache });
    assert.equal(again.findings.length, first);
    assert.equal(cache.hits, 40, 'the second check re-parsed nothing');
  });
});
