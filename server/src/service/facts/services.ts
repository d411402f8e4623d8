/**
 * A Service as other objects see it: its type, its selector (the pods it sends traffic
 * to), and its ports. Rules about probes (does any Service send this pod traffic?) and
 * about references (selectors that match nothing, targetPorts no pod declares, Ingress
 * backends, Endpoints) read the same record.
 */
import { isMap } from 'yaml';
import { findPair, getMap, getScalarValue, getSeq, getString, mapItems, rangeOf } from '../document/yamlNodes';
import type { OffsetRange } from '../core/ruleMeta';
import { equalityRequirements } from '../kubernetes/labelSelector';
import { defineFactKind, factBase } from './factKind';
import { labelsOf } from './objects';
import type { Site } from './objects';
import type { Fact } from './factKind';

export interface ServicePortFact {
  name: string | undefined;
  port: number | undefined;
  /** A number, a port name, or undefined when not written (it then defaults to `port`). */
  targetPort: number | string | undefined;
  protocol: string;
  at: OffsetRange;
  /** Where `targetPort` is written, else the port entry. */
  targetPortSite: Site;
  /** `nodePort`, when written. */
  nodePort: number | undefined;
}

export interface ServiceFact extends Fact {
  /** `ClusterIP` when not written. */
  type: string;
  /**
   * `spec.selector` as plain labels; undefined when the Service has no selector (its
   * endpoints are managed by hand or by another controller), `{}` for an empty one.
   */
  selector: Readonly<Record<string, string>> | undefined;
  /** Where the selector is, for findings about it. */
  selectorAt: OffsetRange | undefined;
  ports: ServicePortFact[];
  clusterIP: string | undefined;
  externalName: string | undefined;
  /** Where `type` is written, for the editor's hover. */
  typeSite: Site | undefined;
  /** `metadata.labels`, for ServiceMonitors that select Services. */
  labels: Readonly<Record<string, string>>;
}

export const serviceFacts = defineFactKind<ServiceFact>('service', (object) => {
  if (object.ref.kind !== 'Service' || object.ref.apiVersion !== 'v1') return [];
  const { doc } = object;
  const spec = getMap(doc, object.root, 'spec');
  const selectorPair = spec ? findPair(doc, spec, 'selector') : undefined;
  let selector: Record<string, string> | undefined;
  if (selectorPair && isMap(selectorPair.value)) {
    selector = {};
    for (const requirement of equalityRequirements(doc, selectorPair.value)) {
      if (requirement.type === 'label') selector[requirement.key] = requirement.value;
    }
  }
  const ports = mapItems(doc, getSeq(doc, spec, 'ports')).map((port): ServicePortFact => {
    const number = getScalarValue(doc, port, 'port');
    const target = getScalarValue(doc, port, 'targetPort');
    const targetPair = findPair(doc, port, 'targetPort');
    const nodePort = getScalarValue(doc, port, 'nodePort');
    return {
      name: getString(doc, port, 'name'),
      port: typeof number === 'number' ? number : undefined,
      targetPort: typeof target === 'number' || typeof target === 'string' ? target : undefined,
      protocol: getString(doc, port, 'protocol') ?? 'TCP',
      at: rangeOf(port) ?? [0, 0],
      targetPortSite: { at: rangeOf(targetPair ?? port) ?? [0, 0] },
      nodePort: typeof nodePort === 'number' ? nodePort : undefined,
    };
  });
  const metadata = getMap(doc, object.root, 'metadata');
  const namePair = metadata ? findPair(doc, metadata, 'name') : undefined;
  return [
    {
      ...factBase(object, rangeOf(namePair ?? object.root) ?? [0, 0]),
      type: getString(doc, spec, 'type') ?? 'ClusterIP',
      selector,
      selectorAt: selectorPair ? rangeOf(selectorPair) : undefined,
      ports,
      clusterIP: getString(doc, spec, 'clusterIP'),
      externalName: getString(doc, spec, 'externalName'),
      labels: labelsOf(object),
      typeSite: spec && findPair(doc, spec, 'type') ? { at: rangeOf(findPair(doc, spec, 'type')!) ?? [0, 0] } : undefined,
    },
  ];
});
