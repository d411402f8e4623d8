/**
 * Ingress backends (and the default backend) that name a Service the workspace does not
 * declare in the Ingress's namespace, or a port that Service does not expose (kube-linter
 * `dangling-ingress`, kube-score `ingress-targets-service`). Silent when the workspace
 * holds no Service in that namespace.
 */
import { ingressFacts } from '../../facts/ingresses';
import { serviceFacts } from '../../facts/services';
import { namespaceKey, namespaceWords, sameNamespace } from '../../kubernetes/namespaces';
import { kustomizationFacts, mayBeRemote } from '../../facts/kustomizations';
import { servicesByName, servicesByNamespace } from '../../facts/factIndexes';
import { defineWorkspaceRule } from '../api/ruleTypes';

export const ingressBackendMissing = defineWorkspaceRule(
  {
    id: 'ingress-backend-missing',
    type: 'problem',
    defaultSeverity: 'warning',
    description: "An Ingress backend names a Service of the Ingress's namespace and a port that Service exposes.",
    why: "An Ingress sends each path to a Service by name and port, in the Ingress's own namespace. A Service that does not exist (a typo, a rename, another namespace) or a port it does not expose makes the controller answer 503 for that path; the Ingress itself applies without complaint.",
    remediation: "Name a Service of the Ingress's namespace and one of its ports (by number or by port name).",
    equivalents: ['kube-linter:dangling-ingress', 'kube-score:ingress-targets-service'],
    messages: {
      service: "{{what}} names Service '{{service}}', which {{namespace}} does not declare: the controller answers 503.",
      port: "Service '{{service}}' exposes no port {{port}} ({{ports}}): the controller answers 503 for this backend.",
    },
    fixable: false,
    facts: [ingressFacts, serviceFacts, kustomizationFacts],
  },
  (context) => {
    // Reading the whole workspace costs a pass over every file: only when this file has something to check.
    if (context.inFile(ingressFacts).length === 0) return;
    const kustomizations = context.all(kustomizationFacts);
    for (const ingress of context.inFile(ingressFacts)) {
      // As inNamespace: nothing to judge unless a Service is written with exactly the Ingress's namespace.
      if (!context.has(servicesByNamespace, namespaceKey(ingress.namespace))) continue;
      if (mayBeRemote(kustomizations, ingress.namespace)) continue;
      for (const backend of ingress.backends) {
        // Looked up by name: the judgement depends on the Services of that name.
        const named = context.lookup(servicesByName, backend.service);
        const service = named.find((s) => sameNamespace(s.namespace, ingress.namespace));
        const what = backend.isDefault ? 'The default backend' : 'This backend';
        if (!service) {
          context.report({
            fact: ingress,
            at: backend.at,
            messageId: 'service',
            data: { what, service: backend.service, namespace: namespaceWords(ingress.namespace) },
          });
          continue;
        }
        if (backend.port === undefined || service.type === 'ExternalName' || service.ports.length === 0) continue;
        const exposed = service.ports.some((p) =>
          typeof backend.port === 'number' || /^\d+$/.test(String(backend.port))
            ? p.port === Number(backend.port)
            : p.name === backend.port,
        );
        if (exposed) continue;
        context.report({
          fact: ingress,
          at: backend.portSite?.at ?? backend.at,
          messageId: 'port',
          data: {
            service: service.name,
            port: typeof backend.port === 'number' ? String(backend.port) : `'${backend.port}'`,
            ports: service.ports.map((p) => (p.name ? `${p.name}/${p.port ?? '?'}` : String(p.port ?? '?'))).join(', '),
          },
        });
      }
    }
  },
);
