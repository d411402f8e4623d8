/**
 * A selector-less Service (not ExternalName) with neither an Endpoints object of its name
 * nor an EndpointSlice labelled with it: no controller makes endpoints for it, so it has
 * no backends. Silent when the workspace holds no Endpoints or EndpointSlice at all, so a
 * single file (or endpoints made by an operator) stays quiet.
 */
import { endpointSliceFacts, endpointsFacts } from '../../facts/endpoints';
import { serviceFacts } from '../../facts/services';
import { sameNamespace } from '../../kubernetes/namespaces';
import { kustomizationFacts, kustomizeLabelKeys, mayBeRemote } from '../../facts/kustomizations';
import { memoOf } from '../../kubernetes/listMemo';
import { defineWorkspaceRule } from '../api/ruleTypes';

export const serviceWithoutEndpoints = defineWorkspaceRule(
  {
    id: 'service-without-endpoints',
    type: 'problem',
    defaultSeverity: 'warning',
    description: 'A Service without a selector has an Endpoints object or an EndpointSlice of its own.',
    why: 'A Service without a selector is the way to give an outside host a Service name (KNOWLEDGE §4), but nothing fills its endpoints: the EndpointSlice controller only serves Services with selectors. Without an Endpoints object of the same name and namespace, or an EndpointSlice labelled `kubernetes.io/service-name` with its name, connections to it are refused.',
    remediation:
      "Add an EndpointSlice labelled kubernetes.io/service-name with the Service's name and the addresses, or give the Service a selector.",
    equivalents: [],
    messages: {
      missing: 'Service {{name}} has no selector and the workspace has no Endpoints or EndpointSlice for it: it has no backends.',
    },
    fixable: false,
    facts: [serviceFacts, endpointsFacts, endpointSliceFacts, kustomizationFacts],
  },
  (context) => {
    // Reading the whole workspace costs a pass over every file: only when this file has something to check.
    if (context.inFile(serviceFacts).every((s) => s.selector !== undefined)) return;
    const endpoints = context.all(endpointsFacts);
    const slices = context.all(endpointSliceFacts);
    if (endpoints.length === 0 && slices.length === 0) return;
    const kustomizations = context.all(kustomizationFacts);
    // Once per list of kustomizations, not once per judged document.
    const kustomized = memoOf(kustomizations, 'labelKeys', () => kustomizeLabelKeys(kustomizations));
    for (const service of context.inFile(serviceFacts)) {
      if (service.selector !== undefined || service.type === 'ExternalName' || !service.name) continue;
      // A kustomization's commonLabels give a selector-less Service a selector.
      if (kustomized.size > 0 || mayBeRemote(kustomizations, service.namespace)) continue;
      const served =
        endpoints.some((e) => e.name === service.name && sameNamespace(e.namespace, service.namespace)) ||
        slices.some((s) => s.serviceName === service.name && sameNamespace(s.namespace, service.namespace));
      if (!served) context.report({ fact: service, messageId: 'missing', data: { name: service.name } });
    }
  },
);
