// The kubectl-explain hover and completion, on the service (LSP-free).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../server/src/service/engine/checkFile';
import { completeAt } from '../../server/src/service/features/completion';
import { hoverAt } from '../../server/src/service/features/hover';
import { SNIPPETS, expandSnippet } from '../../server/src/service/features/snippets';
import { marked } from '../support/markedRange';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1
          readinessProbe:
            tcpSocket: {port: 80}
`;

const positionOf = (text: string, needle: string, delta = 1) => {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
};

test('hover on a key shows the kubectl explain view', () => {
  const hover = hoverAt(deployment, 'yaml', [], positionOf(deployment, 'readinessProbe'));
  assert.ok(hover);
  assert.match(hover.markdown, /^\*\*spec\.template\.spec\.containers\[\]\.readinessProbe\*\* `<Probe>`/);
  assert.match(hover.markdown, /Periodic probe of container service readiness/);
  assert.match(hover.markdown, /Deployment · apps\/v1/);
  assert.match(
    hover.markdown,
    /\[API reference: Deployment\]\(https:\/\/kubernetes\.io\/docs\/reference\/generated\/kubernetes-api\/v1\.36\/#deployment-v1-apps\)/,
  );
  const { range } = marked(deployment.replace('readinessProbe:', '«readinessProbe»:'));
  assert.deepEqual(hover.range, {
    start: { line: range.line - 1, character: range.column - 1 },
    end: { line: (range.endLine ?? 0) - 1, character: (range.endColumn ?? 0) - 1 },
  });
});

test('hover says required, and names enums', () => {
  const containers = hoverAt(deployment, 'yaml', [], positionOf(deployment, 'containers'));
  assert.match(containers?.markdown ?? '', /`<\[\]Container>` · \*\*required\*\*/);
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: ClusterIP\n';
  assert.match(
    hoverAt(service, 'yaml', [], positionOf(service, 'type'))?.markdown ?? '',
    /One of: `ClusterIP`, `ExternalName`, `LoadBalancer`, `NodePort`/,
  );
});

test('no explain hover outside a known kind or on an unknown field', () => {
  const custom = 'apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\nspec:\n  size: 1\n';
  assert.equal(hoverAt(custom, 'yaml', [], positionOf(custom, 'size')), undefined);
  const typo = deployment.replace('readinessProbe', 'readinessprobe');
  assert.equal(hoverAt(typo, 'yaml', [], positionOf(typo, 'readinessprobe')), undefined);
});

const labelsOf = (text: string, needle: string, delta?: number) =>
  completeAt(text, 'yaml', positionOf(text, needle, delta)).map((entry) => entry.label);

test('completes the keys valid at that point, required first, none already present', () => {
  const text = deployment.replace('          readinessProbe:\n            tcpSocket: {port: 80}\n', '          live\n');
  const entries = completeAt(text, 'yaml', positionOf(text, '          live', 14));
  const labels = entries.map((entry) => entry.label);
  assert.ok(labels.includes('livenessProbe'));
  assert.ok(!labels.includes('name') && !labels.includes('image'), 'present keys are not offered');
  assert.ok(labels.includes('resources (snippet)'));
  const probe = entries.find((entry) => entry.label === 'livenessProbe');
  assert.equal(probe?.detail, 'Probe');
  assert.match(probe?.documentation ?? '', /Periodic probe of container liveness/);

  const spec = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  \n';
  const specEntries = completeAt(spec, 'yaml', { line: 5, character: 2 });
  const first = [...specEntries]
    .sort((a, b) => a.sortText.localeCompare(b.sortText))
    .slice(0, 2)
    .map((e) => e.label);
  assert.deepEqual(first, ['selector', 'template']);
  assert.ok(specEntries.some((e) => e.label === 'replicas' && e.detail === 'integer'));
});

test('completes enum values and booleans', () => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: \n';
  assert.deepEqual(
    completeAt(service, 'yaml', { line: 5, character: 8 }).map((e) => e.label),
    ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  );
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: \n  containers: []\n';
  assert.deepEqual(
    completeAt(pod, 'yaml', { line: 5, character: 15 }).map((e) => e.label),
    ['true', 'false'],
  );
  assert.deepEqual(labelsOf(pod, 'containers', 0).length > 0, true);
});

test('an empty document offers the Deployment and Service snippets', () => {
  assert.deepEqual(
    completeAt('', 'yaml', { line: 0, character: 0 }).map((e) => e.label),
    ['Deployment', 'Service'],
  );
  assert.deepEqual(
    completeAt('Dep', 'yaml', { line: 0, character: 3 }).map((e) => e.kind),
    ['snippet', 'snippet'],
  );
});

test('the snippets, expanded, follow the lessons: no Kubewise finding but the PodDisruptionBudget reminder', () => {
  for (const snippet of SNIPPETS.filter((s) => s.where === 'document')) {
    const findings = checkText(expandSnippet(snippet.body), { languageId: 'yaml' });
    assert.deepEqual(
      findings.filter((f) => f.ruleId !== 'missing-pod-disruption-budget').map((f) => `${f.ruleId}: ${f.message}`),
      [],
      snippet.label,
    );
  }
  const container = SNIPPETS.filter((s) => s.where === 'container')
    .map((s) => expandSnippet(s.body).replace(/^/gm, '      ').trimEnd())
    .join('\n');
  const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: app:1.0.0\n      ports: [{name: http, containerPort: 8080}]\n${container}\n`;
  assert.deepEqual(
    checkText(pod, { languageId: 'yaml' }).map((f) => `${f.ruleId}: ${f.message}`),
    [],
  );
});

test('hostile input: completion and hover never throw', () => {
  const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n${'  '.repeat(1)}a: ${'['.repeat(300)}${']'.repeat(300)}\n`;
  assert.doesNotThrow(() => completeAt(deep, 'yaml', { line: 5, character: 3 }));
  assert.doesNotThrow(() => hoverAt(deep, 'yaml', [], { line: 5, character: 2 }));
  assert.deepEqual(completeAt('{"a": 1}', 'json', { line: 0, character: 1 }), []);
});
