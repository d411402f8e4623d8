/** Which objects a document holds: a single object, or the items of a list (kubectl get -o yaml). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../server/src/service/engine/checkFile';

// Each Deployment is complete but for its probes: only the probe rules fire, per item.
const LIST = `apiVersion: v1
kind: List
metadata: {}
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: fire-first
    spec:
      selector:
        matchLabels: {app: first}
      template:
        metadata:
          labels: {app: first}
        spec:
          containers:
            - name: app
              image: app:1
              resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}
              ports: [{containerPort: 8080}]
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: fire-second
      annotations:
        ignore-check.kube-linter.io/no-liveness-probe: "checked elsewhere"
    spec:
      selector:
        matchLabels: {app: second}
      template:
        metadata:
          labels: {app: second}
        spec:
          containers:
            - name: app
              image: app:1
              resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}
              ports: [{containerPort: 8080}]
  - "not an object"
  - {}
`;

test('each item of a List is checked as an object of its own, with its own annotations', () => {
  const findings = checkText(LIST, { languageId: 'yaml' });
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.object?.name, f.range.start.line]),
    [
      ['missing-liveness-probe', 'fire-first', 16],
      ['missing-readiness-probe', 'fire-first', 16],
      ['missing-readiness-probe', 'fire-second', 34],
    ],
  );
});

test('typed lists (DeploymentList) work the same; an empty list is quiet', () => {
  const typed = LIST.replace('kind: List', 'kind: DeploymentList').replace('apiVersion: v1', 'apiVersion: apps/v1');
  assert.equal(checkText(typed, { languageId: 'yaml' }).length, 3);
  assert.deepEqual(checkText('apiVersion: v1\nkind: List\nitems: []\n', { languageId: 'yaml' }), []);
});
