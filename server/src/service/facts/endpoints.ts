/**
 * Hand-written Endpoints and EndpointSlices, as the Services they belong to see them:
 * an Endpoints object belongs to the Service of its name and namespace, a slice to the
 * Service its `kubernetes.io/service-name` label names.
 */
import { findPair, getMap, getScalarValue, getSeq, getString, mapItems, rangeOf } from '../document/yamlNodes';
import type { OffsetRange } from '../core/ruleMeta';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';
import type { Site } from './objects';
import { labelsOf, nameAtOf } from './objects';

export interface EndpointPortFact {
  name: string | undefined;
  port: number | undefined;
  at: OffsetRange;
}

export interface EndpointsFact extends Fact {
  /** Every port of every subset. */
  ports: EndpointPortFact[];
}

export interface EndpointSliceFact extends Fact {
  /** The `kubernetes.io/service-name` label: the Service the slice serves. */
  serviceName: string | undefined;
  serviceNameSite: Site | undefined;
  ports: EndpointPortFact[];
}

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export const endpointsFacts = defineFactKind<EndpointsFact>('endpoints', (object) => {
  if (object.ref.kind !== 'Endpoints' || object.ref.apiVersion !== 'v1') return [];
  const { doc } = object;
  const ports = mapItems(doc, getSeq(doc, object.root, 'subsets')).flatMap((subset) =>
    mapItems(doc, getSeq(doc, subset, 'ports')).map((port) => portFact(object.doc, port)),
  );
  return [{ ...factBase(object, nameAtOf(object)), ports }];
});

export const endpointSliceFacts = defineFactKind<EndpointSliceFact>('endpoint-slice', (object) => {
  if (object.ref.kind !== 'EndpointSlice' || !object.ref.apiVersion.startsWith('discovery.k8s.io/')) return [];
  const { doc } = object;
  const labelsMap = getMap(doc, getMap(doc, object.root, 'metadata'), 'labels');
  const labelPair = labelsMap ? findPair(doc, labelsMap, SERVICE_NAME_LABEL) : undefined;
  const ports = mapItems(doc, getSeq(doc, object.root, 'ports')).map((port) => portFact(doc, port));
  return [
    {
      ...factBase(object, nameAtOf(object)),
      serviceName: labelsOf(object)[SERVICE_NAME_LABEL],
      serviceNameSite: labelPair ? { at: rangeOf(labelPair) ?? [0, 0] } : undefined,
      ports,
    },
  ];
});

function portFact(doc: Parameters<typeof getString>[0], port: Parameters<typeof getString>[1]): EndpointPortFact {
  const number = getScalarValue(doc, port, 'port');
  return {
    name: getString(doc, port, 'name'),
    port: typeof number === 'number' ? number : undefined,
    at: (port && rangeOf(port)) ?? [0, 0],
  };
}
