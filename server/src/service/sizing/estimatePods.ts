/** `Kubewise: Estimate Pods per Node (EKS)` and `kubewise size pods`. */
import { value } from './estimate';
import type { Estimate } from './estimate';
import { ENI_LIMITS_SOURCE, maxPodsOf } from './eniLimits';
import type { EniLimits } from './eniLimits';
import type { FieldDefault } from './fields';
import { count } from './format';
import { HOST_NETWORK_PODS, nodeAddresses, PREFIX_ADDRESSES } from './podsPerNode';
import type { WarmPoolSettings } from './podsPerNode';
import { row } from './report';
import type { ChartSpec } from './report';
import { describeSource } from './workspace';
import type { SizingWorkspace } from './workspace';

const SETTING_FIELDS: Record<string, string> = {
  WARM_ENI_TARGET: 'warm-eni-target',
  WARM_IP_TARGET: 'warm-ip-target',
  MINIMUM_IP_TARGET: 'minimum-ip-target',
  WARM_PREFIX_TARGET: 'warm-prefix-target',
  ENABLE_PREFIX_DELEGATION: 'prefix-delegation',
};

export const podsEstimate: Estimate = {
  kind: 'pods',
  title: 'Pods per node and VPC CNI addresses (EKS)',
  summary: "Max pods of an EC2 instance type and the addresses the AWS VPC CNI's warm pool holds",
  notes:
    `Max pods = ENIs × (IPv4 per ENI − 1) + 2, from the AWS VPC CNI's table (${ENI_LIMITS_SOURCE.repo} at\n` +
    `${ENI_LIMITS_SOURCE.commit.slice(0, 12)}). Files or folders read the aws-node DaemonSet's WARM_*/MINIMUM_IP_TARGET env.`,
  fields: [
    {
      name: 'instance-type',
      label: 'Instance type',
      type: 'instance-type',
      prompt: 'An EC2 instance type, e.g. m5.large',
      fallback: { value: 'm5.large', reason: 'a common EKS node type' },
    },
    {
      name: 'pods',
      label: 'Pods per node',
      type: 'count',
      max: 1e6,
      optional: true,
      prompt: 'Pods that need a VPC address on one node (leave empty for a full node)',
    },
    {
      name: 'nodes',
      label: 'Nodes',
      type: 'count',
      min: 1,
      max: 1e6,
      prompt: 'Nodes in the cluster, for the totals',
      fallback: { value: '1', reason: 'one node' },
    },
    {
      name: 'warm-eni-target',
      label: 'WARM_ENI_TARGET',
      type: 'count',
      max: 100,
      prompt: 'Spare ENIs to keep attached',
      fallback: { value: '1', reason: "the VPC CNI's default" },
    },
    {
      name: 'warm-ip-target',
      label: 'WARM_IP_TARGET',
      type: 'count',
      max: 1e5,
      optional: true,
      prompt: 'Spare addresses to keep (replaces WARM_ENI_TARGET)',
    },
    {
      name: 'minimum-ip-target',
      label: 'MINIMUM_IP_TARGET',
      type: 'count',
      max: 1e5,
      optional: true,
      prompt: 'Addresses to hold at least',
    },
    {
      name: 'prefix-delegation',
      label: 'ENABLE_PREFIX_DELEGATION',
      type: 'boolean',
      prompt: 'true to assign /28 prefixes (16 addresses) instead of single addresses',
      fallback: { value: 'false', reason: "the VPC CNI's default" },
    },
    {
      name: 'warm-prefix-target',
      label: 'WARM_PREFIX_TARGET',
      type: 'count',
      max: 1000,
      prompt: 'Spare /28 prefixes to keep, with prefix delegation',
      fallback: { value: '1', reason: "the VPC CNI's default" },
    },
  ],
  defaults: podsDefaults,
  run(resolved) {
    const limits = value<EniLimits>(resolved, 'instance-type');
    if (!limits) return { errors: { 'instance-type': 'Instance type is needed' } };
    const settings: WarmPoolSettings = {
      warmEniTarget: value<number>(resolved, 'warm-eni-target') ?? 1,
      prefixDelegation: value<boolean>(resolved, 'prefix-delegation') ?? false,
      warmPrefixTarget: value<number>(resolved, 'warm-prefix-target') ?? 1,
    };
    const warmIp = value<number>(resolved, 'warm-ip-target');
    const minimumIp = value<number>(resolved, 'minimum-ip-target');
    if (warmIp !== undefined) settings.warmIpTarget = warmIp;
    if (minimumIp !== undefined) settings.minimumIpTarget = minimumIp;
    const nodes = value<number>(resolved, 'nodes') ?? 1;
    const probe = nodeAddresses(limits, 0, settings);
    const pods = value<number>(resolved, 'pods') ?? probe.maxPods - HOST_NETWORK_PODS;
    const node = nodeAddresses(limits, pods, settings);
    const type = limits.instanceType;
    const warnings: string[] = [];
    if (pods > node.podsPlaced) {
      warnings.push(
        `${count(pods)} pods do not fit on one ${type}: it runs at most ${count(node.maxPods)} (${HOST_NETWORK_PODS} of them host-network), so ${count(node.podsPlaced)} get an address.`,
      );
    }
    if ((settings.warmIpTarget ?? 0) > 0 && settings.warmEniTarget !== 1) {
      warnings.push('WARM_ENI_TARGET is ignored while WARM_IP_TARGET or MINIMUM_IP_TARGET is set.');
    }
    if (settings.prefixDelegation && limits.hypervisor !== 'nitro') {
      warnings.push(`Prefix delegation needs a Nitro instance; the table lists ${type} as ${limits.hypervisor}.`);
    }
    if (settings.prefixDelegation) {
      warnings.push(
        `With prefix delegation, AWS recommends max-pods 110 on instances with fewer than 30 vCPUs and 250 above; the table has no vCPU count, so ${count(node.maxPods)} is the address limit, not a kubelet setting.`,
      );
    }
    const modes = {
      'warm-eni': `WARM_ENI_TARGET=${settings.warmEniTarget}: whole ENIs`,
      'warm-ip': `max(MINIMUM_IP_TARGET=${settings.minimumIpTarget ?? 0}, pods + WARM_IP_TARGET=${settings.warmIpTarget ?? 0})`,
      'warm-prefix': `WARM_PREFIX_TARGET=${settings.warmPrefixTarget}: /28 prefixes`,
      'prefix-ip': `max(MINIMUM_IP_TARGET, pods + WARM_IP_TARGET) rounded up to /28 prefixes`,
    };
    const rows = [
      row('maxPods', 'Max pods', node.maxPods, count(node.maxPods), {
        detail: settings.prefixDelegation
          ? `${limits.enis} ENIs × ${limits.ipv4PerEni - 1} prefixes × ${PREFIX_ADDRESSES} + 2`
          : `${limits.enis} ENIs × (${limits.ipv4PerEni} IPv4 − 1) + 2`,
      }),
      row('publishedMaxPods', 'Published max pods (eni-max-pods.txt)', maxPodsOf(limits), count(maxPodsOf(limits)), {
        detail: 'without prefix delegation',
      }),
      row('pods', 'Pods with a VPC address', node.podsPlaced, count(node.podsPlaced)),
      row('enisAttached', 'ENIs attached', node.enisAttached, `${node.enisAttached} of ${limits.enis}`),
      row('ipsHeld', 'Addresses held per node', node.ipsHeld, count(node.ipsHeld), { detail: modes[node.mode] }),
      row('ipsWarm', 'Of which spare (warm pool)', node.ipsWarm, count(node.ipsWarm)),
      row('subnetPerNode', 'Subnet addresses per node', node.subnetAddresses, count(node.subnetAddresses), {
        detail: `held + ${node.enisAttached} ENI primary address${node.enisAttached === 1 ? '' : 'es'}`,
      }),
    ];
    if (node.prefixes !== undefined) rows.splice(4, 0, row('prefixes', '/28 prefixes', node.prefixes, count(node.prefixes)));
    if (nodes > 1) {
      rows.push(
        row('ipsHeldCluster', `Addresses held, ${count(nodes)} nodes`, node.ipsHeld * nodes, count(node.ipsHeld * nodes)),
        row(
          'subnetCluster',
          `Subnet addresses, ${count(nodes)} nodes`,
          node.subnetAddresses * nodes,
          count(node.subnetAddresses * nodes),
        ),
      );
    }
    return {
      estimate: 'pods',
      title: `Pods per node: ${type}`,
      summary: `One ${type} node runs at most ${count(node.maxPods)} pods; with ${count(node.podsPlaced)} pods the VPC CNI holds ${count(node.ipsHeld)} addresses (${count(node.ipsWarm)} spare) and takes ${count(node.subnetAddresses)} from the subnet per node.`,
      sections: [
        {
          title: `${type}: ${limits.enis} ENIs × ${limits.ipv4PerEni} IPv4 (${limits.hypervisor}${limits.bareMetal ? ', bare metal' : ''})`,
          rows,
        },
      ],
      assumptions: [],
      warnings,
      chart: addressChart(limits, settings, node.maxPods),
    };
  },
};

