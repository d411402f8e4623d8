// Server cold start and the cost of an edit as the number of kinds in a file grows.
//
// Cold start: spawn dist/server.js, then time (a) the `initialize` answer and (b) the first
// diagnostics for one Deployment opened right after: (b) includes loading the schemas and
// compiling the first kind's validator, which is what a user waits for.
//
// Edit cost: a file of N documents, each of a different kind, opened once; then one document
// is edited and the time to its diagnostics is measured. With per-document caching and
// per-kind validators compiled once, the edit cost must stay flat as N grows.
//
// Usage: npm run build && node bench/cold-start.mjs [--baseline DIR]   (BENCH_ROUNDS=7 by default)
//   --baseline DIR: also start DIR/dist/server.js (another checkout, built), interleaved round by
//   round with this one, and print the ratio: on a loaded machine only a same-run ratio means much.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const KIND_SAMPLES = [
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{{i}}\ndata:\n  a: "1"',
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: s{{i}}\nspec:\n  selector:\n    app: a\n  ports:\n    - port: 80',
  'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa{{i}}',
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: se{{i}}\ntype: Opaque',
  'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n{{i}}',
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: p{{i}}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi',
  'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i{{i}}\nspec:\n  rules:\n    - host: a.example.com',
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np{{i}}\nspec:\n  podSelector: {}',
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: r{{i}}\nrules: []',
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: rb{{i}}\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: r\nsubjects: []',
  'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: pdb{{i}}\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: a',
  'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h{{i}}\nspec:\n  maxReplicas: 3\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: d',
  'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: pc{{i}}\nvalue: 1000',
  'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: sc{{i}}\nprovisioner: example.com/x',
  'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q{{i}}\nspec:\n  hard:\n    pods: "10"',
  'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l{{i}}\nspec:\n  limits:\n    - type: Container',
];

function deployment(i) {
  return fs
    .readFileSync(path.join(root, 'examples/shop/deployment.yaml'), 'utf8')
    .trimEnd()
    .replaceAll(/name: ([\w-]+)$/gm, `name: $1-${i}`);
}

/** N documents of N different kinds (the Deployment first, then the samples above, cycling). */
function kindsFile(n) {
  const docs = [deployment(0)];
  for (let i = 1; i < n; i++) docs.push((KIND_SAMPLES[(i - 1) % KIND_SAMPLES.length] ?? '').replaceAll('{{i}}', String(i)));
  return docs.join('\n---\n') + '\n';
}

async function coldStart(client) {
  const started = performance.now();
  await client.initialize([]);
  const initialized = performance.now() - started;
  const uri = pathToFileURL(path.join(root, 'bench-cold.yaml')).toString();
  await client.open(uri, deployment(0), 'yaml');
  return { initialized, firstDiagnostics: performance.now() - started };
}

async function editCost(client, n, round) {
  const uri = pathToFileURL(path.join(root, `bench-kinds-${n}-${round}.yaml`)).toString();
  const text = kindsFile(n);
  await client.open(uri, text, 'yaml');
  // Edit the first document (the Deployment), as a person typing would.
  const edited = text.replace('replicas:', `# edit ${round}\n  replicas:`);
  const started = performance.now();
  await client.changeFull(uri, edited, 2);
  const elapsed = performance.now() - started;
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return elapsed;
}

async function main() {
  if (!fs.existsSync(path.join(root, 'dist/server.js')) || !fs.existsSync(path.join(root, 'out/test/support/lspClient.js'))) {
    console.error('Build first: npm run build');
    process.exit(2);
  }
  const { TestLspClient } = require(path.join(root, 'out/test/support/lspClient.js'));
  const at = process.argv.indexOf('--baseline');
  const servers = [['this checkout', path.join(root, 'dist/server.js')]];
  if (at !== -1 && process.argv[at + 1])
    servers.push(['baseline', path.join(path.resolve(process.argv[at + 1]), 'dist/server.js')]);
  const cold = new Map(servers.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, bundle] of servers) {
      const client = new TestLspClient([process.execPath, bundle, '--stdio']);
      cold.get(name).push(await coldStart(client));
      await client.shutdown();
    }
  }
  const firsts = new Map();
  for (const [name, runs] of cold) {
    firsts.set(name, median(runs.map((c) => c.firstDiagnostics)));
    console.log(
      `cold start, ${name} (median of ${ROUNDS}): initialize ${median(runs.map((c) => c.initialized)).toFixed(0)} ms, ` +
        `first diagnostics ${firsts.get(name).toFixed(0)} ms`,
    );
  }
  if (firsts.has('baseline')) {
    console.log(
      `first diagnostics, this checkout / baseline: ${(firsts.get('this checkout') / firsts.get('baseline')).toFixed(2)}x`,
    );
  }
  const client = new TestLspClient();
  await client.initialize([]);
  for (const n of [1, 4, 16, 64]) {
    const times = [];
    for (let round = 0; round < ROUNDS; round++) times.push(await editCost(client, n, round));
    console.log(
      `edit, ${String(n).padStart(2)} kinds in the file: ${median(times).toFixed(0)} ms (includes the 120 ms debounce)`,
    );
  }
  await client.shutdown();
}

await main();
