/** The bandwidth plugin limits a direction only when both its rate and its burst are set. */
import { cniConfigs } from '../../cni/cniDocument';
import { pluginsOf } from '../../cni/configModel';
import { findPair } from '../../document/yamlNodes';
import { defineDocumentRule } from '../api/ruleTypes';
import { nodeOf, readableConfig } from './cniRule';

const DIRECTIONS = ['ingress', 'egress'] as const;

export const cniBandwidthBurst = defineDocumentRule(
  {
    id: 'cni-bandwidth-burst',
    type: 'problem',
    defaultSeverity: 'warning',
    documents: cniConfigs,
    description: 'The bandwidth plugin sets each direction’s rate together with its burst.',
    why: 'The bandwidth plugin shapes traffic with a token bucket, which needs both a rate (bits per second) and a burst (bits). It limits a direction only when both are set: an ingressRate without ingressBurst limits nothing, and the pods run unthrottled while the config says otherwise.',
    remediation: 'Set the burst with the rate (ingressRate with ingressBurst, egressRate with egressBurst), or remove both.',
    equivalents: [],
    messages: {
      alone:
        '{{present}} without {{missing}}: the bandwidth plugin limits {{direction}} traffic only when both are set, so it is not limited.',
    },
    fixable: false,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    for (const plugin of pluginsOf(config.document)) {
      if (plugin.type !== 'bandwidth') continue;
      for (const direction of DIRECTIONS) {
        const rate = findPair(config.doc, plugin.map, `${direction}Rate`);
        const burst = findPair(config.doc, plugin.map, `${direction}Burst`);
        if (!rate === !burst) continue;
        const present = rate ? `${direction}Rate` : `${direction}Burst`;
        const missing = rate ? `${direction}Burst` : `${direction}Rate`;
        context.report({ node: nodeOf((rate ?? burst)!.key), messageId: 'alone', data: { present, missing, direction } });
      }
    }
  },
);
