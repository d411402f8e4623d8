/**
 * Hover on the AWS VPC CNI's warm-pool variables in the aws-node container's env: what
 * each one holds, how they combine, with the worked example of a node running 30 pods.
 */
import { rangeOf } from '../document/yamlNodes';
import { awsNodeContainers } from '../cni/awsVpcCni';
import type { WarmPoolVariable } from '../cni/awsVpcCni';
import { kubeObjectsIn } from '../kubernetes/objects';
import type { Position } from '../core/types';
import { documentAt } from './documentAt';
import type { HoverLimits } from './documentAt';
import type { HoverResult } from './hoverResult';

const EXAMPLE =
  'With 30 pods on a node: WARM_IP_TARGET=30 alone holds 60 IPs (30 in use, 30 free); MINIMUM_IP_TARGET=30 with WARM_IP_TARGET=2 holds 32 (the floor of 30, then 2 spare as pods come).';

const TEXT: Readonly<Record<WarmPoolVariable, string>> = {
  WARM_ENI_TARGET:
    'Keep this many whole ENIs attached and free, each with all its secondary IPs (default 1). Simple, but coarse: on a large instance one ENI holds dozens of VPC addresses per node. Ignored as soon as WARM_IP_TARGET or MINIMUM_IP_TARGET is set.',
  WARM_IP_TARGET:
    'Keep this many free IPs on the node, on top of those in use. Alone, a large value drains the VPC subnet, and a small one makes the daemon call the EC2 API at every pod start and stop, which throttles on large clusters. Pair it with MINIMUM_IP_TARGET.',
  MINIMUM_IP_TARGET:
    'Hold at least this many IPs on the node in total, used or free: set it to the pods a node usually runs, so they start without waiting for the EC2 API. Alone it keeps no spare beyond the floor; pair it with a small WARM_IP_TARGET.',
};

export function hoverForAwsCni(
  text: string,
  languageId: 'yaml' | 'json',
  position: Position,
  limits: HoverLimits = {},
): HoverResult | undefined {
  const at = documentAt(text, languageId, position, limits);
  if (!at) return undefined;
  for (const object of kubeObjectsIn(at.parsed.doc)) {
    for (const { settings } of awsNodeContainers(object)) {
      for (const [name, setting] of settings) {
        const range = rangeOf(setting.entry);
        if (!range || at.offset < range[0] || at.offset > range[1]) continue;
        const lines = [
          `**${name}**${setting.value !== undefined ? ` = ${setting.value}` : ''} · AWS VPC CNI warm pool`,
          '',
          TEXT[name],
          '',
          EXAMPLE,
          '',
          'Pods per node are capped by the instance type either way: max pods = ENIs × (IPv4 addresses per ENI − 1) + 2.',
        ];
        const [start, end] = rangeOf(setting.namePair) ?? range;
        return { markdown: lines.join('\n'), range: at.toRange(start, end) };
      }
    }
  }
  return undefined;
}
