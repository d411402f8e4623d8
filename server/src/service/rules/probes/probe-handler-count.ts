/**
 * A probe needs exactly one handler. Neither mistake has a knowable fix: with no
 * handler we cannot tell what to check, and with several we cannot tell which one
 * the author meant (often a template default left next to the real check).
 */
import { allProbes, probeHandlers, probeKey } from '../../kubernetes/probes';
import { defineRule } from '../api/ruleTypes';

export const probeHandlerCount = defineRule(
  {
    id: 'probe-handler-count',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { workloads: true },
    description: 'Every probe has exactly one handler: httpGet, tcpSocket, exec or grpc.',
    why: 'The API server rejects a probe with no handler ("must specify a handler type") and a probe with several ("may not specify more than 1 handler type"), so the whole workload fails to apply, typically in the middle of a deploy. Two handlers usually come from merging a template default (a tcpSocket) with the check someone added later (an httpGet); keep the one that tells the truth about the container.',
    remediation: 'Give the probe exactly one handler (httpGet, tcpSocket, exec or grpc) and remove the others.',
    equivalents: [],
    messages: {
      noHandler:
        'The {{probe}} of container \'{{container}}\' has no handler: the API rejects it ("must specify a handler type"). Add one of httpGet, tcpSocket, exec or grpc.',
      severalHandlers:
        'The {{probe}} of container \'{{container}}\' has {{count}} handlers ({{handlers}}): the API rejects it ("may not specify more than 1 handler type"). Keep the one you mean.',
    },
    fixable: false,
  },
  (context) => {
    const { doc } = context.object;
    for (const probe of allProbes(context.object)) {
      const handlers = probeHandlers(doc, probe.map);
      if (handlers.length === 1) continue;
      const data = { probe: probe.field, container: probe.containerName };
      if (handlers.length === 0) {
        context.report({ node: probeKey(probe), messageId: 'noHandler', data, container: probe.containerName });
        continue;
      }
      context.report({
        node: probeKey(probe),
        messageId: 'severalHandlers',
        data: { ...data, count: handlers.length, handlers: handlers.map((h) => h.handler).join(', ') },
        container: probe.containerName,
      });
    }
  },
);
