// Hovers that estimate series: a label key (distinct values, pods carrying it) and a
// ServiceMonitor / PodMonitor (targets, samples per second, the assumption made).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt } from '../../server/src/service/features/hover';
import { factsOfText } from '../../server/src/service/engine/checkFile';
import { resolveRuleOptions } from '../../server/src/service/config/ruleOptions';

const deployment = (name: string, replicas: number, track: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: api
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: api, track: ${track}}
  template:
    metadata:
      labels:
        app: api
        track: ${track}
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.0.0
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: api
  labels:
    app: api
spec:
  selector: {app: api}
  ports: [{name: metrics, port: 9090}]
`;

const MONITOR = `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  endpoints:
    - port: metrics
      interval: 15s
`;

const position = (text: string, needle: string, after = 0) => {
  const offset = text.indexOf(needle, after);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 + 1 };
};

test('a label key: distinct values across the workspace, pods carrying it, and the allowlist', () => {
  const text = deployment('api-stable', 3, 'stable');
  const workspace = factsOfText(deployment('api-canary', 1, 'canary'), { languageId: 'yaml' });
  const template = text.indexOf('template:');
  const hover = hoverAt(text, 'yaml', [], position(text, 'track:', template), {}, { workspace });
  assert.ok(hover, 'a hover');
  assert.match(hover.markdown, /\*\*2\*\* distinct values in the workspace: `stable` \(3 pods\), `canary` \(1 pod\)/);
  assert.match(hover.markdown, /carried by \*\*4\*\* pods of 2 workloads/);
  assert.match(hover.markdown, /--metric-labels-allowlist=pods=\[track\]/);
});

test('a label key with an unbounded value says its shape', () => {
  const text = deployment('api', 2, 'stable').replace(
    '        track: stable\n',
    '        build: 20240501123000\n'.replace('20240501123000', '"20240501123000"'),
  );
  const hover = hoverAt(text, 'yaml', [], position(text, 'build:'));
  assert.match(hover?.markdown ?? '', /looks like a timestamp/);
});

test('a ServiceMonitor: targets with replicas, samples per second, the assumption', () => {
  const workspace = [SERVICE, deployment('api-stable', 3, 'stable'), deployment('api-canary', 1, 'canary')].flatMap((code) =>
    factsOfText(code, { languageId: 'yaml' }),
  );
  const hover = hoverAt(MONITOR, 'yaml', [], position(MONITOR, 'ServiceMonitor'), {}, { workspace });
  assert.ok(hover, 'a hover');
  assert.match(hover.markdown, /\*\*4\*\* targets/);
  // 4 targets × 700 series / 15 s
  assert.match(hover.markdown, /about \*\*187 samples\/s\*\*/);
  assert.match(hover.markdown, /Assumes 700 series per target/);

  const ruleOptions = resolveRuleOptions({ monitoring: { seriesPerTarget: 1500 } });
  const configured = hoverAt(MONITOR, 'yaml', [], position(MONITOR, 'ServiceMonitor'), {}, { workspace, ruleOptions });
  assert.match(configured?.markdown ?? '', /about \*\*400 samples\/s\*\*/);
  assert.match(configured?.markdown ?? '', /Assumes 1500 series per target/);
});

test('a ServiceMonitor that selects nothing says so', () => {
  const hover = hoverAt(MONITOR, 'yaml', [], position(MONITOR, 'ServiceMonitor'), {}, { workspace: [] });
  assert.match(hover?.markdown ?? '', /No Service here matches its selector/);
});
