/**
 * Hover on a Service's name, type or selector: the DNS names it answers to (KNOWLEDGE §5),
 * what its type means, and the workloads it selects with the ports it maps to, each a
 * link to its file and line (the host says how a place becomes a link).
 */
import type { Position } from '../core/types';
import { serviceFacts } from '../facts/services';
import type { ServiceFact } from '../facts/services';
import { workloadFacts } from '../facts/workloads';
import type { WorkloadFact } from '../facts/workloads';
import type { HoverResult } from './hoverResult';
import { contains, placeOf } from './workspaceIndex';
import type { Located, Place, WorkspaceIndex } from './workspaceIndex';
import { selectedBy } from '../kubernetes/serviceSelection';

const TYPES: Readonly<Record<string, string>> = {
  ClusterIP: 'a virtual IP reachable inside the cluster only; kube-proxy spreads connections over the selected pods.',
  NodePort: 'a cluster IP, plus the same port (30000-32767) opened on every node of the cluster.',
  LoadBalancer: 'a node port, plus an external load balancer from the cloud provider in front of the nodes.',
  ExternalName: 'a DNS CNAME to another host: no cluster IP, no endpoints, no port remapping.',
};

export function serviceHoverAt(
  index: WorkspaceIndex,
  path: string,
  position: Position,
  linkOf: (place: Place) => string,
): HoverResult | undefined {
  for (const service of index.inDocumentAt(serviceFacts, path, position.line)) {
    const sites = [service.fact.at, service.fact.selectorAt, service.fact.typeSite?.at];
    const site = sites.find((at) => at && contains(placeOf(service, at).range, position));
    if (!site) continue;
    return { markdown: describe(index, service, linkOf), range: placeOf(service, site).range };
  }
  return undefined;
}

function describe(index: WorkspaceIndex, located: Located<ServiceFact>, linkOf: (place: Place) => string): string {
  const service = located.fact;
  const name = service.name || '(unnamed)';
  const namespace = service.namespace || '<namespace>';
  const lines = [
    `**Service ${name}** · ${service.type}`,
    '',
    `DNS: \`${name}\` (from its own namespace), \`${name}.${namespace}\`, \`${name}.${namespace}.svc.cluster.local\` (from anywhere)`,
    '',
    `**${service.type}**: ${TYPES[service.type] ?? 'a type this hover does not know.'}`,
  ];
  if (service.type === 'ExternalName') {
    if (service.externalName) lines.push('', `Points at \`${service.externalName}\`; clients use the external port.`);
    return lines.join('\n');
  }
  if (!service.selector) {
    lines.push('', 'No selector: its endpoints come from an Endpoints object or EndpointSlices of its name.');
    return lines.join('\n');
  }
  const selected = index.of(workloadFacts).filter((w) => selectedBy(service, [w.fact]).length > 0);
  lines.push('');
  if (selected.length === 0) lines.push('Selects no workload in the workspace.');
  else lines.push(`Selects ${selected.length === 1 ? 'one workload' : `${selected.length} workloads`}:`, '');
  for (const workload of selected.slice(0, 20)) {
    const object = index.objectOf(workload);
    const place = placeOf(object ?? workload);
    const label = `${workload.fact.object.kind} ${workload.fact.name || '(unnamed)'}`;
    lines.push(`- [${label}](${linkOf(place)})${portsOf(service, workload.fact)}`);
  }
  if (selected.length > 20) lines.push(`- … and ${selected.length - 20} more`);
  return lines.join('\n');
}

/** ` — 80 → http (8080)`: each Service port and the container port it reaches. */
function portsOf(service: ServiceFact, workload: WorkloadFact): string {
  const parts = service.ports.map((port) => {
    const target = port.targetPort ?? port.port;
    const declared = workload.ports.find((p) => (typeof target === 'string' ? p.name === target : p.containerPort === target));
    const to = declared
      ? `${declared.name ?? declared.containerPort}${declared.name ? ` (${declared.containerPort ?? '?'})` : ''}`
      : String(target ?? '?');
    return `${port.port ?? '?'} → ${to}`;
  });
  return parts.length > 0 ? ` — ${parts.join(', ')}` : '';
}
