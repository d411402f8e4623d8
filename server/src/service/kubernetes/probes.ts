/**
 * What the probe rules share: the containers that may carry probes, each probe's
 * map, its timing settings as the kubelet sees them, and its value as plain data.
 *
 * The API accepts probes on app containers and on native sidecars (init containers
 * with `restartPolicy: Always`). It rejects them on plain init containers and on
 * ephemeral containers, so those are left to schema validation and never checked here.
 */
import { isMap, isNode, isScalar } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { findPair, getString, plainData, resolveNode } from '../document/yamlNodes';
import type { KubeObject } from './objects';
import { allContainers } from './workloads';
import type { ContainerRef } from './workloads';

type Parsed = Document.Parsed;

export type ProbeField = 'livenessProbe' | 'readinessProbe' | 'startupProbe';
export const PROBE_FIELDS: readonly ProbeField[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];

/** The handler types of a probe; the API wants exactly one. */
export const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
export type ProbeHandler = (typeof PROBE_HANDLERS)[number];

export interface Probe {
  field: ProbeField;
  /** The `livenessProbe: …` pair (possibly from a merged map). */
  pair: Pair<unknown, unknown>;
  map: YAMLMap;
  container: ContainerRef;
  /** The container's name for messages. */
  containerName: string;
}

/** App containers and native sidecars: the containers the API lets carry probes. */
export function probingContainers(object: KubeObject): ContainerRef[] {
  return allContainers(object).filter(
    (container) =>
      container.kind === 'container' ||
      (container.kind === 'initContainer' && getString(object.doc, container.node, 'restartPolicy') === 'Always'),
  );
}

/** One probe of a container; a probe written as null (`livenessProbe:`) is no probe, as for the API. */
export function probeOf(object: KubeObject, container: ContainerRef, field: ProbeField): Probe | undefined {
  const pair = findPair(object.doc, container.node, field);
  const map = pair ? resolveNode(object.doc, pair.value) : undefined;
  if (!pair || !isMap(map)) return undefined;
  return { field, pair, map, container, containerName: container.name ?? '(unnamed)' };
}

/** Every probe of every probing container in the object. */
export function allProbes(object: KubeObject, fields: readonly ProbeField[] = PROBE_FIELDS): Probe[] {
  return probingContainers(object).flatMap((container) => fields.flatMap((field) => probeOf(object, container, field) ?? []));
}

/**
 * Where a finding about a whole probe points: its key (`livenessProbe`), one word
 * rather than the whole block.
 */
export function probeKey(probe: Probe): Node | Pair<unknown, unknown> {
  return isNode(probe.pair.key) ? probe.pair.key : probe.pair;
}

/**
 * True when `pair` is written in this probe itself, rather than merged in from shared
 * defaults or reached through an alias (`livenessProbe: *ready`): only then may a fix
 * edit it without changing other probes, and only then is it where the reader looks.
 */
export function writtenInProbe(probe: Probe, pair: Pair<unknown, unknown>): boolean {
  return probe.pair.value === probe.map && !probe.map.anchor && probe.map.items.includes(pair);
}

/** Where a finding about one field points: the field when it is written in the probe, else the probe's key. */
export function probeFieldNode(probe: Probe, pair: Pair<unknown, unknown>): Node | Pair<unknown, unknown> {
  return probe.pair.value === probe.map && probe.map.items.includes(pair) ? pair : probeKey(probe);
}

/** The handlers a probe sets. A null value (`httpGet:`) sets nothing, as for the API's decoder. */
export function probeHandlers(doc: Parsed, map: YAMLMap): { handler: ProbeHandler; pair: Pair<unknown, unknown> }[] {
  return PROBE_HANDLERS.flatMap((handler) => {
    const pair = findPair(doc, map, handler);
    const value = pair ? resolveNode(doc, pair.value) : undefined;
    if (!pair || value === null || value === undefined || (isScalar(value) && value.value === null)) return [];
    return [{ handler, pair }];
  });
}

/** The API's defaults (SetDefaults_Probe), which it also applies to a value of 0. */
export const PROBE_DEFAULTS = {
  initialDelaySeconds: 0,
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
} as const;
export type ProbeSetting = keyof typeof PROBE_DEFAULTS;

/**
 * An integer setting as the kubelet sees it: absent, null and 0 mean the default.
 * Undefined when the value cannot be read (a string, a map…): the schema reports
 * those, and a rule should not guess.
 */
export function probeSetting(doc: Parsed, map: YAMLMap, field: ProbeSetting): number | undefined {
  const pair = findPair(doc, map, field);
  if (!pair) return PROBE_DEFAULTS[field];
  const value = resolveNode(doc, pair.value);
  if (value === null || (isScalar(value) && value.value === null)) return PROBE_DEFAULTS[field];
  if (!isScalar(value) || typeof value.value !== 'number' || !Number.isInteger(value.value)) return undefined;
  return value.value === 0 ? PROBE_DEFAULTS[field] : value.value;
}

/**
 * The probe as plain data, as the API would store it: merge keys applied, and the
 * defaults filled in (so `periodSeconds: 10` equals no periodSeconds). This is what
 * "the same probe" means.
 */
export function normalizedProbe(doc: Parsed, map: YAMLMap): unknown {
  const plain = plainData(doc, map);
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) return plain;
  const probe = plain as Record<string, unknown>;
  for (const field of Object.keys(PROBE_DEFAULTS) as ProbeSetting[]) {
    const setting = probeSetting(doc, map, field);
    if (setting !== undefined) probe[field] = setting;
  }
  const httpGet = probe['httpGet'];
  if (typeof httpGet === 'object' && httpGet !== null && !Array.isArray(httpGet)) {
    // SetDefaults_HTTPGetAction: an empty path is '/', an empty scheme is HTTP.
    const action = httpGet as Record<string, unknown>;
    if (action['path'] === undefined || action['path'] === null || action['path'] === '') action['path'] = '/';
    if (action['scheme'] === undefined || action['scheme'] === null || action['scheme'] === '') action['scheme'] = 'HTTP';
  }
  return probe;
}
