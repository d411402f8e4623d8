/**
 * Endpoints (or EndpointSlice) ports whose names are not the names of the Service's ports,
 * when the Service has several: kube-proxy joins an endpoint port to a Service port by
 * name (KNOWLEDGE §4), so a port named differently carries no traffic.
 */
import { endpointSliceFacts, endpointsFacts } from '../../facts/endpoints';
import type { EndpointPortFact } from '../../facts/endpoints';
import type { Fact } from '../../facts/factKind';
import { serviceFacts } from '../../facts/services';
import type { ServiceFact } from '../../facts/services';
import { sameNamespace } from '../../kubernetes/namespaces';
import { servicesByName } from '../../facts/factIndexes';
import { defineWorkspaceRule } from '../api/ruleTypes';
import type { WorkspaceRuleContext } from '../api/ruleTypes';

export const endpointsPortMismatch = defineWorkspaceRule(
  {
    id: 'endpoints-port-mismatch',
    type: 'problem',
    defaultSeverity: 'warning',
    description: "The port names of an Endpoints object or EndpointSlice are the names of its Service's ports.",
    why: 'A Service with several ports names each of them, and kube-proxy matches the ports of its Endpoints or EndpointSlices to them by name. An endpoint port named differently (or left unnamed) belongs to no Service port: traffic to the Service port finds no backend, although the addresses are right.',
    remediation: "Name each endpoint port exactly as the Service's port it serves.",
    equivalents: [],
    messages: {
      mismatch: "Port '{{port}}' matches no port of Service {{service}} ({{names}}): ports are joined by name.",
    },
    fixable: false,
    facts: [endpointsFacts, endpointSliceFacts, serviceFacts],
  },
  (context) => {
    // Reading the whole workspace costs a pass over every file: only when this file has something to check.
    if (context.inFile(endpointsFacts).length === 0 && context.inFile(endpointSliceFacts).length === 0) return;
    // Looked up by name: the judgement depends on the Services of the names it asks for.
    const serviceOf = (name: string | undefined, namespace: string): ServiceFact | undefined =>
      name ? context.lookup(servicesByName, name).find((s) => sameNamespace(s.namespace, namespace)) : undefined;
    for (const endpoints of context.inFile(endpointsFacts)) {
      check(context, endpoints, endpoints.ports, serviceOf(endpoints.name, endpoints.namespace));
    }
    for (const slice of context.inFile(endpointSliceFacts)) {
      check(context, slice, slice.ports, serviceOf(slice.serviceName, slice.namespace));
    }
  },
);

function check(
  context: WorkspaceRuleContext,
  fact: Fact,
  ports: readonly EndpointPortFact[],
  service: ServiceFact | undefined,
): void {
  if (!service || service.ports.length < 2 || service.type === 'ExternalName') return;
  const names = new Set(service.ports.map((port) => port.name ?? ''));
  for (const port of ports) {
    if (names.has(port.name ?? '')) continue;
    context.report({
      fact,
      at: port.at,
      messageId: 'mismatch',
      data: {
        port: port.name ?? '(unnamed)',
        service: service.name,
        names: [...names].map((name) => name || '(unnamed)').join(', '),
      },
    });
  }
}
