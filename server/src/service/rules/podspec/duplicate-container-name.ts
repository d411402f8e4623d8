/**
 * Two containers of one pod with the same name. Init, app and ephemeral containers
 * share one name space: the API rejects the pod (`Duplicate value`), and kubectl
 * logs/exec, probes' messages and metrics all address a container by this name.
 * No fix: which of the two to rename, and to what, is the author's choice.
 */
import { getSeq, rangeOf } from '../../document/yamlNodes';
import { findPodSpecs } from '../../kubernetes/workloads';
import { defineRule } from '../api/ruleTypes';
import { namedItems, repeatedNames } from './namedItems';

const CONTAINER_LISTS = [
  ['containers', 'container'],
  ['initContainers', 'init container'],
  ['ephemeralContainers', 'ephemeral container'],
] as const;

export const duplicateContainerName = defineRule(
  {
    id: 'duplicate-container-name',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { workloads: true },
    description: 'Every container of a pod, init and ephemeral containers included, has its own name.',
    why: 'The API server rejects a pod in which two containers share a name, and a Deployment or StatefulSet with such a template creates no pods at all: the rollout stalls with an error only the controller events show. Init containers, app containers and ephemeral containers share one name space, because `kubectl logs -c`, `kubectl exec -c`, the kubelet and every metric address a container by its name alone. The usual cause is a container copied to add a sidecar or an init step and not renamed.',
    remediation: 'Rename one of the containers so that every container of the pod has a unique name.',
    equivalents: [],
    messages: {
      duplicate:
        "The {{kind}} '{{name}}' has the same name as an earlier {{earlierKind}} of this pod: the API rejects the pod, because container names must be unique across init, app and ephemeral containers.",
    },
    yieldsTo: {},
    fixable: false,
  },
  (context) => {
    const { doc } = context.object;
    for (const spec of findPodSpecs(context.object)) {
      const containers = CONTAINER_LISTS.flatMap(([field, kind]) =>
        namedItems(doc, getSeq(doc, spec, field)).map((item) => ({ ...item, kind })),
      );
      // The later one in the file is the copy: init containers are often written above the app's.
      containers.sort((a, b) => (rangeOf(a.node)?.[0] ?? 0) - (rangeOf(b.node)?.[0] ?? 0));
      for (const { earlier, later } of repeatedNames(containers)) {
        context.report({
          node: later.node,
          messageId: 'duplicate',
          data: { kind: later.kind, name: later.name, earlierKind: earlier.kind },
          container: later.name,
        });
      }
    }
  },
);
