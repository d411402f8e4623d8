// The two lists the issue asks for: real, benign label values stay silent, and each bad
// one is reported with its shape. A false positive here is a bug in the shapes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entropyRatio, labelValueShape } from '../../server/src/service/kubernetes/labelValueShape';

const BENIGN = [
  // app and component names
  'nginx',
  'my-app',
  'payment-service',
  'frontend',
  'backend-api',
  'redis-master',
  'kube-prometheus-stack',
  'ingress-nginx-controller',
  'node-exporter',
  'kube-state-metrics',
  'argocd-application-controller',
  'elasticsearch-master',
  'calico-node',
  'cilium-operator',
  'aws-load-balancer-controller',
  'OrderServiceV2',
  'oauth2-proxy',
  'log4j2',
  'auth0',
  's3-bucket-prod',
  'gke-cluster-1',
  'kafka-0',
  'e2e-tests',
  // versions, calendar versions and git tags
  '1.2.3',
  'v2',
  '2024.05',
  '2024.05.01',
  'v2024.05.01',
  'v1.27.3',
  '3.11',
  '1.0.0-rc.1',
  'v0.45.0-beta.2',
  '14.2-alpine',
  'release-1.2',
  'release-2024-05',
  'v1beta1',
  'v1alpha3',
  'v3.4.0-rc2',
  '25.3.0',
  '2.14.0.1',
  '10.0.0',
  '20.04',
  '1.21.6-alpine3.18',
  'go1.21.5',
  'jdk17',
  'openjdk-17-jre',
  'spring-boot-2.7.18',
  'postgresql-14.5.0',
  'v1.4.2',
  // short git hashes, abbreviated as git does
  'a1b2c3d',
  '3f2a9c1',
  'deadbeef',
  'build-1234',
  'pr-1234',
  // Helm and its conventions
  'my-chart',
  'Helm',
  'my-release',
  'prometheus',
  'nginx-1.2.3',
  'kube-prometheus-stack-45.7.1',
  'rabbitmq-3.12-management',
  // environments, tiers, regions, machine types
  'production',
  'staging',
  'canary',
  'blue',
  'us-east-1',
  'eu-west-2',
  'us-central1-a',
  'amd64',
  'x86_64',
  'linux',
  'ubuntu-22.04',
  'python3.11',
  'gp2',
  'm5.large',
  'c5.2xlarge',
  'n1-standard-4',
  'e2-standard-2',
  'Standard_D4s_v3',
  'k8s',
  'true',
  'enabled',
  'NoSchedule',
  'CriticalAddonsOnly',
  'cert-manager',
  'external-dns',
  'mongodb-replicaset-v7',
];

const BAD: readonly (readonly [string, string])[] = [
  ['3f2b1c4e-8a7d-4e6f-9b2a-1c3d5e7f9a0b', 'a UUID'],
  ['2024-05-01T12-30-00Z', 'a timestamp'],
  ['20240501123000', 'a timestamp'],
  ['1714567890', 'a Unix timestamp'],
  ['1714567890123', 'a Unix timestamp'],
  ['2024-05-01', 'a date'],
  ['20240501', 'a date'],
  ['3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39', 'a commit hash'],
  ['3f2a9c1d8e7b', 'a hex hash'],
  ['sha-3f2a9c1d8e7b6a5f', 'a hex hash'],
  ['aGVsbG8gd29ybGQgMTIz', 'a base64 hash'],
  ['n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg', 'a base64 hash'],
  ['10.0.12.7', 'an IP address'],
  ['192.168.1.10', 'an IP address'],
  ['ip-10-0-1-23', 'an IP address'],
  ['jane.doe@example.com', 'an e-mail address'],
  ['https://example.com/x', 'a URL or a path'],
  ['/api/v1/users', 'a URL or a path'],
  ['12345678', 'a long numeric id'],
  ['user-12345678', 'a name with a long numeric id'],
  ['order_98765432', 'a name with a long numeric id'],
  ['x7Kp2QmZ9rT4', 'a random string'],
  ['k3j9x8w2v7q1', 'a random string'],
  ['web-7d9f8b6c5d-x2k4p', "a pod's name (a per-pod value)"],
];

test('benign label values stay silent', () => {
  const reported = BENIGN.flatMap((value) => {
    const shape = labelValueShape(value);
    return shape ? [`${value}: ${shape.shape}`] : [];
  });
  assert.deepEqual(reported, []);
});

test('each bad label value is reported with its shape', () => {
  for (const [value, shape] of BAD) assert.equal(labelValueShape(value)?.shape, shape, value);
});

test('the entropy measure tells words from random strings', () => {
  assert.ok(entropyRatio('x7Kp2QmZ9rT4') > 0.9);
  assert.ok(entropyRatio('mississippi') < 0.6);
});

test('hostile values return quickly', () => {
  const started = Date.now();
  for (const value of ['a'.repeat(100_000), '1-'.repeat(50_000), `${'1'.repeat(4)}-`.repeat(20_000), '@'.repeat(100_000)]) {
    labelValueShape(value);
  }
  assert.ok(Date.now() - started < 2000);
});