/** Addresses held against pods, with the pods' own addresses and the node's limit. */
function addressChart(limits: EniLimits, settings: WarmPoolSettings, maxPods: number): ChartSpec {
  const last = maxPods - HOST_NETWORK_PODS;
  const step = Math.max(1, Math.ceil(last / 40));
  const points: number[] = [];
  for (let pods = 0; pods <= last; pods += step) points.push(pods);
  if (points[points.length - 1] !== last) points.push(last);
  return {
    type: 'line',
    title: 'Addresses held against pods',
    xLabel: 'pods on the node',
    yLabel: 'VPC addresses',
    labels: points.map(String),
    series: [
      { name: 'held by the CNI', data: points.map((pods) => nodeAddresses(limits, pods, settings).ipsHeld) },
      { name: 'used by pods', data: points },
      {
        name: 'subnet addresses',
        data: points.map((pods) => nodeAddresses(limits, pods, settings).subnetAddresses),
        dashed: true,
      },
    ],
  };
}

function podsDefaults(workspace: SizingWorkspace): Record<string, FieldDefault> {
  const defaults: Record<string, FieldDefault> = {};
  const awsNode = workspace.awsNodes[0];
  if (!awsNode) return defaults;
  const source = describeSource(awsNode);
  for (const [setting, field] of Object.entries(SETTING_FIELDS)) {
    const text = awsNode.env[setting as keyof typeof awsNode.env];
    if (text !== undefined) defaults[field] = { value: text, source: `${setting} of ${source}` };
  }
  return defaults;
}
