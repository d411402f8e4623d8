/**
 * Pods per node on EKS and the addresses the AWS VPC CNI's IP address manager (ipamd)
 * holds for them, as its docs describe the warm pool:
 *
 * - By default (WARM_ENI_TARGET=1) it keeps one whole spare ENI attached: every secondary
 *   address of the ENIs the pods use, plus those of WARM_ENI_TARGET more.
 * - With WARM_IP_TARGET and/or MINIMUM_IP_TARGET it holds addresses one by one:
 *   max(MINIMUM_IP_TARGET, pods + WARM_IP_TARGET), and WARM_ENI_TARGET no longer counts.
 *   The docs' example, 30 pods: WARM_IP_TARGET=30 alone holds 60; MINIMUM_IP_TARGET=30
 *   with WARM_IP_TARGET=2 holds 32.
 * - With ENABLE_PREFIX_DELEGATION each secondary slot of an ENI holds a /28 prefix (16
 *   addresses), and WARM_PREFIX_TARGET (default 1) spare prefixes replace the spare ENI.
 *
 * Every ENI also takes one primary address from the subnet, which no pod gets.
 */
import { divCeil } from './units';
import { maxPodsOf } from './eniLimits';
import type { EniLimits } from './eniLimits';

export const PREFIX_ADDRESSES = 16;
/** aws-node and kube-proxy use the host's network, not a VPC address. */
export const HOST_NETWORK_PODS = 2;

export interface WarmPoolSettings {
  warmEniTarget: number;
  warmIpTarget?: number;
  minimumIpTarget?: number;
  prefixDelegation: boolean;
  warmPrefixTarget: number;
}

export const DEFAULT_WARM_POOL: WarmPoolSettings = { warmEniTarget: 1, prefixDelegation: false, warmPrefixTarget: 1 };

export interface NodeAddresses {
  /** The published max pods (secondary IPs), or its prefix-delegation counterpart. */
  maxPods: number;
  /** Pods that need a VPC address (host-network pods excluded), as asked. */
  pods: number;
  /** Pods that get an address: at most maxPods − 2. */
  podsPlaced: number;
  enisAttached: number;
  /** Addresses held for pods (secondary IPs, or prefix addresses). */
  ipsHeld: number;
  /** Held but not used: the warm pool. */
  ipsWarm: number;
  /** Prefixes attached, with prefix delegation. */
  prefixes?: number;
  /** Subnet addresses the node takes: those held plus each ENI's primary address. */
  subnetAddresses: number;
  /** Which setting decided the pool. */
  mode: 'warm-eni' | 'warm-ip' | 'warm-prefix' | 'prefix-ip';
}

export function maxPodsFor(limits: Pick<EniLimits, 'enis' | 'ipv4PerEni'>, prefixDelegation: boolean): number {
  if (!prefixDelegation) return maxPodsOf(limits);
  return limits.enis * (limits.ipv4PerEni - 1) * PREFIX_ADDRESSES + HOST_NETWORK_PODS;
}

export function nodeAddresses(
  limits: Pick<EniLimits, 'enis' | 'ipv4PerEni'>,
  pods: number,
  settings: WarmPoolSettings,
): NodeAddresses {
  const slots = limits.ipv4PerEni - 1;
  const maxPods = maxPodsFor(limits, settings.prefixDelegation);
  const podsPlaced = Math.min(pods, maxPods - HOST_NETWORK_PODS);
  const byIp = (settings.warmIpTarget ?? 0) > 0 || (settings.minimumIpTarget ?? 0) > 0;
  const wantedIps = Math.max(settings.minimumIpTarget ?? 0, podsPlaced + (settings.warmIpTarget ?? 0));

  if (settings.prefixDelegation) {
    const wantedPrefixes = byIp
      ? ceil(wantedIps, PREFIX_ADDRESSES)
      : ceil(podsPlaced, PREFIX_ADDRESSES) + settings.warmPrefixTarget;
    const prefixes = Math.min(Math.max(wantedPrefixes, 1), limits.enis * slots);
    const enisAttached = Math.max(1, ceil(prefixes, slots));
    const ipsHeld = prefixes * PREFIX_ADDRESSES;
    return {
      maxPods,
      pods,
      podsPlaced,
      enisAttached,
      ipsHeld,
      ipsWarm: ipsHeld - podsPlaced,
      prefixes,
      subnetAddresses: ipsHeld + enisAttached,
      mode: byIp ? 'prefix-ip' : 'warm-prefix',
    };
  }
  if (byIp) {
    const ipsHeld = Math.min(wantedIps, limits.enis * slots);
    const enisAttached = Math.max(1, ceil(ipsHeld, slots));
    return {
      maxPods,
      pods,
      podsPlaced,
      enisAttached,
      ipsHeld,
      ipsWarm: ipsHeld - podsPlaced,
      subnetAddresses: ipsHeld + enisAttached,
      mode: 'warm-ip',
    };
  }
  const enisAttached = Math.min(limits.enis, Math.max(1, ceil(podsPlaced, slots) + settings.warmEniTarget));
  const ipsHeld = enisAttached * slots;
  return {
    maxPods,
    pods,
    podsPlaced,
    enisAttached,
    ipsHeld,
    ipsWarm: ipsHeld - podsPlaced,
    subnetAddresses: ipsHeld + enisAttached,
    mode: 'warm-eni',
  };
}

function ceil(value: number, by: number): number {
  return by <= 0 ? 0 : Number(divCeil(BigInt(value), BigInt(by)));
}
