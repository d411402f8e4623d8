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

test('a check that re-judges nothing keeps the lists and indexes for the next edit', () => {
  const cache = new ChunkCache();
  checkText(stream, { languageId: 'yaml', cache });
  const kinds = [...(cache.workspace.previous?.lists.keys() ?? [])].sort();
  assert.ok(kinds.includes('workload') && kinds.includes('service'), kinds.join());
  // The same text with other files' list made anew, as the server passes it after indexing the workspace.
  checkText(stream, { languageId: 'yaml', cache, workspace: [] });
  assert.equal(cache.workspace.lastRun, 'reused');
  assert.deepEqual([...(cache.workspace.previous?.lists.keys() ?? [])].sort(), kinds);
  const edited = stream.replace('app: nobody', 'app: shop-frontend');
  assert.deepEqual(checkText(edited, { languageId: 'yaml', cache }), fresh(edited));
  assert.equal(cache.workspace.lastRun, 'partial');
  // An edit that re-judged only some rules still hands every list on, patched where it changed.
  assert.deepEqual([...(cache.workspace.previous?.lists.keys() ?? [])].sort(), kinds);
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

/**
 * Documents that judge each other: Deployments, Services selecting them, the ConfigMaps and
 * Secrets they read, a budget, a quota, an autoscaler, an Ingress, a StatefulSet and its
 * Service, an operator's object. Names, labels and namespaces come from small pools, so
 * random edits make and break the references.
 */
const NAMES = ['web', 'api', 'db', 'shop-1', 'lost'];
const NAMESPACES = ['shop', 'other', ''];
const ns = (namespace: string): string => (namespace ? `\n  namespace: ${namespace}` : '');
const TEMPLATES: readonly ((name: string, namespace: string) => string)[] = [
  (name, namespace) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}${ns(namespace)}\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      serviceAccountName: ${name}-sa\n      containers:\n        - name: main\n          image: nginx:1.27\n          ports:\n            - name: http\n              containerPort: 80\n          envFrom:\n            - configMapRef:\n                name: ${name}-config\n            - secretRef:\n                name: ${name}-secret\n          resources:\n            requests:\n              cpu: 500m\n              memory: 64Mi\n            limits:\n              memory: 64Mi`,
  (name, namespace) =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}${ns(namespace)}\n  labels:\n    app: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      targetPort: http`,
  (name, namespace) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-config${ns(namespace)}\ndata:\n  a: b`,
  (name, namespace) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}-secret${ns(namespace)}\nstringData:\n  a: b`,
  (name, namespace) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}-sa${ns(namespace)}`,
  (name, namespace) =>
    `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${name}${ns(namespace)}\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: ${name}`,
  (name, namespace) =>
    `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: ${name}-quota${ns(namespace)}\nspec:\n  hard:\n    requests.cpu: "2"\n    limits.memory: 100Mi`,
  (name, namespace) =>
    `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${name}${ns(namespace)}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: ${name}\n  minReplicas: 1\n  maxReplicas: 3`,
  (name, namespace) =>
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}${ns(namespace)}\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: ${name}\n                port:\n                  number: 80`,
  (name, namespace) =>
    `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}${ns(namespace)}\nspec:\n  serviceName: ${name}\n  replicas: 2\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: main\n          image: postgres:latest`,
  (name, namespace) =>
    `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: ${name}${ns(namespace)}\nspec:\n  selector:\n    matchLabels:\n      app: ${name}\n  endpoints:\n    - port: http`,
  (name, namespace) =>
    `apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: ${name}${ns(namespace)}\nsubsets:\n  - addresses:\n      - ip: 10.0.0.1\n    ports:\n      - port: 8080`,
  (name, namespace) =>
    `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: ${name}-limits${ns(namespace)}\nspec:\n  limits:\n    - type: Container\n      default:\n        memory: 64Mi\n      defaultRequest:\n        cpu: 100m`,
  (name, namespace) =>
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}${ns(namespace)}\nspec:\n  podSelector:\n    matchLabels:\n      app: ${name}`,
  (name, namespace) =>
    `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: ${name}-1${ns(namespace)}\n  labels:\n    kubernetes.io/service-name: ${name}\naddressType: IPv4\nports:\n  - name: metrics\n    port: 9090\nendpoints:\n  - addresses:\n      - 10.0.0.2`,
  (name, namespace) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-urls${ns(namespace)}\ndata:\n  DB: ${name}:5432\n  API: http://${name}/v1`,
  (name, namespace) =>
    `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: ${name}${ns(namespace)}\nspec:\n  secretName: ${name}-secret`,
  (name, namespace) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}${ns(namespace)}\n  labels:\n    app: ${name}\nspec:\n  containers:\n    - name: main\n      image: ${name}\n      ports:\n        - containerPort: 8080`,
  (name, namespace) =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}${ns(namespace)}\nspec:\n  ports:\n    - name: web\n      port: 80\n    - name: admin\n      port: 81`,
  (name, namespace) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}-worker${ns(namespace)}\nspec:\n  replicas: 2\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: main\n          image: busybox:1.36`,
];
const KINDS = ['Deployment', 'StatefulSet', 'Service', 'ConfigMap', 'Secret', 'PodDisruptionBudget', 'Pod'];

type FactEdit =
  | { op: 'rename' | 'relabel' | 'reselect' | 'reref'; doc: number; value: number }
  | { op: 'namespace'; doc: number; value: number }
  | { op: 'kind'; doc: number; value: number }
  | { op: 'add'; doc: number; template: number; name: number; namespace: number }
  | { op: 'remove' | 'duplicate' | 'comment'; doc: number }
  | { op: 'swap'; doc: number; other: number };

const index = fc.nat({ max: 1000 });
const factEdit: fc.Arbitrary<FactEdit> = fc.oneof(
  fc.record({
    op: fc.constantFrom('rename' as const, 'relabel' as const, 'reselect' as const, 'reref' as const),
    doc: index,
    value: index,
  }),
  fc.record({ op: fc.constant('namespace' as const), doc: index, value: index }),
  fc.record({ op: fc.constant('kind' as const), doc: index, value: index }),
  fc.record({ op: fc.constant('add' as const), doc: index, template: index, name: index, namespace: index }),
  fc.record({ op: fc.constantFrom('remove' as const, 'duplicate' as const, 'comment' as const), doc: index }),
  fc.record({ op: fc.constant('swap' as const), doc: index, other: index }),
);

function applyFactEdit(documents: readonly string[], edit: FactEdit): string[] {
  const docs = [...documents];
  if (edit.op === 'add') {
    const make = TEMPLATES[edit.template % TEMPLATES.length] as (typeof TEMPLATES)[number];
    docs.splice(edit.doc % (docs.length + 1), 0, make(pick(NAMES, edit.name), pick(NAMESPACES, edit.namespace)));
    return docs;
  }
  if (docs.length === 0) return docs;
  const at = edit.doc % docs.length;
  const doc = docs[at] as string;
  const value = 'value' in edit ? edit.value : 0;
  switch (edit.op) {
    case 'rename':
      docs[at] = doc.replace(/^( {2}name: )\S+/m, (_, key: string) => key + pick(NAMES, value));
      break;
    case 'relabel':
      docs[at] = nth(doc, /( +app: )\S+/g, value, (key) => key + pick(NAMES, value >> 3));
      break;
    case 'reselect':
      docs[at] = doc.replace(/(selector:\n(?: {4}matchLabels:\n)? +app: )\S+/, (_, key: string) => key + pick(NAMES, value));
      break;
    case 'reref':
      docs[at] = nth(
        doc,
        /( {16}name: )\S+/g,
        value,
        (key) => key + `${pick(NAMES, value >> 2)}-${value % 2 ? 'config' : 'secret'}`,
      );
      break;
    case 'namespace': {
      const namespace = pick(NAMESPACES, value);
      const without = doc.replace(/\n {2}namespace: \S+/, '');
      docs[at] = namespace ? without.replace(/^( {2}name: \S+)/m, `$1\n  namespace: ${namespace}`) : without;
      break;
    }
    case 'kind':
      docs[at] = doc.replace(/^kind: \S+/m, `kind: ${pick(KINDS, value)}`);
      break;
    case 'remove':
      docs.splice(at, 1);
      break;
    case 'duplicate':
      docs.splice(at, 0, doc);
      break;
    case 'comment':
      docs[at] = `# edited\n${doc}`;
      break;
    case 'swap': {
      const other = edit.other % docs.length;
      docs[at] = docs[other] as string;
      docs[other] = doc;
      break;
    }
  }
  return docs;
}

