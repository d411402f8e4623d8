import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markedCase } from '../../support/markedRange';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'schema-violation';
const fixtures = ruleFixtures(RULE);

/** A Pod with one container; `lines` are the container's further fields, indented six spaces. */
const pod = (lines: string, spec = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n${spec}  containers:\n    - name: app\n      image: registry.example.com/app:1.0.0\n${lines}`;
const deployment = (spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fire\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      containers: [{name: a, image: "a:1"}]\n${spec}`;
const service = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: fire\nspec:\n${spec}`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'int-or-string as a name', code: pod('      livenessProbe:\n        httpGet: {port: http}\n') },
    { name: 'int-or-string as a number', code: pod('      livenessProbe:\n        tcpSocket: {port: 8080}\n') },
    { name: 'a null field is unset, as the API server reads it', code: pod('      resources: null\n      env: ~\n') },
    {
      name: 'a placeholder an installer fills in has its type once filled in',
      code: deployment('  replicas: $REPLICAS\n  revisionHistoryLimit: "{{ .Values.history }}"\n'),
    },
    {
      name: 'quantities are invalid-quantity’s to judge',
      code: pod('      resources:\n        limits: {memory: 100mi, cpu: [1]}\n'),
    },
    { name: 'annotations and labels hold strings', code: pod('', '  nodeSelector:\n    disk: ssd\n') },
    {
      name: 'a label value YAML reads as a number is invalid-label’s to report, with its quoting fix',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    version: 1.0\n    enabled: true\nspec:\n  containers: [{name: a, image: "a:1"}]\n',
    },
    {
      name: 'a selector value YAML reads as a number is invalid-label’s to report',
      code: service('  selector:\n    tier: 1\n  ports: [{port: 80}]\n'),
    },
    {
      name: 'a document YAML cannot read is yaml-syntax’s alone: no type error for what the parser made of it',
      code: service('  type: ClusterIP\n  clusterIP: {SERVICE_IP_PREFIX}.16\n  ports: [{port: 53}]\n'),
    },
    {
      name: 'an unknown kind has no schema here',
      code: 'apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: x\nspec:\n  a: 1\n',
    },
    {
      name: 'a removed API is removed-api-version’s to report',
      code: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: "2"\n',
    },
    {
      name: 'merge keys bring fields in',
      code: pod('      livenessProbe:\n        <<: {periodSeconds: 5}\n        tcpSocket: {port: 80}\n'),
    },
    {
      name: 'JSON',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"a": "1"}}',
    },
    {
      name: 'a Secret with stringData',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: Opaque\nstringData:\n  password: hunter2\n',
    },
  ],
  invalid: [
    fixtures.invalid('fire-typos.yaml', {
      errors: [
        {
          messageId: 'unknownFieldDidYouMean',
          data: { field: 'contianers', owner: 'PodSpec', suggestion: 'containers' },
          line: 15,
          column: 7,
          endColumn: 17,
        },
        { messageId: 'badEnumDidYouMean', line: 35, column: 28, endColumn: 40 },
        {
          messageId: 'unknownFieldDidYouMean',
          data: { field: 'readinessprobe', owner: 'Container', suggestion: 'readinessProbe' },
          line: 36,
          column: 11,
        },
        { messageId: 'badEnumDidYouMean', line: 46, column: 9, endColumn: 21 },
      ],
    }),
    fixtures.invalid('fire-types.yaml', {
      errors: [
        {
          messageId: 'wrongType',
          data: { field: 'replicas', expected: 'an integer', actual: "the string '3'" },
          line: 7,
          column: 13,
        },
        { messageId: 'badEnum', data: { field: 'protocol', value: 'HTTP', allowed: 'TCP, UDP or SCTP' }, line: 23, column: 25 },
        {
          messageId: 'wrongType',
          data: { field: 'args[]', expected: 'a string', actual: 'the number 8080' },
          line: 24,
          column: 26,
        },
        { messageId: 'wrongType', line: 34, column: 13 },
        { messageId: 'wrongIntOrString', data: { field: 'targetPort', actual: 'the fraction 80.5' }, line: 35, column: 19 },
        {
          messageId: 'wrongType',
          data: { field: 'containers', expected: 'a list', actual: 'a map' },
          line: 42,
          column: 3,
          endLine: 42,
          endColumn: 13,
        },
      ],
      output: null,
    }),
    fixtures.invalid('fire-required.yaml', {
      errors: [
        { messageId: 'missingField', data: { owner: 'DeploymentSpec', field: 'selector' }, line: 6, column: 1, endColumn: 5 },
        { messageId: 'missingField', data: { owner: 'Container', field: 'name' }, line: 13, column: 11 },
        { messageId: 'missingField', data: { owner: 'ServicePort', field: 'port' }, line: 23, column: 7 },
      ],
      output: null,
    }),
    fixtures.invalid('fire-sibling-field.yaml', {
      errors: [
        {
          messageId: 'unknownFieldOfSibling',
          data: { field: 'replicas', owner: 'DaemonSetSpec', siblings: 'DeploymentSpec, ReplicaSetSpec and StatefulSetSpec' },
          line: 7,
          column: 3,
          endColumn: 11,
        },
      ],
      output: null,
    }),
    // The table: one problem each, one finding each, at the marked range.
    markedCase(
      'unknown container field, no near miss',
      pod('      «colour»: blue\n'),
      'unknownField',
      { field: 'colour', owner: 'Container' },
      { output: null },
    ),
    markedCase('livenessprobe', pod('      «livenessprobe»: {}\n'), 'unknownFieldDidYouMean', undefined, {
      output: pod('      livenessProbe: {}\n'),
    }),
    markedCase('imagepullpolicy key', pod('      «imagepullpolicy»: Always\n'), 'unknownFieldDidYouMean', undefined, {
      output: pod('      imagePullPolicy: Always\n'),
    }),
    markedCase(
      'enviroment',
      pod('      «evn»:\n        - {name: A, value: b}\n'),
      'unknownFieldDidYouMean',
      { field: 'evn', owner: 'Container', suggestion: 'env' },
      { output: pod('      env:\n        - {name: A, value: b}\n') },
    ),
    markedCase(
      'resource (singular)',
      pod('      «resource»:\n        limits: {memory: 1Gi}\n'),
      'unknownFieldDidYouMean',
      undefined,
      { output: pod('      resources:\n        limits: {memory: 1Gi}\n') },
    ),
    markedCase(
      'a probe field',
      pod('      readinessProbe:\n        tcpSocket: {port: 80}\n        «periodSecond»: 10\n'),
      'unknownFieldDidYouMean',
      undefined,
      { output: pod('      readinessProbe:\n        tcpSocket: {port: 80}\n        periodSeconds: 10\n') },
    ),
    markedCase(
      'a metadata field',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fire\n  «label»: {a: b}\n',
      'unknownFieldDidYouMean',
      { field: 'label', owner: 'ObjectMeta', suggestion: 'labels' },
      { output: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fire\n  labels: {a: b}\n' },
    ),
    markedCase(
      'a top-level field',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fire\n«spec»: {}\n',
      'unknownField',
      { field: 'spec', owner: 'ConfigMap' },
      { output: null },
    ),
    markedCase('a pod spec field', pod('', '  «restartPolicies»: Never\n'), 'unknownFieldDidYouMean', undefined, {
      output: pod('', '  restartPolicy: Never\n'),
    }),
    markedCase(
      'serviceName on a Deployment',
      deployment('  «serviceName»: web\n'),
      'unknownFieldOfSibling',
      { field: 'serviceName', owner: 'DeploymentSpec', siblings: 'StatefulSetSpec' },
      { output: null },
    ),
    markedCase(
      'replicas as a string',
      deployment('  replicas: «"2"»\n'),
      'wrongType',
      { field: 'replicas', expected: 'an integer', actual: "the string '2'" },
      { output: null },
    ),
    markedCase(
      'replicas as a fraction',
      deployment('  replicas: «1.5»\n'),
      'wrongType',
      { field: 'replicas', expected: 'an integer', actual: 'the fraction 1.5' },
      { output: null },
    ),
    markedCase(
      'an annotation that is a boolean',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fire\n  annotations:\n    enabled: «true»\n',
      'wrongType',
      { field: 'enabled', expected: 'a string', actual: 'the boolean true' },
      { output: null },
    ),
    markedCase(
      'an env value that is a number',
      pod('      env:\n        - name: PORT\n          value: «8080»\n'),
      'wrongType',
      { field: 'value', expected: 'a string', actual: 'the number 8080' },
      { output: null },
    ),
    markedCase(
      'ConfigMap data that is a number',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fire\ndata:\n  retries: «3»\n',
      'wrongType',
      undefined,
      { output: null },
    ),
    markedCase(
      'command as a string',
      pod('      command: «/bin/app --serve»\n'),
      'wrongType',
      { field: 'command', expected: 'a list', actual: "the string '/bin/app --serve'" },
      { output: null },
    ),
    markedCase(
      'a boolean as a string',
      pod('      stdin: «"yes"»\n'),
      'wrongType',
      { field: 'stdin', expected: 'true or false', actual: "the string 'yes'" },
      { output: null },
    ),
    markedCase(
      'ports as a map',
      pod('      «ports»:\n        containerPort: 80\n'),
      'wrongType',
      { field: 'ports', expected: 'a list', actual: 'a map' },
      { output: null },
    ),
    markedCase(
      'a list item that is a string',
      pod('      ports:\n        - «"80"»\n'),
      'wrongType',
      { field: 'ports[]', expected: 'a map', actual: "the string '80'" },
      { output: null },
    ),
    markedCase(
      'int-or-string as a boolean',
      pod('      livenessProbe:\n        httpGet: {port: «true»}\n'),
      'wrongIntOrString',
      { field: 'port', actual: 'the boolean true' },
      { output: null },
    ),
    markedCase(
      'maxSurge as a fraction',
      deployment('  strategy:\n    rollingUpdate:\n      maxSurge: «0.25»\n'),
      'wrongIntOrString',
      undefined,
      { output: null },
    ),
    markedCase(
      'PDB minAvailable as a list',
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: fire\nspec:\n  minAvailable: «[1]»\n',
      'wrongIntOrString',
      { field: 'minAvailable', actual: 'a list' },
      { output: null },
    ),
    markedCase(
      'Service type',
      service('  type: «External»\n'),
      'badEnumDidYouMean',
      {
        field: 'type',
        value: 'External',
        suggestion: 'ExternalName',
        allowed: 'ClusterIP, ExternalName, LoadBalancer or NodePort',
      },
      { output: service('  type: ExternalName\n') },
    ),
    markedCase('Service type in lower case', service('  type: «nodeport»\n'), 'badEnumDidYouMean', undefined, {
      output: service('  type: NodePort\n'),
    }),
    markedCase(
      'restartPolicy',
      pod('', '  restartPolicy: «Sometimes»\n'),
      'badEnum',
      { field: 'restartPolicy', value: 'Sometimes', allowed: 'Always, OnFailure or Never' },
      { output: null },
    ),
    markedCase('imagePullPolicy', pod('      imagePullPolicy: «Alway»\n'), 'badEnumDidYouMean', undefined, {
      output: pod('      imagePullPolicy: Always\n'),
    }),
    markedCase(
      'protocol in lower case',
      pod('      ports:\n        - containerPort: 53\n          protocol: «udp»\n'),
      'badEnumDidYouMean',
      undefined,
      { output: pod('      ports:\n        - containerPort: 53\n          protocol: UDP\n') },
    ),
    markedCase('dnsPolicy', pod('', '  dnsPolicy: «ClusterFirstWithHost»\n'), 'badEnum', undefined, { output: null }),
    markedCase(
      'strategy type',
      deployment('  strategy:\n    type: «Rolling»\n'),
      'badEnumDidYouMean',
      { field: 'type', value: 'Rolling', suggestion: 'RollingUpdate', allowed: 'Recreate or RollingUpdate' },
      { output: deployment('  strategy:\n    type: RollingUpdate\n') },
    ),
    markedCase(
      'strategy type, far off',
      deployment('  strategy:\n    type: «BlueGreen»\n'),
      'badEnum',
      { field: 'type', value: 'BlueGreen', allowed: 'Recreate or RollingUpdate' },
      { output: null },
    ),
    markedCase(
      'concurrencyPolicy',
      'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: fire\nspec:\n  schedule: "* * * * *"\n  concurrencyPolicy: «forbid»\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: a, image: "a:1"}]\n',
      'badEnumDidYouMean',
      undefined,
      {
        output:
          'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: fire\nspec:\n  schedule: "* * * * *"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: a, image: "a:1"}]\n',
      },
    ),
    markedCase(
      'toleration effect',
      pod('', '  tolerations:\n    - key: dedicated\n      effect: «NoScheduling»\n'),
      'badEnumDidYouMean',
      undefined,
      { output: pod('', '  tolerations:\n    - key: dedicated\n      effect: NoSchedule\n') },
    ),
    markedCase(
      'Ingress pathType',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: fire\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: «prefix»\n            backend: {service: {name: web, port: {number: 80}}}\n',
      'badEnumDidYouMean',
      undefined,
      {
        output:
          'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: fire\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend: {service: {name: web, port: {number: 80}}}\n',
      },
    ),
    markedCase(
      'container without an image is fine, without a name not',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n  containers:\n    - «image»: app:1\n',
      'missingField',
      { owner: 'Container', field: 'name' },
      { output: null },
    ),
    markedCase(
      'a Pod without containers',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\n«spec»:\n  restartPolicy: Never\n',
      'missingField',
      { owner: 'PodSpec', field: 'containers' },
      { output: null },
    ),
    markedCase(
      'a containerPort without its number',
      pod('      ports:\n        - «name»: http\n'),
      'missingField',
      { owner: 'ContainerPort', field: 'containerPort' },
      { output: null },
    ),
    markedCase(
      'an env var without a name',
      pod('      env:\n        - «value»: "1"\n'),
      'missingField',
      { owner: 'EnvVar', field: 'name' },
      { output: null },
    ),
    markedCase(
      'a RoleBinding without roleRef',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: «RoleBinding»\nmetadata:\n  name: fire\nsubjects: []\n',
      'missingField',
      { owner: 'RoleBinding', field: 'roleRef' },
      { output: null },
    ),
    markedCase(
      'a misspelt required field is one problem',
      pod('', '  «contaners»: []\n').replace('  containers:\n    - name: app\n      image: registry.example.com/app:1.0.0\n', ''),
      'unknownFieldDidYouMean',
      { field: 'contaners', owner: 'PodSpec', suggestion: 'containers' },
      { output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n  containers: []\n' },
    ),
    markedCase(
      'inside a List',
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: fire\n    spec:\n      ports:\n        - port: «http»\n',
      'wrongType',
      { field: 'port', expected: 'an integer', actual: "the string 'http'" },
      { output: null },
    ),
    markedCase(
      'a misspelt field in JSON',
      '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "fire"}, "spec": {«"tpye"»: "ClusterIP"}}',
      'unknownFieldDidYouMean',
      undefined,
      {
        languageId: 'json',
        output: '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "fire"}, "spec": {"type": "ClusterIP"}}',
      },
    ),
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
