// Hover on quantities: plain words, the lesson for the field's role, the pod's totals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt } from '../../server/src/service/features/hover';
import { hoverForQuantity } from '../../server/src/service/features/quantityHover';
import { checkText } from '../../server/src/service/engine/checkFile';

const DEPLOYMENT = `apiVersion: v1
kind: ConfigMap
metadata: {name: first}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: proxy
          restartPolicy: Always
          resources:
            requests: {cpu: 100m, memory: 64Mi}
        - name: migrate
          resources:
            requests: {cpu: "2", memory: 1Gi}
      containers:
        - name: web
          resources:
            requests:
              cpu: 250m
              memory: 1Gi
            limits:
              memory: 1Gi
        - name: worker
          resources:
            limits: {cpu: 0.5, memory: 512Mi}
      overhead: {cpu: 10m}
`;

function hoverOn(text: string, needle: string, languageId: 'yaml' | 'json' = 'yaml') {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, needle);
  const before = text.slice(0, index + 1).split('\n');
  return hoverForQuantity(text, languageId, {
    line: before.length - 1,
    character: (before.at(-1)?.length ?? 1) - 1 + needle.length - 1,
  });
}

test('a CPU request in plain words, with the lesson and the pod totals', () => {
  const hover = hoverOn(DEPLOYMENT, 'cpu: 250m');
  assert.ok(hover);
  assert.match(hover.markdown, /\*\*cpu: 250m\*\* = 0\.25 CPU: a quarter of one vCPU \/ core \/ hyperthread/);
  assert.match(hover.markdown, /the scheduler reserves/);
  // CPU: app containers + sidecar = 250m + 500m (worker's limit doubles as its request) + 100m
  // = 850m, less than migrate's 2 CPU next to the sidecar's 100m: 2.1 CPU, plus 10m overhead.
  // Memory: 1Gi + 512Mi + 64Mi = 1600Mi beats migrate's 1Gi + 64Mi.
  assert.match(hover.markdown, /- requests: cpu 2\.11 CPU · memory about 1\.56 GiB\n/);
  assert.match(hover.markdown, /- limits: memory 1\.5 GiB · cpu 0\.51 CPU$/);
  assert.match(hover.markdown, /\(2 containers;/);
  assert.deepEqual(hover.range, { start: { line: 23, character: 19 }, end: { line: 23, character: 23 } });
});

test('a memory limit teaches OOM; JSON works too', () => {
  const hover = hoverOn(DEPLOYMENT, 'memory: 512Mi');
  assert.match(hover?.markdown ?? '', /536,870,912 bytes = about 536\.87 MB = 512 MiB/);
  assert.match(hover?.markdown ?? '', /OOM-killed/);
  const json =
    '{"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "data"}, "spec": {"resources": {"requests": {"storage": "10Gi"}}}}';
  assert.match(hoverOn(json, '"10Gi"', 'json')?.markdown ?? '', /10,737,418,240 bytes/);
});

test('no quantity hover on other fields, invalid values or a Helm template', () => {
  assert.equal(hoverOn(DEPLOYMENT, 'name: web'), undefined);
  const invalid = DEPLOYMENT.replace('memory: 512Mi', 'memory: 512mi');
  assert.equal(hoverOn(invalid, 'memory: 512mi'), undefined);
  assert.equal(hoverOn(DEPLOYMENT.replace('cpu: 250m', 'cpu: {{ .Values.cpu }}'), 'cpu: {{'), undefined);
});

test('hoverAt puts findings first, then the quantity', () => {
  const text = DEPLOYMENT.replace('memory: 512Mi', 'memory: 100mi');
  const findings = checkText(text, { languageId: 'yaml' });
  const index = text.indexOf('limits: {cpu: 0.5');
  const line = text.slice(0, index).split('\n').length - 1;
  const hover = hoverAt(text, 'yaml', findings, { line, character: 24 });
  assert.match(hover?.markdown ?? '', /0\.5 CPU: half of one/);
});

test('hover layout: one line per finding, then the value, then each lesson with its peers on one line', () => {
  // Two findings on one value. pod-exceeds-node yields to cpu-unit-slip on `cpu: 1000` (one mistake, one
  // finding), so the second finding is made by hand: the layout, not the rules, is under test here.
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: web\n      image: nginx:1.2\n' +
    '      resources:\n        requests:\n          cpu: 1000\n';
  const checked = checkText(text, { languageId: 'yaml' });
  const slip = checked.find((f) => f.ruleId === 'cpu-unit-slip');
  assert.ok(slip, 'cpu-unit-slip fires on cpu: 1000');
  assert.ok(!checked.some((f) => f.ruleId === 'pod-exceeds-node'), 'pod-exceeds-node yields to the slip');
  const findings = [
    ...checked,
    { ...slip, ruleId: 'pod-exceeds-node', severity: 'warning' as const, message: 'The pod is larger than a node.' },
  ];
  const position = { line: 9, character: 16 };
  const markdown = hoverAt(text, 'yaml', findings, position)?.markdown ?? '';
  const value = markdown.indexOf('**cpu: 1000**');
  const firstLesson = markdown.indexOf('Why it matters');
  for (const ruleId of ['cpu-unit-slip', 'pod-exceeds-node']) {
    const finding = findings.find((f) => f.ruleId === ruleId);
    assert.ok(finding, `${ruleId} fires on cpu: 1000`);
    const summary = markdown.indexOf(`**${ruleId}** (${finding.severity}): ${finding.message}`);
    assert.ok(summary >= 0 && summary < value, `${ruleId}: its line comes before the value`);
    assert.ok(markdown.indexOf(`**${ruleId}** · **Why it matters.**`) > value, `${ruleId}: its lesson comes after the value`);
  }
  assert.ok(value >= 0 && value < firstLesson, 'the value in words comes before the lessons');
  for (const peers of markdown.split('\n').filter((l) => l.includes('same as '))) {
    assert.match(peers, /^\[Rule documentation\]/, 'peers share the links line');
  }
});

test('hover on an image teaches pinning and small images', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: golang:1.23\n    - name: b\n      image: gcr.io/distroless/static@sha256:abc\n    - name: c\n      image: nginx\n';
  const at = (line: number) => hoverAt(text, 'yaml', [], { line, character: 14 })?.markdown ?? '';
  assert.match(at(6), /Pinned by tag/);
  assert.match(at(6), /`golang` is a full build or distribution image/);
  assert.match(at(8), /Pinned by digest/);
  assert.doesNotMatch(at(8), /full build/);
  assert.match(at(10), /Not pinned/);
  assert.equal(hoverAt(text, 'yaml', [], { line: 5, character: 14 }), undefined);
});

