/**
 * A `type: NodePort` Service, as information: it opens the port on every node of the
 * cluster, from a small shared range, and bypasses whatever an Ingress or a load
 * balancer would put in front (kube-score `service-type`).
 */
import { findPair, getMap, getString } from '../../document/yamlNodes';
import { defineRule } from '../api/ruleTypes';

export const nodeportService = defineRule(
  {
    id: 'nodeport-service',
    type: 'suggestion',
    defaultSeverity: 'information',
    scope: { kinds: ['Service'] },
    description: 'A Service is reached through an Ingress, a Gateway or a LoadBalancer rather than a NodePort.',
    why: 'A NodePort Service opens its port (from the shared 30000-32767 range) on every node of the cluster, whichever nodes run its pods. Clients then depend on node addresses that change with every node replacement, the port is exposed on interfaces nobody meant to expose, and each Service takes one of a few thousand ports. An Ingress or Gateway (HTTP) or a LoadBalancer Service gives a stable address; NodePort is for the layer below them.',
    remediation:
      'Use a ClusterIP Service behind an Ingress or Gateway, or a LoadBalancer Service, unless a node port is what is meant.',
    equivalents: ['kube-score:service-type'],
    messages: {
      nodePort: 'Service {{name}} is a NodePort: its port opens on every node of the cluster.',
    },
    fixable: false,
  },
  (context) => {
    const { doc, root, ref } = context.object;
    const spec = getMap(doc, root, 'spec');
    if (!spec || getString(doc, spec, 'type') !== 'NodePort') return;
    const pair = findPair(doc, spec, 'type');
    if (pair) context.report({ node: pair, messageId: 'nodePort', data: { name: ref.name ?? '(unnamed)' } });
  },
);
