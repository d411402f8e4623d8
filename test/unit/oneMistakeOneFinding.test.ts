/**
 * "One mistake, one finding", end to end through checkText: the mistakes that used to
 * give two findings now give one, and every rule that yields says so in its meta.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../server/src/service/engine/checkFile';
import { allRuleMetas } from '../../server/src/service/rules/registry';

const deployment = (container: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/web:1.0.0\n${container}`;

const ruleIds = (text: string): string[] =>
  checkText(text, { languageId: 'yaml' })
    .map((finding) => finding.ruleId)
    .sort();

test('cpu: 1000 is one finding, the unit slip (pod-exceeds-node does not sum it again)', () => {
  const text = deployment(
    '          resources:\n            requests: {cpu: 1000, memory: 128Mi}\n            limits: {memory: 128Mi}\n          readinessProbe: {tcpSocket: {port: 8080}}\n          livenessProbe: {tcpSocket: {port: 8080}, periodSeconds: 20}\n          ports: [{containerPort: 8080}]\n',
  );
  const ids = ruleIds(text).filter((id) => id !== 'missing-pod-disruption-budget');
  assert.deepEqual(ids, ['cpu-unit-slip']);
});

test('a multi-replica Deployment serving a port without readiness is one finding, missing-readiness-probe', () => {
  const text = deployment(
    '          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n            limits: {memory: 128Mi}\n          livenessProbe: {tcpSocket: {port: 8080}}\n          ports: [{containerPort: 8080}]\n',
  );
  const ids = ruleIds(text).filter((id) => id !== 'missing-pod-disruption-budget');
  assert.deepEqual(ids, ['missing-readiness-probe']);
});

test('the rules that give way to others say so in their meta (and so in their docs)', () => {
  const yields = (id: string) => Object.keys(allRuleMetas.find((meta) => meta.id === id)?.yieldsTo ?? {});
  assert.deepEqual(yields('pod-exceeds-node'), ['cpu-unit-slip', 'invalid-quantity']);
  assert.deepEqual(yields('replicas-without-readiness'), ['missing-readiness-probe']);
});
