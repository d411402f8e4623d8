/**
 * What a pod asks of the scheduler, computed the way the kubelet and scheduler do
 * (KEP-753 sidecars included): for each resource, the larger of
 *   - app containers + native sidecars (init containers with restartPolicy: Always), and
 *   - each plain init container + the sidecars started before it
 * plus the pod's `overhead`. A pod-level `spec.resources` block, when present, replaces
 * the container sum. Values are exact nano-units; fields that do not parse are skipped
 * (invalid-quantity reports them) and listed in `unparsed` so callers can say so.
 */
import { isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import { getMap, getSeq, getString, mapItems, resolveNode } from '../document/yamlNodes';
import type { KubeObject } from './objects';
import { parseQuantity } from './quantity';

export type ResourceAmounts = Map<string, bigint>;

export interface PodResources {
  requests: ResourceAmounts;
  limits: ResourceAmounts;
  /** Containers counted, for "the pod's totals (3 containers)". */
  containerCount: number;
  /** App containers with no requests block at all. */
  withoutRequests: string[];
  /** Values that do not parse and were left out of the totals. */
  unparsed: number;
}

export function podResources(object: KubeObject, podSpec: YAMLMap): PodResources {
  const { doc } = object;
  const result: PodResources = { requests: new Map(), limits: new Map(), containerCount: 0, withoutRequests: [], unparsed: 0 };
  const read = (map: YAMLMap | undefined): ResourceAmounts => amounts(object, map, result);
  // A limit without a request is also the request: Kubernetes copies it over.
  const own = (container: YAMLMap, role: 'requests' | 'limits'): ResourceAmounts => {
    const resources = getMap(doc, container, 'resources');
    const declared = read(getMap(doc, resources, role));
    if (role === 'limits') return declared;
    const limits = amounts(object, getMap(doc, resources, 'limits'));
    for (const [name, value] of declared) limits.set(name, value);
    return limits;
  };

  for (const role of ['requests', 'limits'] as const) {
    const running: ResourceAmounts = new Map();
    let initPeak: ResourceAmounts = new Map();
    for (const init of mapItems(doc, getSeq(doc, podSpec, 'initContainers'))) {
      const mine = own(init, role);
      if (getString(doc, init, 'restartPolicy') === 'Always') {
        add(running, mine);
      } else {
        // A plain init container runs alone, next to the sidecars already started.
        initPeak = max(initPeak, sum(running, mine));
      }
    }
    for (const container of mapItems(doc, getSeq(doc, podSpec, 'containers'))) {
      add(running, own(container, role));
    }
    const podLevel = getMap(doc, getMap(doc, podSpec, 'resources'), role);
    const total = podLevel ? amounts(object, podLevel) : max(running, initPeak);
    // Overhead counts towards both; a value of it that does not parse is one problem, not two.
    const overhead = getMap(doc, podSpec, 'overhead');
    add(total, role === 'requests' ? read(overhead) : amounts(object, overhead));
    result[role] = total;
  }

  for (const container of mapItems(doc, getSeq(doc, podSpec, 'containers'))) {
    result.containerCount++;
    if (!getMap(doc, getMap(doc, container, 'resources'), 'requests')) {
      result.withoutRequests.push(getString(doc, container, 'name') ?? '(unnamed)');
    }
  }
  return result;
}

/** A resources map (`{cpu: 250m, memory: 1Gi}`) as exact amounts. */
export function amounts(object: KubeObject, map: YAMLMap | undefined, tally?: { unparsed: number }): ResourceAmounts {
  const out: ResourceAmounts = new Map();
  for (const pair of map?.items ?? []) {
    const key = resolveNode(object.doc, pair.key);
    const value = resolveNode(object.doc, pair.value);
    if (!isScalar(key) || !isScalar(value)) continue;
    const text = typeof value.value === 'number' ? (value.source ?? String(value.value)) : value.value;
    const parsed = typeof text === 'string' ? parseQuantity(text) : undefined;
    if (parsed?.ok) out.set(String(key.value), parsed.quantity.nanos);
    else if (tally) tally.unparsed++;
  }
  return out;
}

export function add(into: ResourceAmounts, more: ResourceAmounts): void {
  for (const [name, value] of more) into.set(name, (into.get(name) ?? 0n) + value);
}

function sum(a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts {
  const out = new Map(a);
  add(out, b);
  return out;
}

function max(a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts {
  const out = new Map(a);
  for (const [name, value] of b) out.set(name, value > (out.get(name) ?? 0n) ? value : (out.get(name) ?? 0n));
  return out;
}
