/**
 * The AWS VPC CNI's per-instance-type ENI limits (eniLimits.generated.ts, from
 * aws/amazon-vpc-cni-k8s) and the max-pods formula the CNI publishes with them:
 *
 *   max pods = ENIs × (IPv4 addresses per ENI − 1) + 2
 *
 * (each ENI's primary address is not given to pods; the +2 are the host-network pods
 * aws-node and kube-proxy). The table has no vCPU or memory per type.
 */
import { ENI_LIMITS_SOURCE, ENI_LIMITS_TABLE } from './eniLimits.generated';

export { ENI_LIMITS_SOURCE };

export interface EniLimits {
  instanceType: string;
  enis: number;
  ipv4PerEni: number;
  hypervisor: 'nitro' | 'xen' | 'unknown';
  bareMetal: boolean;
  networkCards: number;
}

const HYPERVISORS = { n: 'nitro', x: 'xen', u: 'unknown' } as const;

let table: Map<string, EniLimits> | undefined;

export function eniLimitsTable(): ReadonlyMap<string, EniLimits> {
  if (table) return table;
  table = new Map();
  for (const line of ENI_LIMITS_TABLE.split('\n')) {
    const [instanceType, enis, ips, flags = '', cards] = line.split(' ');
    if (!instanceType || !enis || !ips || !cards) continue;
    const hypervisor = HYPERVISORS[flags.charAt(0) as keyof typeof HYPERVISORS] ?? 'unknown';
    table.set(instanceType, {
      instanceType,
      enis: Number(enis),
      ipv4PerEni: Number(ips),
      hypervisor,
      bareMetal: flags.includes('m'),
      networkCards: Number(cards),
    });
  }
  return table;
}

export function eniLimitsOf(instanceType: string): EniLimits | undefined {
  return eniLimitsTable().get(instanceType.trim().toLowerCase());
}

/** The published max-pods value: ENIs × (IPv4 per ENI − 1) + 2. */
export function maxPodsOf(limits: Pick<EniLimits, 'enis' | 'ipv4PerEni'>): number {
  return limits.enis * (limits.ipv4PerEni - 1) + 2;
}

/** Up to three known types that look like `text` ("m5.larg" → m5.large), for "did you mean". */
export function similarInstanceTypes(text: string): string[] {
  const wanted = text.trim().toLowerCase();
  const family = wanted.split('.')[0] ?? '';
  const all = [...eniLimitsTable().keys()];
  const prefix = all.filter((type) => type.startsWith(wanted));
  const sameFamily = all.filter((type) => family !== '' && type.startsWith(`${family}.`) && !prefix.includes(type));
  return [...prefix, ...sameFamily].slice(0, 3);
}
