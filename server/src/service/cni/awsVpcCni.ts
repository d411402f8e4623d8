/**
 * The AWS VPC CNI's warm-pool settings, read from the env of the aws-node container (the
 * DaemonSet EKS installs in kube-system). Its L-IPAM daemon attaches ENIs to the node and
 * keeps secondary IPs from the VPC subnet warm for pods; these three variables decide how
 * many it holds:
 *
 * - WARM_ENI_TARGET (default 1): keep this many whole ENIs free, each with all its IPs.
 * - WARM_IP_TARGET: keep this many free IPs instead (WARM_ENI_TARGET is then ignored).
 * - MINIMUM_IP_TARGET: hold at least this many IPs in total, used or free.
 */
import { isMap, isScalar } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import { findPair, getSeq, resolveNode } from '../document/yamlNodes';
import type { KubeObject } from '../kubernetes/objects';
import { allContainers } from '../kubernetes/workloads';
import type { ContainerRef } from '../kubernetes/workloads';

export const WARM_POOL_VARIABLES = ['WARM_ENI_TARGET', 'WARM_IP_TARGET', 'MINIMUM_IP_TARGET'] as const;
export type WarmPoolVariable = (typeof WARM_POOL_VARIABLES)[number];

export interface EnvSetting {
  /** The env entry (`- name: … value: …`). */
  entry: YAMLMap;
  namePair: Pair<unknown, unknown>;
  /** The value as written; undefined for valueFrom. */
  value: string | undefined;
}

export interface AwsNodeContainer {
  container: ContainerRef;
  settings: Map<WarmPoolVariable, EnvSetting>;
}

/** The VPC CNI's container: `aws-node` in a DaemonSet named aws-node, or any container running the amazon-k8s-cni image. */
export function awsNodeContainers(object: KubeObject): AwsNodeContainer[] {
  const isAwsNode = object.ref.kind === 'DaemonSet' && object.ref.name === 'aws-node';
  const found: AwsNodeContainer[] = [];
  for (const container of allContainers(object)) {
    const image = resolveNode(object.doc, findPair(object.doc, container.node, 'image')?.value);
    const runsCni = isScalar(image) && typeof image.value === 'string' && /amazon-k8s-cni(?::|@|$)/.test(image.value);
    if (container.kind !== 'container' || !(runsCni || (isAwsNode && container.name === 'aws-node'))) continue;
    found.push({ container, settings: warmPoolSettings(object, container.node) });
  }
  return found;
}

function warmPoolSettings(object: KubeObject, container: YAMLMap): Map<WarmPoolVariable, EnvSetting> {
  const settings = new Map<WarmPoolVariable, EnvSetting>();
  for (const item of getSeq(object.doc, container, 'env')?.items ?? []) {
    const entry = resolveNode(object.doc, item);
    if (!isMap(entry)) continue;
    const namePair = findPair(object.doc, entry, 'name');
    const name = isScalar(namePair?.value) ? String(namePair.value.value) : undefined;
    if (!namePair || !(WARM_POOL_VARIABLES as readonly string[]).includes(name ?? '')) continue;
    const value = resolveNode(object.doc, findPair(object.doc, entry, 'value')?.value);
    settings.set(name as WarmPoolVariable, {
      entry,
      namePair,
      value: isScalar(value) && value.value !== null ? String(value.value) : undefined,
    });
  }
  return settings;
}

/** A setting that takes effect: written with a value other than empty (an empty value means unset to the daemon). */
export function isSet(setting: EnvSetting | undefined): setting is EnvSetting {
  return setting !== undefined && (setting.value === undefined || setting.value.trim() !== '');
}
