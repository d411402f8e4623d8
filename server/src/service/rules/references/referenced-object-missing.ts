/**
 * ConfigMaps, Secrets and PersistentVolumeClaims that a pod spec mounts or reads
 * (`envFrom`, `valueFrom`, volumes) and the workspace does not declare in its namespace,
 * unless the reference is `optional: true` (kube-linter `env-value-from`). Silent when the
 * workspace declares no object of that kind there.
 */
import { customObjectFacts } from '../../facts/customObjects';
import { kustomizationFacts } from '../../facts/kustomizations';
import { objectFacts } from '../../facts/objects';
import { workloadFacts } from '../../facts/workloads';
import { defineWorkspaceRule } from '../api/ruleTypes';
import { checkPodReferences } from './podReferenceCheck';

export const referencedObjectMissing = defineWorkspaceRule(
  {
    id: 'referenced-object-missing',
    type: 'problem',
    defaultSeverity: 'warning',
    description: 'The ConfigMaps, Secrets and claims a pod reads or mounts are declared in its namespace.',
    why: "A pod that mounts or reads a ConfigMap, Secret or PersistentVolumeClaim that does not exist in its namespace does not start: the kubelet reports CreateContainerConfigError, or the pod stays Pending on the claim, and a rollout stalls on its first new pod. References are resolved by name in the pod's namespace only; mark a reference `optional: true` when the pod can start without it.",
    remediation: "Name an object declared in the pod's namespace, declare the missing one, or mark the reference optional: true.",
    equivalents: ['kube-linter:env-value-from'],
    messages: {
      missing:
        "{{kind}} '{{name}}' is not declared in {{namespace}} (declared there: {{count}}): the pod does not start without it.",
    },
    fixable: false,
    facts: [workloadFacts, objectFacts, customObjectFacts, kustomizationFacts],
  },
  (context) => checkPodReferences(context, ['ConfigMap', 'Secret', 'PersistentVolumeClaim'], 'missing'),
);
