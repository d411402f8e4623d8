import { checkMissingProbe } from './missingProbe';
import { defineRule } from '../api/ruleTypes';

export const missingLivenessProbe = defineRule(
  {
    id: 'missing-liveness-probe',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { workloads: true, exceptKinds: ['Job', 'CronJob'] },
    description: 'Every long-running container declares a livenessProbe.',
    why: 'Without a liveness probe, a container whose process hangs (a deadlock, an exhausted pool, a stuck event loop) keeps running and keeps its place in the Service forever: Kubernetes only restarts containers that exit or fail their liveness probe. Keep it cheaper and more tolerant than the readiness probe, and never make it depend on other services, or one slow dependency restarts every pod.',
    remediation: 'Add a livenessProbe that checks the process itself (not its dependencies) to the container.',
    equivalents: ['kube-linter:no-liveness-probe', 'kube-score:pod-probes', 'polaris:livenessProbeMissing', 'checkov:CKV_K8S_8'],
    messages: {
      missing: "Container '{{container}}' has no livenessProbe: if it hangs, Kubernetes never restarts it.",
    },
    fixable: true,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: true,
  },
  (context) => checkMissingProbe(context, 'livenessProbe'),
);
