/**
 * Objects a controller made (a ReplicaSet or Pod dumped with `kubectl get -o yaml`):
 * their labels are the controller's, not the author's, so label rules leave them alone.
 */
import { getMap, hasKey } from '../../document/yamlNodes';
import type { KubeObject } from '../../kubernetes/objects';

export function generatedObject(object: KubeObject): boolean {
  const metadata = getMap(object.doc, object.root, 'metadata');
  return metadata !== undefined && hasKey(object.doc, metadata, 'ownerReferences');
}
