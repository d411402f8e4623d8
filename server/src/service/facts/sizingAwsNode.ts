/**
 * The AWS VPC CNI's warm-pool settings, from the `aws-node` DaemonSet's container
 * environment (EKS installs it in kube-system): WARM_ENI_TARGET, WARM_IP_TARGET,
 * MINIMUM_IP_TARGET, WARM_PREFIX_TARGET and ENABLE_PREFIX_DELEGATION, as written.
 * A value from a ConfigMap or Secret (`valueFrom`) is not knowable here and is left out.
 */
import { getMap, getSeq, getString, mapItems } from '../document/yamlNodes';
import { findPodSpecs } from '../kubernetes/workloads';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';
import { nameAt, text } from './sizingPrometheus';

export const AWS_NODE_SETTINGS = [
  'WARM_ENI_TARGET',
  'WARM_IP_TARGET',
  'MINIMUM_IP_TARGET',
  'WARM_PREFIX_TARGET',
  'ENABLE_PREFIX_DELEGATION',
] as const;

export type AwsNodeSetting = (typeof AWS_NODE_SETTINGS)[number];

export interface AwsNodeFact extends Fact {
  env: Partial<Record<AwsNodeSetting, string>>;
}

export const awsNodeFacts = defineFactKind<AwsNodeFact>('sizing-aws-node', (object) => {
  if (object.ref.kind !== 'DaemonSet' || object.ref.name !== 'aws-node') return [];
  const { doc } = object;
  const env: AwsNodeFact['env'] = {};
  for (const podSpec of findPodSpecs(object)) {
    for (const container of mapItems(doc, getSeq(doc, podSpec, 'containers'))) {
      if (getString(doc, container, 'name') !== 'aws-node') continue;
      for (const variable of mapItems(doc, getSeq(doc, container, 'env'))) {
        const name = getString(doc, variable, 'name');
        const value = text(object, variable, 'value');
        if (AWS_NODE_SETTINGS.includes(name as AwsNodeSetting) && value !== undefined && !getMap(doc, variable, 'valueFrom')) {
          env[name as AwsNodeSetting] = value;
        }
      }
    }
  }
  return [{ ...factBase(object, nameAt(object)), env }];
});
