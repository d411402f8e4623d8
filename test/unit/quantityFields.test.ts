// Where quantities are found: the generated OpenAPI paths, walked over real manifests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import { kubeObjectsIn } from '../../server/src/service/kubernetes/objects';
import { quantityFieldsOf } from '../../server/src/service/kubernetes/quantityFields';

function fields(yaml: string): string[] {
  const docs = parseAllDocuments(yaml) as Document.Parsed[];
  return docs
    .flatMap((doc) => kubeObjectsIn(doc))
    .flatMap((object) => quantityFieldsOf(object))
    .map(
      (f) =>
        `${f.key}=${typeof f.text === 'string' ? f.text : `<${f.text.wrongType}>`} ${f.resource}/${f.role}${f.container ? ' (container)' : ''}`,
    );
}

test('a Deployment: container requests and limits, init containers, overhead, emptyDir, numbers as written', () => {
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      overhead: {cpu: 10m}
      initContainers:
        - name: migrate
          resources: {requests: {cpu: 0.5}}
      containers:
        - name: web
          resources:
            requests: {cpu: 250m, memory: 1e3}
            limits: {memory: 1Gi, nvidia.com/gpu: 1, ephemeral-storage: true}
      volumes:
        - name: cache
          emptyDir: {sizeLimit: 500Mi}
`;
  assert.deepEqual(fields(yaml).sort(), [
    'cpu=0.5 cpu/request (container)',
    'cpu=10m cpu/other',
    'cpu=250m cpu/request (container)',
    'ephemeral-storage=<a boolean> storage/limit (container)',
    'memory=1Gi memory/limit (container)',
    'memory=1e3 memory/request (container)',
    'nvidia.com/gpu=1 other/limit (container)',
    'sizeLimit=500Mi storage/other',
  ]);
});

test('LimitRange, ResourceQuota, PVC and StatefulSet claim templates', () => {
  const yaml = `apiVersion: v1
kind: LimitRange
metadata: {name: lr}
spec:
  limits:
    - type: Container
      default: {memory: 512Mi}
      defaultRequest: {memory: 256Mi}
      max: {cpu: "2"}
      maxLimitRequestRatio: {cpu: 4}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: rq}
spec:
  hard: {cpu: "10", limits.memory: 20Gi, pods: "50"}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {resources: {requests: {storage: 10Gi}}}
  template:
    spec:
      containers: [{name: db, resources: {limits: {memory: }}}]
`;
  assert.deepEqual(fields(yaml), [
    'memory=512Mi memory/limit',
    'memory=256Mi memory/request',
    'cpu=2 cpu/other',
    'cpu=4 other/other',
    'cpu=10 cpu/request',
    'limits.memory=20Gi memory/limit',
    'pods=50 count/other',
    'storage=10Gi storage/request',
    'memory=<empty> memory/limit (container)',
  ]);
});
