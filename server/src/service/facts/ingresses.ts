/**
 * The Services an Ingress sends traffic to: every rule's backends and the default
 * backend, in the networking.k8s.io/v1 shape (`service: {name, port: {number | name}}`)
 * and the older v1beta1 one (`serviceName`, `servicePort`).
 */
import type { Document, YAMLMap } from 'yaml';
import { findPair, getMap, getScalarValue, getSeq, getString, mapItems, rangeOf } from '../document/yamlNodes';
import type { OffsetRange } from '../core/ruleMeta';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';
import type { Site } from './objects';
import { nameAtOf } from './objects';

export interface IngressBackendFact {
  service: string;
  /** A port number, a port name, or undefined when not written. */
  port: number | string | undefined;
  /** Where the Service's name is written. */
  at: OffsetRange;
  portSite: Site | undefined;
  isDefault: boolean;
}

export interface IngressFact extends Fact {
  backends: IngressBackendFact[];
}

const TEMPLATED = /\{\{|\$\{/;

export const ingressFacts = defineFactKind<IngressFact>('ingress', (object) => {
  if (object.ref.kind !== 'Ingress') return [];
  const { doc } = object;
  const spec = getMap(doc, object.root, 'spec');
  const backends: IngressBackendFact[] = [];
  const add = (backend: YAMLMap | undefined, isDefault: boolean): void => {
    const found = backend ? backendOf(doc, backend, isDefault) : undefined;
    if (found) backends.push(found);
  };
  add(getMap(doc, spec, 'defaultBackend') ?? getMap(doc, spec, 'backend'), true);
  for (const rule of mapItems(doc, getSeq(doc, spec, 'rules'))) {
    for (const path of mapItems(doc, getSeq(doc, getMap(doc, rule, 'http'), 'paths'))) add(getMap(doc, path, 'backend'), false);
  }
  return [{ ...factBase(object, nameAtOf(object)), backends }];
});

function backendOf(doc: Document.Parsed, backend: YAMLMap, isDefault: boolean): IngressBackendFact | undefined {
  const service = getMap(doc, backend, 'service');
  const nameMap = service ?? backend;
  const nameField = service ? 'name' : 'serviceName';
  const name = getString(doc, nameMap, nameField);
  const namePair = findPair(doc, nameMap, nameField);
  if (!name || !namePair || TEMPLATED.test(name)) return undefined;
  let port: number | string | undefined;
  let portPair;
  if (service) {
    const portMap = getMap(doc, service, 'port');
    const number = getScalarValue(doc, portMap, 'number');
    const portName = getString(doc, portMap, 'name');
    port = typeof number === 'number' ? number : portName;
    portPair = portMap ? (findPair(doc, portMap, typeof number === 'number' ? 'number' : 'name') ?? undefined) : undefined;
  } else {
    const value = getScalarValue(doc, backend, 'servicePort');
    port = typeof value === 'number' || typeof value === 'string' ? value : undefined;
    portPair = findPair(doc, backend, 'servicePort');
  }
  if (typeof port === 'string' && TEMPLATED.test(port)) port = undefined;
  return {
    service: name,
    port,
    at: rangeOf(namePair) ?? [0, 0],
    portSite: portPair ? { at: rangeOf(portPair) ?? [0, 0] } : undefined,
    isDefault,
  };
}
