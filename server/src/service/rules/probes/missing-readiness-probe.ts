import { checkMissingProbe } from './missingProbe';
import { defineRule } from '../api/ruleTypes';

export const missingReadinessProbe = defineRule(
  {
    id: 'missing-readiness-probe',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { workloads: true, exceptKinds: ['Job', 'CronJob'] },
    description: 'Every long-running container declares a readinessProbe.',
    why: 'Without a readiness probe, Kubernetes sends traffic to a container as soon as its process starts, before it has loaded its config, warmed its caches or opened its connections, so the first requests of every rollout and restart fail. A readiness probe also takes an overloaded pod out of the Service until it recovers, and it is what makes a rolling update zero-downtime.',
    remediation: 'Add a readinessProbe (httpGet on a cheap health endpoint, or tcpSocket on the serving port) to the container.',
    equivalents: [
      'kube-linter:no-readiness-probe',
      'kube-score:pod-probes',
      'polaris:readinessProbeMissing',
      'checkov:CKV_K8S_9',
    ],
    messages: {
      missing: "Container '{{container}}' has no readinessProbe: it gets traffic as soon as its process starts, ready or not.",
    },
    fixable: true,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: true,
  },
  (context) => checkMissingProbe(context, 'readinessProbe'),
);
