import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseImageReference } from '../../../server/src/service/kubernetes/imageReference';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'image-tag-not-pinned';
const fixtures = ruleFixtures(RULE);

const noTag = (line: number, column: number, image: string, container: string) => ({
  messageId: 'noTag',
  data: { image, container },
  line,
  column,
});
const latestTag = (line: number, column: number, image: string, container: string) => ({
  messageId: 'latestTag',
  data: { image, container },
  line,
  column,
});

const mutableTag = (line: number, column: number, image: string, container: string, tag: string) => ({
  messageId: 'mutableTag',
  data: { image, container, tag },
  line,
  column,
});

const SKAFFOLD = {
  code: 'apiVersion: skaffold/v4beta11\nkind: Config\nmetadata:\n  name: shop\nbuild:\n  artifacts:\n    - image: registry.example.com/shop/web\n      docker: {dockerfile: Dockerfile}\nprofiles:\n  - name: debug\n    build:\n      artifacts:\n        - image: registry.example.com/shop/debug\n',
};

const pod = (containers: string, metadata = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\n${metadata}spec:\n  containers:\n${containers}`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      // Quoted, a Go template is not Helm-detected: the rule itself must leave it alone.
      name: 'a quoted template expression',
      code: pod('    - name: web\n      image: "{{ .Values.image.repository }}"\n'),
    },
    {
      name: "kube-linter's ignore annotation for latest-tag",
      code: pod(
        '    - name: web\n      image: nginx\n',
        '  annotations:\n    ignore-check.kube-linter.io/latest-tag: "pinned by the kustomization"\n',
      ).replace('name: fire', 'name: dont-fire'),
    },
    {
      name: 'suppressed with a reason',
      code: pod(`    - name: web\n      # kubewise-disable-next-line ${RULE} -- a throwaway debug pod\n      image: busybox\n`),
    },
    {
      name: 'images a skaffold.yaml of the workspace builds (its profiles too), whatever their tag',
      code: pod(
        '    - name: web\n      image: registry.example.com/shop/web:main\n    - name: debug\n      image: registry.example.com/shop/debug\n',
      ).replace('name: fire', 'name: dont-fire'),
      otherFiles: [SKAFFOLD],
    },
    {
      name: 'a skaffold.yaml in the same file (a multi-document stream)',
      code: `${SKAFFOLD.code}---\n${pod('    - name: web\n      image: registry.example.com/shop/web\n').replace('name: fire', 'name: dont-fire')}`,
    },
  ],
  invalid: [
    {
      name: 'skaffold builds other images: the rest are still findings',
      code: pod(
        '    - name: db\n      image: registry.example.com/shop/db:latest\n    - name: web\n      image: registry.example.com/shop/web-admin\n',
      ),
      otherFiles: [SKAFFOLD],
      errors: [
        latestTag(8, 14, 'registry.example.com/shop/db:latest', 'db'),
        noTag(10, 14, 'registry.example.com/shop/web-admin', 'web'),
      ],
    },
    fixtures.invalid('fire-mutable-tags.yaml', {
      errors: [
        mutableTag(17, 18, 'registry.example.com/shop/migrate:main', 'migrate', 'main'),
        mutableTag(20, 18, 'ghcr.io/example/web:nightly', 'web', 'nightly'),
        mutableTag(22, 18, 'registry.example.com:5000/agent:Edge', 'agent', 'Edge'),
      ],
    }),
    {
      name: 'the list of mutable tags is configurable; latest always counts',
      code: pod(
        '    - name: a\n      image: app:stable\n    - name: b\n      image: app:main\n    - name: c\n      image: app:latest\n',
      ),
      options: { images: { mutableTags: ['stable'] } },
      errors: [mutableTag(8, 14, 'app:stable', 'a', 'stable'), latestTag(12, 14, 'app:latest', 'c')],
    },
    fixtures.invalid('fire-deployment.yaml', { errors: [noTag(18, 18, 'nginx', 'web')], output: null }),
    fixtures.invalid('fire-latest-and-registry-ports.yaml', {
      errors: [
        latestTag(17, 18, 'registry.example.com/shop/web:latest', 'web'),
        noTag(19, 18, 'registry.local:5000/shop/cart', 'cart'),
        latestTag(21, 18, 'localhost:5000/redis:latest', 'cache'),
      ],
      output: null,
    }),
    fixtures.invalid('fire-init-and-ephemeral-containers.yaml', {
      errors: [noTag(9, 14, 'ghcr.io/example/migrate', 'migrate'), latestTag(15, 14, 'busybox:latest', 'debugger')],
      output: null,
    }),
    fixtures.invalid('fire-workload-kinds.yaml', {
      errors: [
        noTag(18, 18, 'postgres', 'db'),
        latestTag(35, 18, 'docker.io/fluent/fluent-bit:latest', 'agent'),
        noTag(50, 22, 'ghcr.io/example/report', 'report'),
        latestTag(62, 18, 'python:latest', 'backfill'),
      ],
      output: null,
    }),
    fixtures.invalid('fire-flow-style.yaml', { errors: [noTag(11, 39, 'nginx', 'web')], output: null }),
    {
      name: 'JSON',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "web", "image": "nginx:latest"}]}}',
      errors: [latestTag(1, 116, 'nginx:latest', 'web')],
      output: null,
    },
    {
      name: 'an alias is reported where it is used',
      code: pod('    - name: web\n      image: &image redis\n    - name: replica\n      image: *image\n'),
      errors: [noTag(8, 21, 'redis', 'web'), noTag(10, 14, 'redis', 'replica')],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});

test('parseImageReference follows the reference grammar', () => {
  const cases: [string, ReturnType<typeof parseImageReference>][] = [
    ['nginx', { name: 'nginx' }],
    ['nginx:1.27', { name: 'nginx', tag: '1.27' }],
    ['registry:5000/app', { name: 'registry:5000/app' }],
    ['registry:5000/app:v2', { name: 'registry:5000/app', tag: 'v2' }],
    ['localhost:5000', { name: 'localhost', tag: '5000' }],
    ['app@sha256:abc', { name: 'app', digest: 'sha256:abc' }],
    ['app:1.0@sha256:abc', { name: 'app', tag: '1.0', digest: 'sha256:abc' }],
    ['', undefined],
    ['app:', undefined],
    ['app@', undefined],
    [':1.0', undefined],
    ['nginx 1.27', undefined],
  ];
  for (const [image, expected] of cases) assert.deepEqual(parseImageReference(image), expected, image);
});
