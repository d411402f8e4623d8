/**
 * A hand-written Endpoints object for a Service that has a selector: the endpoints
 * controller owns the Endpoints of every Service with a selector and overwrites them
 * with the selected pods' addresses, so the hand-written ones vanish on the next sync.
 */
import { endpointsFacts } from '../../facts/endpoints';
import { serviceFacts } from '../../facts/services';
import { sameNamespace } from '../../kubernetes/namespaces';
import { endpointsByName, servicesByName } from '../../facts/factIndexes';
import { defineWorkspaceRule } from '../api/ruleTypes';

export const endpointsBesideSelector = defineWorkspaceRule(
  {
    id: 'endpoints-beside-selector',
    type: 'problem',
    defaultSeverity: 'warning',
    description: 'Hand-written Endpoints belong to a Service without a selector.',
    why: "For a Service with a selector, the Endpoints object of its name is the controller's: it is rewritten from the selected pods on every change, so addresses written by hand are overwritten within seconds. Hand-written endpoints work only for a Service without a selector (KNOWLEDGE §4).",
    remediation:
      'Remove the selector from the Service, or remove the hand-written Endpoints and let the selected pods be its backends.',
    equivalents: [],
    messages: {
      overwritten:
        'Service {{name}} has a selector, so the endpoints controller overwrites this Endpoints object with the selected pods.',
      service:
        'Service {{name}} has a selector and a hand-written Endpoints object: the endpoints controller overwrites the hand-written addresses.',
    },
    fixable: false,
    facts: [endpointsFacts, serviceFacts],
  },
  (context) => {
    // Reading the whole workspace costs a pass over every file: only when this file has something to check.
    if (context.inFile(endpointsFacts).length === 0 && context.inFile(serviceFacts).length === 0) return;
    // Looked up by name: a judgement depends on the Services and Endpoints of its object's name.
    for (const endpoints of context.inFile(endpointsFacts)) {
      const named = endpoints.name === undefined ? [] : context.lookup(servicesByName, endpoints.name);
      const service = named.find((s) => sameNamespace(s.namespace, endpoints.namespace) && s.type !== 'ExternalName');
      if (service?.selector === undefined) continue;
      context.report({ fact: endpoints, messageId: 'overwritten', data: { name: service.name } });
    }
    for (const service of context.inFile(serviceFacts)) {
      if (service.selector === undefined || service.type === 'ExternalName') continue;
      const named = context.lookup(endpointsByName, service.name);
      if (!named.some((e) => sameNamespace(e.namespace, service.namespace))) continue;
      context.report({ fact: service, at: service.selectorAt, messageId: 'service', data: { name: service.name } });
    }
  },
);
