// The committed schemas/kubernetes-{kinds,schemas,descriptions,removed-apis}.json match a
// re-generation from the upstream OpenAPI (when the upstream folder is there), and hold
// what validation relies on.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { builtinDefinitions, builtinSchema, describeBuiltin } from '../../server/src/service/schema/builtinSchemas';
import { fieldAt, typeName } from '../../server/src/service/schema/schemaWalk';
import { REPO_ROOT } from '../support/ruleTester';

const UPSTREAM = path.resolve(REPO_ROOT, '..', 'shared', 'upstream', 'kubernetes-openapi', 'v3');

test('generated schemas are up to date (run `node scripts/generate-schemas.mjs` if this fails)', (t) => {
  if (!fs.existsSync(UPSTREAM)) {
    t.skip(`the upstream OpenAPI is not at ${UPSTREAM}`);
    return;
  }
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/generate-schemas.mjs'), '--check'], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
});

test('quantities accept anything (invalid-quantity judges them) and int-or-string takes both', () => {
  const definitions = builtinDefinitions();
  assert.deepEqual(definitions['api.resource.Quantity'], {});
  assert.deepEqual(definitions['util.intstr.IntOrString'], { type: ['integer', 'string'] });
});

test('enums stated only in descriptions are enums', () => {
  const service = builtinSchema('v1', 'Service')!;
  assert.deepEqual(fieldAt(service, ['spec', 'type'])?.node.enum, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
  const pod = builtinSchema('v1', 'Pod')!;
  assert.deepEqual(fieldAt(pod, ['spec', 'containers', 0, 'imagePullPolicy'])?.node.enum, ['Always', 'IfNotPresent', 'Never']);
  assert.deepEqual(fieldAt(pod, ['spec', 'restartPolicy'])?.node.enum, ['Always', 'OnFailure', 'Never']);
  assert.deepEqual(fieldAt(pod, ['spec', 'containers', 0, 'ports', 0, 'protocol'])?.node.enum, ['TCP', 'UDP', 'SCTP']);
});

test('fields carry their type, requiredness and description', () => {
  const deployment = builtinSchema('apps/v1', 'Deployment')!;
  const probe = fieldAt(deployment, ['spec', 'template', 'spec', 'containers', 0, 'readinessProbe'])!;
  assert.equal(typeName(deployment, probe.declared), 'Probe');
  assert.equal(probe.required, false);
  assert.match(describeBuiltin(probe.parent!, 'readinessProbe') ?? '', /Periodic probe of container service readiness/);
  const containers = fieldAt(deployment, ['spec', 'template', 'spec', 'containers'])!;
  assert.equal(typeName(deployment, containers.declared), '[]Container');
  assert.equal(containers.required, true);
  assert.equal(typeName(deployment, fieldAt(deployment, ['metadata', 'labels'])!.declared), 'map[string]string');
});