function pick<T>(items: readonly T[], n: number): T {
  return items[n % items.length] as T;
}

/** The text with the n-th match (modulo their number) of a one-group pattern rewritten. */
function nth(text: string, pattern: RegExp, n: number, rewrite: (group: string) => string): string {
  const matches = [...text.matchAll(pattern)];
  const match = matches[n % Math.max(matches.length, 1)];
  if (!match || match.index === undefined) return text;
  return text.slice(0, match.index) + rewrite(match[1] ?? '') + text.slice(match.index + match[0].length);
}

const seedDocuments = [
  ...stream.split('\n---\n'),
  ...TEMPLATES.map((make, n) => make(pick(NAMES, n), pick(NAMESPACES, n >> 1))),
  ...TEMPLATES.slice(0, 5).map((make) => make('web', 'shop')),
  // A two-port Service beside the Endpoints of its name, and replicas without readiness.
  ...TEMPLATES.slice(-2).map((make) => make('api', '')),
];

test('any sequence of edits that change facts (names, labels, selectors, namespaces, kinds, documents) gives what a check from scratch gives', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          { weight: 5, arbitrary: factEdit },
          { weight: 1, arbitrary: mutations },
          // The same text again (the server re-checks when the workspace changes): everything reused.
          { weight: 1, arbitrary: fc.constant('again' as const) },
        ),
        { minLength: 1, maxLength: 6 },
      ),
      (steps) => {
        const cache = new ChunkCache();
        let documents = seedDocuments;
        let text = documents.join('\n---\n');
        checkText(text, { languageId: 'yaml', cache });
        for (const step of steps) {
          if (step === 'again') {
            // Nothing to do: the text is checked again as it is.
          } else if (Array.isArray(step)) {
            text = step.reduce(applyMutation, text);
            documents = text.split('\n---\n');
          } else {
            documents = applyFactEdit(documents, step);
            text = documents.join('\n---\n');
          }
          assert.deepEqual(checkText(text, { languageId: 'yaml', cache }), fresh(text));
        }
      },
    ),
    { numRuns: 200, seed: 20261203 },
  );
});

