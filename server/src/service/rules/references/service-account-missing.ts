/**
 * A pod spec's `serviceAccountName` naming no ServiceAccount the workspace declares in
 * its namespace (kube-linter `non-existent-service-account`): the controller cannot create
 * the pods. Silent when the workspace declares no ServiceAccount there.
 */
import { customObjectFacts } from '../../facts/customObjects';
import { kustomizationFacts } from '../../facts/kustomizations';
import { objectFacts } from '../../facts/objects';
import { workloadFacts } from '../../facts/workloads';
import { defineWorkspaceRule } from '../api/ruleTypes';
import { checkPodReferences } from './podReferenceCheck';

export const serviceAccountMissing = defineWorkspaceRule(
  {
    id: 'service-account-missing',
    type: 'problem',
    defaultSeverity: 'warning',
    description: "A pod's serviceAccountName names a ServiceAccount of its namespace.",
    why: 'Pods run as the ServiceAccount their spec names, and admission refuses to create a pod whose ServiceAccount does not exist in its namespace. The Deployment applies, but its ReplicaSet reports `serviceaccount not found` and no pod ever starts; when the manifests declare their ServiceAccounts, a name that is not among them is almost always a typo or a rename in one place.',
    remediation: 'Name a ServiceAccount declared in the same namespace, or declare the one the pods need.',
    equivalents: ['kube-linter:non-existent-service-account'],
    messages: {
      missing:
        "{{kind}} '{{name}}' is not declared in {{namespace}} (declared there: {{count}}): pods that need it are not created.",
    },
    fixable: false,
    facts: [workloadFacts, objectFacts, customObjectFacts, kustomizationFacts],
  },
  (context) => checkPodReferences(context, ['ServiceAccount'], 'missing'),
);
