// Custom resources get the kubectl-explain hover and completion from the CRD that defines
// them: in the same file, or in another file of the workspace (the host's facts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { factsOfText } from '../../server/src/service/engine/checkFile';
import { completeAt } from '../../server/src/service/features/completion';
import { hoverAt } from '../../server/src/service/features/hover';
import { workspaceSchemas } from '../../server/src/service/features/workspaceSchemas';

const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
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
              description: What the widget should be.
              required: [size]
              properties:
                size:
                  description: How many gears the widget turns.
                  type: integer
                mode:
                  type: string
                  enum: [fast, slow]
    - name: v2
      served: false
      storage: false
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: {type: string, description: Retired.}
`;

const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 3\n  mode: fast\n';

const positionOf = (text: string, needle: string, delta = 1) => {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
};

const otherFile = (text: string) => ({ workspace: factsOfText(text, { languageId: 'yaml' }) });

test("hover on a custom resource's key shows the CRD's description, from another file", () => {
  const hover = hoverAt(widget, 'yaml', [], positionOf(widget, 'size'), {}, otherFile(crd));
  assert.ok(hover);
  assert.match(hover.markdown, /^\*\*spec\.size\*\* `<integer>` · \*\*required\*\*/);
  assert.match(hover.markdown, /Widget · example\.com\/v1/);
  assert.match(hover.markdown, /How many gears the widget turns\./);
  assert.doesNotMatch(hover.markdown, /Retired/, 'a version the CRD does not serve is not read');
  assert.match(
    hoverAt(widget, 'yaml', [], positionOf(widget, 'mode'), {}, otherFile(crd))?.markdown ?? '',
    /One of: `fast`, `slow`/,
  );
});

test('the CRD in the same file is enough; without any CRD there is no explain hover', () => {
  const both = `${crd}---\n${widget}`;
  assert.match(hoverAt(both, 'yaml', [], positionOf(both, '\nspec:\n  size', 2))?.markdown ?? '', /What the widget should be\./);
  assert.equal(hoverAt(widget, 'yaml', [], positionOf(widget, 'size')), undefined);
  const v2 = widget.replace('example.com/v1', 'example.com/v2');
  assert.equal(hoverAt(v2, 'yaml', [], positionOf(v2, 'size'), {}, otherFile(crd)), undefined);
});

test("completion in a custom resource offers the CRD's fields, required first, none already present", () => {
  const text = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  mode: fast\n  \n';
  const entries = completeAt(text, 'yaml', { line: 6, character: 2 }, workspaceSchemas(text, 'yaml', otherFile(crd)));
  assert.deepEqual(
    entries.map((e) => e.label),
    ['size'],
  );
  assert.equal(entries[0]?.detail, 'integer · required');
  assert.equal(entries[0]?.documentation, 'How many gears the widget turns.');
  const value = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  mode: \n';
  assert.deepEqual(
    completeAt(value, 'yaml', { line: 5, character: 8 }, workspaceSchemas(value, 'yaml', otherFile(crd))).map((e) => e.label),
    ['fast', 'slow'],
  );
});

test('a real Prometheus Operator CRD describes a ServiceMonitor field', () => {
  const file = path.resolve(__dirname, '../../../../shared/upstream/prometheus-operator-crds/servicemonitor.crd.yaml');
  if (!fs.existsSync(file)) return; // the upstream copy lives beside the repository on the development machine
  const monitor =
    'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: m\nspec:\n  selector: {}\n  endpoints:\n    - port: web\n      interval: 30s\n';
  const hover = hoverAt(monitor, 'yaml', [], positionOf(monitor, 'interval'), {}, otherFile(fs.readFileSync(file, 'utf8')));
  assert.match(hover?.markdown ?? '', /^\*\*spec\.endpoints\[\]\.interval\*\* `<string>`/);
  assert.match(hover?.markdown ?? '', /interval at which Prometheus scrapes the metrics from the target/);
});
