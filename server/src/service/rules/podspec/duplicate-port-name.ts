/**
 * Two ports of one container with the same name. The API rejects the object
 * (`Duplicate value`): a port name is what Services (`targetPort: http`) and probes
 * (`port: http`) resolve, so it must mean one port. No fix: which port keeps the name
 * is the author's choice.
 */
import { getSeq } from '../../document/yamlNodes';
import { allContainers } from '../../kubernetes/workloads';
import { defineRule } from '../api/ruleTypes';
import { namedItems, repeatedNames } from './namedItems';

export const duplicatePortName = defineRule(
  {
    id: 'duplicate-port-name',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { workloads: true },
    description: 'The ports of a container have distinct names.',
    why: "A port's name is how the rest of the cluster refers to it: a Service's `targetPort: http`, a probe's `port: http`, a ServiceMonitor's `port: metrics` all resolve the name among the container's ports. Two ports with one name would make that lookup ambiguous, so the API server rejects the pod, and a workload with such a template creates no pods. It usually happens when a port block is copied (to add a metrics or admin port) and only the number is changed.",
    remediation:
      'Give each port of the container its own name, and update the Services and probes that should use the renamed one.',
    equivalents: [],
    messages: {
      duplicate:
        "Container '{{container}}' declares a second port named '{{name}}': the API rejects the pod, because port names must be unique within a container.",
    },
    yieldsTo: {},
    fixable: false,
  },
  (context) => {
    const { doc } = context.object;
    for (const container of allContainers(context.object)) {
      const ports = namedItems(doc, getSeq(doc, container.node, 'ports'));
      for (const { later } of repeatedNames(ports)) {
        const name = container.name ?? '(unnamed)';
        context.report({
          node: later.node,
          messageId: 'duplicate',
          data: { container: name, name: later.name },
          container: name,
        });
      }
    }
  },
);
