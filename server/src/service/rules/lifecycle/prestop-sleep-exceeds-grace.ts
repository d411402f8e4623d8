/**
 * A preStop hook that sleeps as long as the pod's grace period or longer. The grace
 * period starts when the pod is marked Terminating and runs *in parallel* with the
 * hook, so such a container receives SIGTERM only when its time is already up (or not
 * at all) and is SIGKILLed mid-request.
 */
import { isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import { findPair, getValue } from '../../document/yamlNodes';
import { allContainers } from '../../kubernetes/workloads';
import type { ContainerRef } from '../../kubernetes/workloads';
import { insertIntoBlockMap } from '../api/fixes/insertIntoMap';
import { replaceScalar } from '../api/fixes/replaceScalar';
import { preStopSleep } from '../../kubernetes/preStopSleep';
import type { PreStopSleep } from '../../kubernetes/preStopSleep';
import { defineRule } from '../api/ruleTypes';
import type { OffsetEdit, RuleContext } from '../api/ruleTypes';

const GRACE_KEY = 'terminationGracePeriodSeconds';
/** What Kubernetes uses when the pod spec does not say. */
const DEFAULT_GRACE_SECONDS = 30;
/**
 * What the fix leaves the application after the hook: half the default budget, which
 * is the time a typical server needs to stop accepting, finish in-flight requests and
 * close its connections once SIGTERM arrives.
 */
const SHUTDOWN_MARGIN_SECONDS = 15;

export const prestopSleepExceedsGrace = defineRule(
  {
    id: 'prestop-sleep-exceeds-grace',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { workloads: true },
    description: "A container's preStop sleep is shorter than the pod's terminationGracePeriodSeconds.",
    why: 'When a pod terminates, Kubernetes runs the preStop hook, then sends SIGTERM, and sends SIGKILL once terminationGracePeriodSeconds (default 30) have passed. That countdown starts with the hook, not after it: a preStop that sleeps as long as the grace period leaves the application no time to handle SIGTERM, so it is killed with requests in flight and connections open. The sleep exists to let endpoints and load balancers stop sending traffic; the grace period must cover the sleep plus the shutdown itself.',
    remediation:
      'Raise terminationGracePeriodSeconds above the preStop sleep plus the time the application needs to shut down, or shorten the sleep.',
    equivalents: [],
    messages: {
      exceeds:
        "The preStop hook of container '{{container}}' sleeps {{sleep}} s, but terminationGracePeriodSeconds is {{grace}} s: the container is killed before it can handle SIGTERM.",
      exceedsDefault:
        "The preStop hook of container '{{container}}' sleeps {{sleep}} s, but terminationGracePeriodSeconds is not set and defaults to {{grace}} s: the container is killed before it can handle SIGTERM.",
    },
    fixable: true,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: true,
  },
  (context) => {
    const byPodSpec = new Map<YAMLMap, { container: ContainerRef; sleep: PreStopSleep }[]>();
    for (const container of allContainers(context.object)) {
      const sleep = preStopSleep(context.object.doc, container.node);
      if (!sleep) continue;
      const list = byPodSpec.get(container.podSpec) ?? [];
      list.push({ container, sleep });
      byPodSpec.set(container.podSpec, list);
    }
    for (const [podSpec, sleepers] of byPodSpec) checkPodSpec(context, podSpec, sleepers);
  },
);

function checkPodSpec(
  context: RuleContext,
  podSpec: YAMLMap,
  sleepers: { container: ContainerRef; sleep: PreStopSleep }[],
): void {
  const grace = gracePeriod(context, podSpec);
  if (grace === undefined) return;
  const longest = Math.max(...sleepers.map(({ sleep }) => sleep.seconds));
  // The grace period is the pod's, so one edit covers every container: it is offered on
  // the longest sleeper only, or a fix-all would insert the key once per container.
  const edit = graceEdit(context, podSpec, longest + SHUTDOWN_MARGIN_SECONDS);
  let fixOffered = false;
  for (const { container, sleep } of sleepers) {
    if (sleep.seconds < grace.seconds) continue;
    const name = container.name ?? '(unnamed)';
    const withFix = edit !== undefined && !fixOffered && sleep.seconds === longest;
    if (withFix) fixOffered = true;
    context.report({
      node: sleep.node,
      messageId: grace.defaulted ? 'exceedsDefault' : 'exceeds',
      data: { container: name, sleep: sleep.seconds, grace: grace.seconds },
      container: name,
      // The new grace period is a judgement (the margin), so never applied on save.
      fixes: withFix ? [{ title: `Set ${GRACE_KEY} to ${longest + SHUTDOWN_MARGIN_SECONDS}`, edits: [edit], fixAll: false }] : [],
    });
  }
}

/** The pod's grace period; undefined when it is there but not a number we can read. */
function gracePeriod(context: RuleContext, podSpec: YAMLMap): { seconds: number; defaulted: boolean } | undefined {
  const value = getValue(context.object.doc, podSpec, GRACE_KEY);
  // Absent and null alike leave the field unset, and Kubernetes defaults it.
  if (value === undefined || (isScalar(value) && value.value === null))
    return { seconds: DEFAULT_GRACE_SECONDS, defaulted: true };
  if (!isScalar(value) || typeof value.value !== 'number' || !Number.isInteger(value.value)) return undefined;
  return { seconds: value.value, defaulted: false };
}

function graceEdit(context: RuleContext, podSpec: YAMLMap, seconds: number): OffsetEdit | undefined {
  const pair = findPair(context.object.doc, podSpec, GRACE_KEY);
  if (!pair) return insertIntoBlockMap(context.text, podSpec, [`${GRACE_KEY}: ${seconds}`]);
  // A value merged in from an anchor is shared with other objects: not ours to change;
  // and an empty value has no text to replace.
  if (!podSpec.items.includes(pair) || !isScalar(pair.value) || typeof pair.value.value !== 'number') return undefined;
  return replaceScalar(context.text, pair.value, String(seconds));
}
