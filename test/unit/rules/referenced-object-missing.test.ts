import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'referenced-object-missing';
const fixtures = ruleFixtures(RULE);
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: api}\nspec:\n  containers:\n    - name: api\n      image: "nginx:1.27"\n      envFrom: [{configMapRef: {name: settings}}]\n';
const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n`;
const kustomization = (body: string) => `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${body}`;
const SHOP_POD = POD.replace('metadata: {name: api}', 'metadata: {name: api, namespace: shop}');
const SECRET_POD = POD.replace('configMapRef: {name: settings}', 'secretRef: {name: web-tls}');
const secret = (name: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: ${name}}\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'alone', code: POD },
    { name: 'declared in another file', code: POD, otherFiles: [{ code: configMap('settings') }] },
    {
      name: 'made by a kustomize generator',
      code: POD,
      otherFiles: [
        { code: configMap('other') },
        {
          code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nconfigMapGenerator:\n  - name: settings\n    literals: [a=b]\n',
        },
      ],
    },
    {
      name: 'generated with a prefix in the namespace the kustomization sets: the name as generated still resolves',
      code: SHOP_POD,
      otherFiles: [
        {
          code: kustomization(
            'namespace: shop\nnamePrefix: prod-\nconfigMapGenerator:\n  - name: settings\n    literals: [a=b]\n',
          ),
        },
      ],
    },
    {
      // The root CA publisher makes kube-root-ca.crt in every namespace (Kubernetes 1.20 and later).
      name: 'the cluster CA ConfigMap',
      code: POD.replace('name: settings}', 'name: kube-root-ca.crt}'),
      otherFiles: [{ code: configMap('other') }],
    },
    {
      name: 'a SealedSecret of that name: its controller writes the Secret',
      code: SECRET_POD,
      otherFiles: [
        { code: secret('other') },
        {
          code: 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: web-tls}\nspec: {encryptedData: {a: AgB}}\n',
        },
      ],
    },
    {
      name: "a cert-manager Certificate's secretName",
      code: SECRET_POD,
      otherFiles: [
        { code: secret('other') },
        {
          code: 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web}\nspec:\n  secretName: web-tls\n  issuerRef: {name: le}\n',
        },
      ],
    },
    {
      name: "an ExternalSecret's target",
      code: SECRET_POD,
      otherFiles: [
        { code: secret('other') },
        {
          code: 'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata: {name: keys}\nspec:\n  target: {name: web-tls}\n',
        },
      ],
    },
    {
      name: 'optional',
      code: POD.replace('name: settings}', 'name: settings, optional: true}'),
      otherFiles: [{ code: configMap('other') }],
    },
  ],
  invalid: [
    {
      name: "a name no generator of the tree makes, where the generators make the namespace's only ConfigMaps",
      code: SHOP_POD.replace('name: settings}', 'name: setings}'),
      otherFiles: [
        {
          code: kustomization(
            'namespace: shop\nconfigMapGenerator:\n  - name: settings\n    literals: [a=b]\nsecretGenerator:\n  - name: keys\n    literals: [k=v]\n',
          ),
        },
      ],
      errors: [
        {
          messageId: 'missing',
          data: { kind: 'ConfigMap', name: 'setings', namespace: "namespace 'shop'", count: 1 },
          line: 8,
          column: 33,
        },
      ],
    },
    fixtures.invalid('fire-references.yaml', {
      errors: [
        {
          messageId: 'missing',
          data: { kind: 'ConfigMap', name: 'config', namespace: "namespace 'shop'", count: 1 },
          line: 18,
          column: 30,
        },
        {
          messageId: 'missing',
          data: { kind: 'Secret', name: 'secret', namespace: "namespace 'shop'", count: 1 },
          line: 22,
          column: 32,
        },
        {
          messageId: 'missing',
          data: { kind: 'PersistentVolumeClaim', name: 'data', namespace: "namespace 'shop'", count: 1 },
          line: 28,
          column: 35,
        },
      ],
    }),
    {
      name: 'a custom object of another name makes another Secret',
      code: SECRET_POD,
      otherFiles: [
        { code: secret('other') },
        { code: 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: db}\nspec: {encryptedData: {a: AgB}}\n' },
      ],
      errors: [
        {
          messageId: 'missing',
          data: { kind: 'Secret', name: 'web-tls', namespace: 'the namespace it is applied to', count: 1 },
          line: 8,
          column: 30,
        },
      ],
    },
    {
      name: 'another file declares another ConfigMap',
      code: POD,
      otherFiles: [{ code: configMap('other') }],
      errors: [{ messageId: 'missing', line: 8, column: 33 }],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
