/**
 * Shared check behind missing-readiness-probe and missing-liveness-probe: each
 * long-running app container must declare the probe. Init and ephemeral containers
 * are exempt (they cannot serve traffic or be restarted by a probe), and so are pods
 * that run to completion (Jobs, CronJobs, bare pods whose restartPolicy is not Always).
 */
import { getString, hasKey } from '../../document/yamlNodes';
import { allContainers } from '../../kubernetes/workloads';
import { insertIntoBlockMap } from '../api/fixes/insertIntoMap';
import { probeLines } from '../../kubernetes/probeTemplate';
import type { ProbeKind } from '../../kubernetes/probeTemplate';
import type { OffsetFix, RuleContext } from '../api/ruleTypes';

export function checkMissingProbe(context: RuleContext, probe: ProbeKind): void {
  const { object } = context;
  for (const container of allContainers(object)) {
    if (container.kind !== 'container') continue;
    if (runsToCompletion(context, container.podSpec)) continue;
    if (hasKey(object.doc, container.node, probe)) continue;
    const name = container.name ?? '(unnamed)';
    const fixes: OffsetFix[] = [];
    const lines = probeLines(object.doc, container.node, probe);
    const edit = lines && insertIntoBlockMap(context.text, container.node, lines);
    if (edit) fixes.push({ title: `Add ${probe}`, edits: [edit] });
    context.report({
      node: container.namePair ?? container.node,
      messageId: 'missing',
      data: { container: name },
      container: name,
      fixes,
    });
  }
}

function runsToCompletion(context: RuleContext, podSpec: Parameters<typeof getString>[1]): boolean {
  const policy = getString(context.object.doc, podSpec, 'restartPolicy');
  return policy === 'Never' || policy === 'OnFailure';
}