test("typing in a Deployment's name among hundreds of documents re-judges that document alone, as a check from scratch would judge it", () => {
  const trio = (n: number): string[] => [0, 1, 2].map((t) => (TEMPLATES[t] as (typeof TEMPLATES)[number])(`shop-${n}`, 'shop'));
  const documents = Array.from({ length: 100 }, (_, n) => trio(n)).flat();
  const cache = new ChunkCache();
  checkText(documents.join('\n---\n'), { languageId: 'yaml', cache });
  const perDocument = cache.workspace.lastStats?.judged ?? 0;
  assert.ok(perDocument >= documents.length, 'every document is judged by some rule at first');
  const edited = [...documents];
  for (const typed of ['x', 'xy', 'xyz']) {
    edited[150] = (documents[150] as string).replace('name: shop-50\n', `name: shop-50${typed}\n`);
    const text = edited.join('\n---\n');
    assert.deepEqual(checkText(text, { languageId: 'yaml', cache }), fresh(text));
    const stats = cache.workspace.lastStats;
    assert.equal(cache.workspace.lastRun, 'partial');
    assert.ok(stats?.changedKinds.includes('workload'), 'the name is in the workload facts');
    // The rules judging the edited Deployment, and none of the 299 other documents' judgements.
    assert.ok((stats?.judged ?? 0) <= 30, `judged ${stats?.judged}`);
    assert.ok((stats?.reused ?? 0) >= perDocument - 30);
  }
});

test('absence is a dependency: a Service that selects nothing is judged again when a Deployment with its label appears', () => {
  const trio = (n: number): string[] => [0, 1, 2].map((t) => (TEMPLATES[t] as (typeof TEMPLATES)[number])(`shop-${n}`, 'shop'));
  const lost = (TEMPLATES[1] as (typeof TEMPLATES)[number])('lost', 'shop');
  const documents = [...Array.from({ length: 20 }, (_, n) => trio(n)).flat(), lost];
  const cache = new ChunkCache();
  const first = checkText(documents.join('\n---\n'), { languageId: 'yaml', cache });
  assert.ok(first.some((f) => f.ruleId === 'service-selects-nothing' && f.message.includes('Service lost ')));
  // A Deployment whose pods carry app: lost, added in the middle.
  const added = [...documents];
  added.splice(30, 0, (TEMPLATES[0] as (typeof TEMPLATES)[number])('lost', 'shop'));
  const text = added.join('\n---\n');
  const second = checkText(text, { languageId: 'yaml', cache });
  assert.equal(cache.workspace.lastRun, 'partial');
  assert.deepEqual(second, fresh(text));
  assert.ok(!second.some((f) => f.ruleId === 'service-selects-nothing' && f.message.includes('Service lost ')));
  assert.ok((cache.workspace.lastStats?.judged ?? 0) < 60, `judged ${cache.workspace.lastStats?.judged}`);
});

test('renaming a ConfigMap re-judges the Deployments that name it, not every workload of its namespace', () => {
  const trio = (n: number): string[] => [0, 1, 2].map((t) => (TEMPLATES[t] as (typeof TEMPLATES)[number])(`shop-${n}`, 'shop'));
  const documents = Array.from({ length: 50 }, (_, n) => trio(n)).flat();
  const cache = new ChunkCache();
  checkText(documents.join('\n---\n'), { languageId: 'yaml', cache });
  const edited = [...documents];
  edited[74] = (documents[74] as string).replace('name: shop-24-config', 'name: shop-24-conf');
  const text = edited.join('\n---\n');
  const findings = checkText(text, { languageId: 'yaml', cache });
  assert.deepEqual(findings, fresh(text));
  assert.ok(findings.some((f) => f.ruleId === 'referenced-object-missing' && f.message.includes("'shop-24-config'")));
  const stats = cache.workspace.lastStats;
  assert.ok(stats?.changedKinds.includes('object'));
  // The ConfigMap's own judgements and the one Deployment that reads it.
  assert.ok((stats?.judged ?? 0) <= 12, `judged ${stats?.judged}`);
});
