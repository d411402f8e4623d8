// `kubewise check --crd-path` and `crdPaths:` of .kubewise.yaml: CRDs outside the checked
// files validate custom resources, and the CRD folder itself is not reported.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from './cliHarness';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: {type: integer}
`;
// A Deployment beside the CRDs, without probes: it would warn if the folder were checked.
const STRAY =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: stray}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: c, image: "c:1"}]\n';
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: big\n';

let root: string;
let app: string;

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-crd-paths-'));
  app = path.join(root, 'app');
  fs.mkdirSync(path.join(root, 'platform', 'crds'), { recursive: true });
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(root, 'platform', 'crds', 'widgets.yaml'), CRD);
  fs.writeFileSync(path.join(root, 'platform', 'crds', 'stray.yaml'), STRAY);
  fs.writeFileSync(path.join(app, 'widget.yaml'), WIDGET);
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

test('without the CRD the kind is unknown (information); --crd-path validates it', async () => {
  const without = await runCli(['check', '.'], { cwd: app });
  assert.equal(without.code, 0);
  assert.match(without.stdout, /No schema is known for Widget.*\[unknown-kind\]/);

  const withCrds = await runCli(['check', '.', '--crd-path', '../platform/crds'], { cwd: app });
  assert.equal(withCrds.code, 1);
  assert.equal(
    withCrds.stdout,
    "widget.yaml:6:9  error  'size' must be an integer, not the string 'big'.  [crd-schema-violation]\n\n1 problem (1 error) in 1 of 1 file\n",
  );
  assert.doesNotMatch(withCrds.stdout, /stray/, 'the CRD folder is read for CRDs, not checked');
  const repeated = await runCli(['check', '.', '--crd-path', '..', '--crd-path=../platform/crds'], { cwd: app });
  assert.equal(repeated.stdout, withCrds.stdout, 'the flag repeats; a CRD reached twice counts once');
});

test('crdPaths: in .kubewise.yaml is relative to the file; a missing CRD folder fails the run', async () => {
  fs.writeFileSync(path.join(app, '.kubewise.yaml'), 'crdPaths: [../platform/crds]\n');
  try {
    const result = await runCli(['check', 'widget.yaml'], { cwd: app });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /\[crd-schema-violation\]/);
  } finally {
    fs.rmSync(path.join(app, '.kubewise.yaml'));
  }
  const missing = await runCli(['check', '.', '--crd-path', 'nowhere'], { cwd: app });
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, `kubewise: CRD folder ${path.join(app, 'nowhere')}: no such file or directory\n`);
  assert.equal(missing.stdout, '');
  assert.equal((await runCli(['check', '.', '--crd-path='], { cwd: app })).code, 2);
});
