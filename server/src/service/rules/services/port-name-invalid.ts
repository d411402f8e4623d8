/**
 * Port names the API refuses: container port names and a Service's named `targetPort`
 * follow the IANA service-name rules (at most 15 characters, lowercase letters, digits
 * and `-`, at least one letter, no `--`, no `-` at either end); a Service port's own
 * name is a DNS-1123 label (kube-linter `invalid-target-ports`).
 */
import { isScalar } from 'yaml';
import type { Node, Pair } from 'yaml';
import { findPair, getMap, getSeq, mapItems, resolveNode } from '../../document/yamlNodes';
import { isDns1123Label, portNameProblem } from '../../kubernetes/dnsNames';
import { findPodSpecs } from '../../kubernetes/workloads';
import { containersOf } from '../../kubernetes/workloads';
import { defineRule } from '../api/ruleTypes';
import type { RuleContext } from '../api/ruleTypes';

export const portNameInvalid = defineRule(
  {
    id: 'port-name-invalid',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { all: true },
    description: 'Port names follow the syntax the API enforces.',
    why: "A named port is how a Service's targetPort, a probe or a NetworkPolicy finds a container port, and the API checks the syntax: container port names and named targetPorts are IANA service names (at most 15 characters of lowercase letters, digits and `-`, at least one letter, no `--`, no `-` at either end); a Service port's name is a DNS label. `http-metrics-port` (17 characters) or `HTTP` is rejected when applied, often only in the environment that renders the longer name.",
    remediation:
      'Shorten or rename the port to at most 15 lowercase letters, digits and single dashes, with at least one letter.',
    equivalents: ['kube-linter:invalid-target-ports'],
    messages: {
      ianaName: "Port name '{{name}}' is refused by the API: {{reason}}.",
      serviceName:
        "Service port name '{{name}}' is refused by the API: it must be a DNS label (lowercase letters, digits and -).",
    },
    fixable: false,
  },
  (context) => {
    const { object } = context;
    const { doc } = object;
    if (object.ref.kind === 'Service' && object.ref.apiVersion === 'v1') {
      for (const port of mapItems(doc, getSeq(doc, getMap(doc, object.root, 'spec'), 'ports'))) {
        const name = findPair(doc, port, 'name');
        const value = stringOf(context, name);
        if (name && value !== undefined && !isDns1123Label(value)) {
          context.report({ node: name, messageId: 'serviceName', data: { name: value } });
        }
        const target = findPair(doc, port, 'targetPort');
        const targetName = stringOf(context, target);
        if (target && targetName !== undefined && !/^\d+$/.test(targetName)) checkIana(context, target, targetName);
      }
      return;
    }
    for (const podSpec of findPodSpecs(object)) {
      for (const container of containersOf(object, podSpec)) {
        for (const port of mapItems(doc, getSeq(doc, container.node, 'ports'))) {
          const name = findPair(doc, port, 'name');
          const value = stringOf(context, name);
          if (name && value !== undefined) checkIana(context, name, value, container.name);
        }
      }
    }
  },
);

function stringOf(context: RuleContext, pair: Pair<unknown, unknown> | undefined): string | undefined {
  const value = pair ? resolveNode(context.object.doc, pair.value) : undefined;
  if (!isScalar(value) || typeof value.value !== 'string' || /\{\{|\$\{/.test(value.value)) return undefined;
  return value.value;
}

function checkIana(context: RuleContext, pair: Pair<unknown, unknown>, name: string, container?: string): void {
  const reason = portNameProblem(name);
  if (!reason) return;
  context.report({ node: (pair.value as Node | null) ?? pair, messageId: 'ianaName', data: { name, reason }, container });
}