test('pod totals count each value that does not parse once', () => {
  const text = DEPLOYMENT.replace('overhead: {cpu: 10m}', 'overhead: {cpu: 10 m}');
  assert.match(hoverOn(text, 'cpu: 250m')?.markdown ?? '', /- 1 value\(s\) that do not parse are left out\./);
});

test("hovers follow the user's size limit, as the check does", () => {
  // Past the 4 MiB default in one document after it: the check, and so the hover, reach the
  // Deployment only when the whole file fits (the padding is one document, so it cannot be cut).
  const big = `# ${'padding '.repeat(600_000)}\n---\n${DEPLOYMENT}`;
  const index = big.indexOf('cpu: 250m');
  const position = { line: big.slice(0, index).split('\n').length - 1, character: 19 };
  assert.equal(hoverAt(big, 'yaml', [], position), undefined, 'over the default limit: no hover');
  const raised = hoverAt(big, 'yaml', [], position, { maxFileSizeBytes: 8 * 1024 * 1024 });
  assert.match(raised?.markdown ?? '', /0\.25 CPU/, 'a raised limit brings it back');
  const lowered = { maxFileSizeBytes: 512 };
  assert.ok(DEPLOYMENT.length > 512);
  const own = { line: position.line - 2, character: 19 };
  assert.match(hoverAt(DEPLOYMENT, 'yaml', [], own)?.markdown ?? '', /0\.25 CPU/);
  assert.equal(hoverAt(DEPLOYMENT, 'yaml', [], own, lowered), undefined, 'a lowered limit takes it away');
  assert.deepEqual(
    checkText(DEPLOYMENT, { languageId: 'yaml', ...lowered }).map((f) => f.ruleId),
    ['file-not-checked'],
  );
});

test('a stream over the limit answers hovers in the documents the check reaches, not after', () => {
  const stream = `${DEPLOYMENT}---\n${DEPLOYMENT}`;
  const limit = { maxFileSizeBytes: Buffer.byteLength(DEPLOYMENT) + 10 };
  const lines = DEPLOYMENT.slice(0, DEPLOYMENT.indexOf('cpu: 250m')).split('\n').length - 1;
  const first = { line: lines, character: 19 };
  const second = { line: DEPLOYMENT.split('\n').length + lines, character: 19 };
  assert.match(hoverAt(stream, 'yaml', [], first, limit)?.markdown ?? '', /0\.25 CPU/, 'the checked document');
  assert.equal(hoverAt(stream, 'yaml', [], second, limit), undefined, 'the document past the cut');
  assert.match(hoverAt(stream, 'yaml', [], second)?.markdown ?? '', /0\.25 CPU/, 'under the default limit, both');
  const note = checkText(stream, { languageId: 'yaml', ...limit }).find((f) => f.ruleId === 'file-not-checked');
  assert.equal(note?.range.start.line, DEPLOYMENT.split('\n').length - 1, 'the note sits where the hovers stop');
});
