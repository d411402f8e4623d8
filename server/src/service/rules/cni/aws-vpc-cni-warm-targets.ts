/**
 * The AWS VPC CNI's warm pool (aws-node's env): WARM_IP_TARGET without
 * MINIMUM_IP_TARGET, MINIMUM_IP_TARGET without WARM_IP_TARGET, and WARM_ENI_TARGET
 * written where the IP targets make the daemon ignore it.
 */
import { awsNodeContainers, isSet } from '../../cni/awsVpcCni';
import { defineRule } from '../api/ruleTypes';
import { nodeOf } from './cniRule';

export const awsVpcCniWarmTargets = defineRule(
  {
    id: 'aws-vpc-cni-warm-targets',
    type: 'suggestion',
    defaultSeverity: 'warning',
    scope: { kinds: ['DaemonSet', 'Deployment', 'Pod'] },
    description:
      'The AWS VPC CNI’s warm pool is sized with MINIMUM_IP_TARGET and WARM_IP_TARGET together, and WARM_ENI_TARGET only when neither is set.',
    why: 'On EKS the aws-node daemon keeps VPC addresses warm for new pods. WARM_IP_TARGET alone keeps that many free IPs on every node on top of the ones in use (30 pods with WARM_IP_TARGET=30 hold 60 addresses), drains the subnet, and makes the daemon call the EC2 API each time a pod comes or goes, which throttles on large clusters. MINIMUM_IP_TARGET alone keeps no spare at all beyond its floor. Together they say what is meant: MINIMUM_IP_TARGET=30 with WARM_IP_TARGET=2 holds 32. And once either is set, WARM_ENI_TARGET is ignored.',
    remediation:
      'Set MINIMUM_IP_TARGET to the pods a node usually runs and WARM_IP_TARGET to a small spare (2–5), and drop WARM_ENI_TARGET once they are set.',
    equivalents: [],
    messages: {
      warmWithoutMinimum:
        'WARM_IP_TARGET={{value}} without MINIMUM_IP_TARGET: each node holds {{value}} free IPs on top of those in use, and every pod start or stop calls the EC2 API (throttled on large clusters). Set MINIMUM_IP_TARGET too.',
      minimumAlone:
        'MINIMUM_IP_TARGET={{value}} without WARM_IP_TARGET: no spare IPs are kept beyond that floor, so a node past {{value}} pods waits for an address at each new pod. Set WARM_IP_TARGET to a small spare.',
      eniIgnored:
        'WARM_ENI_TARGET is ignored while {{others}} is set: the daemon sizes the warm pool by IPs. Remove it to say what is in effect.',
    },
    fixable: false,
  },
  (context) => {
    for (const { container, settings } of awsNodeContainers(context.object)) {
      const warmIp = settings.get('WARM_IP_TARGET');
      const minimum = settings.get('MINIMUM_IP_TARGET');
      const warmEni = settings.get('WARM_ENI_TARGET');
      const name = container.name ?? 'aws-node';
      if (isSet(warmIp) && !isSet(minimum)) {
        context.report({
          node: nodeOf(warmIp.namePair.value),
          messageId: 'warmWithoutMinimum',
          data: { value: warmIp.value ?? '…' },
          container: name,
        });
      }
      if (isSet(minimum) && !isSet(warmIp)) {
        context.report({
          node: nodeOf(minimum.namePair.value),
          messageId: 'minimumAlone',
          data: { value: minimum.value ?? '…' },
          container: name,
        });
      }
      if (isSet(warmEni) && (isSet(warmIp) || isSet(minimum))) {
        const others = [isSet(warmIp) ? 'WARM_IP_TARGET' : '', isSet(minimum) ? 'MINIMUM_IP_TARGET' : '']
          .filter(Boolean)
          .join(' or ');
        context.report({ node: nodeOf(warmEni.namePair.value), messageId: 'eniIgnored', data: { others }, container: name });
      }
    }
  },
);
