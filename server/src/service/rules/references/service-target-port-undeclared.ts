/**
 * A Service `targetPort` the selected pods do not declare: a name that none of their
 * containers' ports carries (the Service then has no endpoints for that port), or a number
 * that none of them declares when they do declare ports. Only judged when every selected
 * workload's ports can be read.
 */
import { serviceFacts } from '../../facts/services';
import { workloadFacts } from '../../facts/workloads';
import { selectedThrough } from '../../kubernetes/serviceSelection';
import { workloadsByTemplateLabel } from '../../facts/factIndexes';
import { memoOf } from '../../kubernetes/listMemo';
import { defineWorkspaceRule } from '../api/ruleTypes';
import type { WorkloadFact } from '../../facts/workloads';

export const serviceTargetPortUndeclared = defineWorkspaceRule(
  {
    id: 'service-target-port-undeclared',
    type: 'problem',
    defaultSeverity: 'warning',
    description: "A Service's targetPort is a port its selected pods declare.",
    why: "A Service forwards each port to its `targetPort` on the selected pods (to `port` when targetPort is not written). A named targetPort is looked up among the pods' declared container ports: a name none of them declares gives the Service no endpoints for that port. A number that no container declares usually means a port changed in one place only (declaring ports is informational, so it may still work): the connection is refused if nothing listens there.",
    remediation: "Set the targetPort to the name or number of a port the selected pods' containers declare.",
    equivalents: [],
    messages: {
      name: "targetPort '{{port}}' is not the name of a port declared by the pods Service {{service}} selects ({{declared}}).",
      number: 'targetPort {{port}} is not declared by the pods Service {{service}} selects ({{declared}}).',
    },
    fixable: false,
    facts: [serviceFacts, workloadFacts],
  },
  (context) => {
    // Reading the whole workspace costs a pass over every file: only when this file has something to check.
    if (context.inFile(serviceFacts).length === 0) return;
    for (const service of context.inFile(serviceFacts)) {
      if (service.type === 'ExternalName') continue;
      // Looked up by the selector's first label: the judgement depends on the workloads carrying it.
      const selected = selectedThrough(service, (label) => context.lookup(workloadsByTemplateLabel, label));
      if (selected.length === 0 || selected.some((w) => !w.portsReadable)) continue;
      const { ports, described } = memoOf(selected, 'declaredPorts', () => declaredPorts(selected));
      for (const port of service.ports) {
        const target = port.targetPort ?? port.port;
        if (target === undefined) continue;
        const isName = typeof target === 'string' && !/^\d+$/.test(target);
        if (isName) {
          if (ports.some((p) => p.name === target)) continue;
          context.report({
            fact: service,
            at: port.targetPortSite.at,
            messageId: 'name',
            data: { port: target, service: service.name, declared: described },
          });
        } else {
          const number = Number(target);
          // Declaring container ports is optional: only a pod set that declares some is judged by number.
          if (ports.length === 0 || ports.some((p) => p.containerPort === number)) continue;
          context.report({
            fact: service,
            at: port.targetPortSite.at,
            messageId: 'number',
            data: { port: number, service: service.name, declared: described },
          });
        }
      }
    }
  },
);

/** The ports the selected pods declare, and how the message lists them. */
function declaredPorts(selected: readonly WorkloadFact[]): { ports: WorkloadFact['ports']; described: string } {
  const ports = selected.flatMap((w) => w.ports);
  const declared = ports.map((p) => (p.name ? `${p.name}/${p.containerPort ?? '?'}` : String(p.containerPort ?? '?')));
  return { ports, described: declared.length > 0 ? [...new Set(declared)].join(', ') : 'none declared' };
}
