// Rule options: node shape and required resources, from .kubewise.yaml and the editor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../../server/src/service/config/config';
import { DEFAULT_RULE_OPTIONS, resolveRuleOptions } from '../../server/src/service/config/ruleOptions';
import type { RuleOptions } from '../../server/src/service/config/ruleOptions';
import type { NodeShape } from '../../server/src/service/rules/resources/pod-exceeds-node';
import type { ResourceRequirement } from '../../server/src/service/rules/resources/missing-resources';

/** What each configurable rule reads, as the engine hands it over. */
const view = (options: RuleOptions) => ({
  node: options.byRule.get('pod-exceeds-node') as NodeShape,
  requiredResources: options.byRule.get('missing-resources') as readonly ResourceRequirement[],
});
import { ChunkCache } from '../../server/src/service/engine/chunkCache';
import { checkText } from '../../server/src/service/engine/checkFile';

test('defaults: a 2 CPU / 8Gi node; CPU limits not required', () => {
  assert.equal(view(DEFAULT_RULE_OPTIONS).node.cpuNanos, 2_000_000_000n);
  assert.equal(view(DEFAULT_RULE_OPTIONS).node.memoryNanos, 8n * 2n ** 30n * 1_000_000_000n);
  assert.deepEqual(view(DEFAULT_RULE_OPTIONS).requiredResources, ['requests.cpu', 'requests.memory', 'limits.memory']);
});

test('.kubewise.yaml sets node and resources; the editor settings win', () => {
  const parsed = parseConfigText('node:\n  cpu: 4\n  memory: 16Gi\nresources:\n  require: [requests.memory, limits.cpu]\n');
  assert.deepEqual(parsed.findings, []);
  const fromFile = view(resolveRuleOptions(parsed.options));
  assert.equal(fromFile.node.cpu, '4');
  assert.equal(fromFile.node.memory, '16Gi');
  assert.deepEqual(fromFile.requiredResources, ['requests.memory', 'limits.cpu']);
  const withEditor = view(resolveRuleOptions(parsed.options, { node: { cpu: '3920m' } }));
  assert.equal(withEditor.node.cpuNanos, 3_920_000_000n);
  assert.equal(withEditor.node.memory, '16Gi');
});

test('invalid values are reported where they are and fall back to the defaults', () => {
  const parsed = parseConfigText('node:\n  cpu: 4 cores\n  memory: -1Gi\nresources:\n  require: [limits.gpu]\n');
  assert.equal(parsed.findings.length, 3, parsed.findings.map((f) => f.message).join('\n'));
  assert.deepEqual(
    parsed.findings.map((f) => f.range.start.line),
    [1, 2, 4],
  );
  const options = view(resolveRuleOptions(parsed.options));
  assert.equal(options.node.cpu, '2');
  assert.equal(options.node.memory, '8Gi');
  assert.deepEqual(options.requiredResources, []);
});

test('a change of options empties the per-file cache; the same options reuse it', () => {
  const cache = new ChunkCache();
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n';
  checkText(text, { languageId: 'yaml', cache });
  checkText(text, { languageId: 'yaml', cache, ruleOptions: resolveRuleOptions() });
  assert.equal(cache.hits, 1);
  const bigger = resolveRuleOptions({ node: { cpu: '64' } });
  assert.notEqual(bigger.key, DEFAULT_RULE_OPTIONS.key);
  checkText(text, { languageId: 'yaml', cache, ruleOptions: bigger });
  assert.equal(cache.hits, 1);
  assert.equal(cache.misses, 2);
});
