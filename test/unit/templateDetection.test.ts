/**
 * Templates (issue 8): `{{ … }}` in string values is data; a file is a template when it
 * sits in a chart's templates/ or cannot be parsed because of template syntax or a
 * placeholder; only a chart template is told to run `helm template`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../server/src/service/engine/checkFile';

const check = (text: string, isHelmChartTemplate = false) => checkText(text, { languageId: 'yaml', isHelmChartTemplate });
const ids = (text: string) => [...new Set(check(text).map((f) => f.ruleId))].sort();

const PROMETHEUS_RULE = `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: pods
spec:
  groups:
    - name: pods
      rules:
        - alert: PodDown
          expr: up{job="pods"} == 0
          annotations:
            description: Pod {{ $labels.pod }} in {{ $labels.namespace }} is down
            summary: "{{ $labels.pod }} down"
`;

test('Prometheus templating in plain string values is data: the file is checked', () => {
  // No CRD is in this one-file workspace, so only the schema note remains: the templating is not judged.
  assert.deepEqual(
    check(PROMETHEUS_RULE).map((f) => f.ruleId),
    ['unknown-kind'],
  );
  const withPod = `${PROMETHEUS_RULE}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: app:latest\n`;
  assert.ok(ids(withPod).includes('image-tag-not-pinned'), 'the other objects are checked');
});

test('a value that starts with {{ outside a chart: a template in general, not helm advice', () => {
  const text =
    'apiVersion: notification.toolkit.fluxcd.io/v1beta3\nkind: Alert\nmetadata:\n  name: flux-system\n  namespace: {{ .fluxns }}\n';
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    ['file-not-checked'],
  );
  assert.match(findings[0]!.message, /^Template: this file holds Go template syntax outside its values/);
  assert.doesNotMatch(findings[0]!.message, /helm/i);
});

test('in a chart, the same file is told to run helm template', () => {
  const [finding] = check('apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n', true);
  assert.match(finding!.message, /helm template/);
});

test('a placeholder that keeps the file from parsing names itself', () => {
  const text =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: bind\nspec:\n  type: ClusterIP\n  clusterIP: {SERVICE_IP_PREFIX}.16\n  ports:\n  - port: 53\n';
  const findings = check(text);
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.severity]),
    [['file-not-checked', 'information']],
  );
  assert.match(findings[0]!.message, /the placeholder '\{SERVICE_IP_PREFIX\}'/);
});

test('a real syntax error without a placeholder stays a syntax error', () => {
  assert.deepEqual(ids('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: [1\n'), ['yaml-syntax']);
});

test('placeholders in values that parse are not findings of the rules about those values', () => {
  const pod = (image: string, cpu: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: ${image}\n      resources:\n        requests: {cpu: ${cpu}, memory: 64Mi}\n        limits: {memory: 64Mi}\n`;
  for (const [image, cpu] of [
    ['<image_url>', '"__CPU__"'],
    ['$OPERATOR_IMAGE', '"${CPU}"'],
    ['"{IMAGE}"', '"<cpu>"'],
  ] as const) {
    const found = ids(pod(image, cpu));
    assert.ok(!found.includes('image-tag-not-pinned'), `${image}: ${found.join(', ')}`);
    assert.ok(!found.includes('invalid-quantity'), `${cpu}: ${found.join(', ')}`);
  }
});
