/**
 * An Endpoints object (or a hand-written EndpointSlice) with no Service to serve. An
 * Endpoints object belongs to the Service of its exact name and namespace (KNOWLEDGE §4),
 * a slice to the one its `kubernetes.io/service-name` label names: a typo in either leaves
 * the addresses unused and the Service without backends. Silent when the workspace holds
 * no Service in that namespace (the Service may be applied from elsewhere).
 */
import { endpointSliceFacts, endpointsFacts } from '../../facts/endpoints';
import { serviceFacts } from '../../facts/services';
import { namespaceKey, namespaceWords, sameNamespace } from '../../kubernetes/namespaces';
import { kustomizationFacts, mayBeRemote } from '../../facts/kustomizations';
import { servicesByName, servicesByNamespace } from '../../facts/factIndexes';
import { defineWorkspaceRule } from '../api/ruleTypes';

export const endpointsWithoutService = defineWorkspaceRule(
  {
    id: 'endpoints-without-service',
    type: 'problem',
    defaultSeverity: 'warning',
    description: 'An Endpoints object or EndpointSlice belongs to a Service of the workspace.',
    why: 'Endpoints are joined to their Service by name only: an Endpoints object must have exactly the name and namespace of its Service, and an EndpointSlice must carry the label `kubernetes.io/service-name` with the Service name. A name that differs by one character leaves the Service with no backends (connections hang or are refused) and the addresses unused, and nothing reports the mismatch.',
    remediation: 'Give the Endpoints object the name of its Service (or label the EndpointSlice with it), in the same namespace.',
    equivalents: [],
    messages: {
      endpoints: "No Service named '{{name}}' in {{namespace}}: an Endpoints object serves only the Service of its exact name.",
      slice:
        "No Service named '{{name}}' in {{namespace}}: this EndpointSlice's kubernetes.io/service-name label names no Service.",
    },
    fixable: false,
    facts: [endpointsFacts, endpointSliceFacts, serviceFacts, kustomizationFacts],
  },
  (context) => {
    // Reading the whole workspace costs a pass over every file: only when this file has something to check.
    if (context.inFile(endpointsFacts).length === 0 && context.inFile(endpointSliceFacts).length === 0) return;
    // As inNamespace, then by name: counted and looked up, so the judgement depends on those Services alone.
    const known = (name: string, namespace: string): boolean | undefined => {
      if (!context.has(servicesByNamespace, namespaceKey(namespace))) return undefined;
      if (mayBeRemote(context.all(kustomizationFacts), namespace)) return undefined;
      return context.lookup(servicesByName, name).some((service) => sameNamespace(service.namespace, namespace));
    };
    for (const endpoints of context.inFile(endpointsFacts)) {
      if (!endpoints.name || known(endpoints.name, endpoints.namespace) !== false) continue;
      context.report({
        fact: endpoints,
        messageId: 'endpoints',
        data: { name: endpoints.name, namespace: namespaceWords(endpoints.namespace) },
      });
    }
    for (const slice of context.inFile(endpointSliceFacts)) {
      if (!slice.serviceName || known(slice.serviceName, slice.namespace) !== false) continue;
      context.report({
        fact: slice,
        at: slice.serviceNameSite?.at,
        messageId: 'slice',
        data: { name: slice.serviceName, namespace: namespaceWords(slice.namespace) },
      });
    }
  },
);
