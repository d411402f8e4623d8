/**
 * A rolling update allowed to take every pod down at once: `maxUnavailable: 100%`, or a
 * count at least the replica count. Kubernetes scales a percentage of maxUnavailable
 * *down* (and maxSurge up), so only 100% means "all" for every replica count.
 *
 * Not reported: an integer with one replica (`maxUnavailable: 1` is how a single pod
 * with a ReadWriteOnce volume is updated at all, and one replica is never zero-downtime
 * anyway), an integer without `replicas` (an autoscaler may own the count), and a
 * DaemonSet's integer (its pod count is the node count, unknown here).
 *
 * The same field also carries the opposite mistake, kept here rather than in a rule of
 * its own because the finding and the fix sit on the same two keys: maxUnavailable and
 * maxSurge both 0 can never replace a pod, and the API rejects it. That one is an error
 * in kind, but a rule has one severity; it is raised as this rule's warning.
 */
import { isScalar } from 'yaml';
import type { Document, Pair, YAMLMap } from 'yaml';
import { findPair, getMapAt, getScalarValue, getString, resolveNode } from '../../document/yamlNodes';
import { insertIntoBlockMap } from '../api/fixes/insertIntoMap';
import { replaceScalar } from '../api/fixes/replaceScalar';
import { defineRule } from '../api/ruleTypes';
import type { OffsetEdit, OffsetFix, RuleContext } from '../api/ruleTypes';

type Kind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

const STRATEGY: Record<Kind, { path: readonly string[]; safeMaxUnavailable: string }> = {
  // The safe values are each controller's own default: 25% keeps three quarters of a
  // Deployment serving; StatefulSets and DaemonSets replace one pod at a time.
  Deployment: { path: ['spec', 'strategy'], safeMaxUnavailable: '25%' },
  StatefulSet: { path: ['spec', 'updateStrategy'], safeMaxUnavailable: '1' },
  DaemonSet: { path: ['spec', 'updateStrategy'], safeMaxUnavailable: '1' },
};

export const rolloutMaxUnavailableAll = defineRule(
  {
    id: 'rollout-max-unavailable-all',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { kinds: ['Deployment', 'StatefulSet', 'DaemonSet'] },
    description: 'A rolling update keeps some pods serving: maxUnavailable is below the replica count.',
    why: 'A rolling update is zero-downtime only while old pods keep serving until new ones are ready. With maxUnavailable at 100%, or at least the replica count, the controller may stop every old pod at once, so each rollout is an outage until the new pods pass their readiness probes, and a bad image takes the whole service down instead of one pod. Percentages round down for maxUnavailable (and up for maxSurge), so only 100% means all pods whatever the scale.',
    remediation: 'Lower maxUnavailable (25%, or 1) and let maxSurge add new pods before old ones are removed.',
    equivalents: [],
    messages: {
      allUnavailable:
        'maxUnavailable {{value}} lets the rolling update stop {{pods}} at once: every rollout is an outage until the new pods are ready.',
      bothZero:
        'maxUnavailable and maxSurge are both 0: the rolling update can neither remove nor add a pod, and the API rejects the {{kind}}.',
    },
    fixable: true,
  },
  (context) => {
    const { doc, root, ref } = context.object;
    const kind = ref.kind as Kind;
    if (!/^(apps|extensions)\//.test(ref.apiVersion) || !(kind in STRATEGY)) return;
    const strategy = getMapAt(doc, root, STRATEGY[kind].path);
    const type = getString(doc, strategy, 'type');
    if (type !== undefined && type !== 'RollingUpdate') return;
    const rollingUpdate = getMapAt(doc, strategy, ['rollingUpdate']);
    const unavailablePair = rollingUpdate && findPair(doc, rollingUpdate, 'maxUnavailable');
    if (!rollingUpdate || !unavailablePair) return;
    const maxUnavailable = intOrPercent(doc, unavailablePair);
    if (!maxUnavailable) return;
    const surgePair = findPair(doc, rollingUpdate, 'maxSurge');
    const maxSurge = surgePair && intOrPercent(doc, surgePair);

    if (maxUnavailable.amount === 0) {
      // Defaults: a Deployment's absent maxSurge is 25%, a DaemonSet's is 0.
      const surgeZero = maxSurge ? maxSurge.amount === 0 : kind === 'DaemonSet';
      if (!surgeZero || kind === 'StatefulSet') return;
      const edit = surgePair
        ? ownScalarEdit(context, rollingUpdate, surgePair, '1')
        : insertIntoBlockMap(context.text, rollingUpdate, ['maxSurge: 1']);
      context.report({ node: unavailablePair, messageId: 'bothZero', data: { kind }, fixes: fix('Set maxSurge to 1', edit) });
      return;
    }

    const replicas = kind === 'DaemonSet' ? undefined : replicaCount(context);
    const pods = stopsAll(maxUnavailable, replicas);
    if (!pods) return;
    // A DaemonSet rejects maxSurge and maxUnavailable both non-zero: 1 is no fix then.
    const daemonSurge = kind === 'DaemonSet' && maxSurge !== undefined && maxSurge.amount !== 0;
    const safe = percentText(STRATEGY[kind].safeMaxUnavailable, unavailablePair, rollingUpdate);
    const edit = daemonSurge ? undefined : ownScalarEdit(context, rollingUpdate, unavailablePair, safe);
    context.report({
      node: unavailablePair,
      messageId: 'allUnavailable',
      data: { value: maxUnavailable.text, pods },
      fixes: fix(`Set maxUnavailable to ${STRATEGY[kind].safeMaxUnavailable}`, edit),
    });
  },
);

interface IntOrPercent {
  amount: number;
  percent: boolean;
  text: string;
}

/** An int or a `N%` string, as the API reads IntOrString; anything else is left alone. */
function intOrPercent(doc: Document.Parsed, pair: Pair<unknown, unknown>): IntOrPercent | undefined {
  const node = resolveNode(doc, pair.value);
  if (!isScalar(node)) return undefined;
  const { value } = node;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0)
    return { amount: value, percent: false, text: String(value) };
  const match = typeof value === 'string' ? /^(\d{1,9})%$/.exec(value) : null;
  return match?.[1] === undefined ? undefined : { amount: Number(match[1]), percent: true, text: value as string };
}

function replicaCount(context: RuleContext): number | undefined {
  const { doc, root } = context.object;
  const replicas = getScalarValue(doc, getMapAt(doc, root, ['spec']), 'replicas');
  return typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 0 ? replicas : undefined;
}

/** "all 3 pods" / "every pod" when maxUnavailable covers them all, else undefined. */
function stopsAll(maxUnavailable: IntOrPercent, replicas: number | undefined): string | undefined {
  if (replicas === 0) return undefined;
  if (maxUnavailable.percent) {
    if (maxUnavailable.amount < 100) return undefined;
    return replicas === undefined ? 'every pod' : `all ${replicas} pods`;
  }
  return replicas !== undefined && replicas > 1 && maxUnavailable.amount >= replicas ? `all ${replicas} pods` : undefined;
}

/** A replacement for a key written in this map; a merged-in one belongs to its anchor. */
function ownScalarEdit(context: RuleContext, map: YAMLMap, pair: Pair<unknown, unknown>, text: string): OffsetEdit | undefined {
  return map.items.includes(pair) ? replaceScalar(context.text, pair.value, text) : undefined;
}

/** A percentage is a string: plain in block style, quoted in flow style and JSON. */
function percentText(value: string, pair: Pair<unknown, unknown>, map: YAMLMap): string {
  if (!value.endsWith('%')) return value;
  const quoted = isScalar(pair.value) && pair.value.type === 'QUOTE_SINGLE' ? `'${value}'` : `"${value}"`;
  return map.flow || (isScalar(pair.value) && pair.value.type !== 'PLAIN') ? quoted : value;
}

/** Both fixes change how the rollout behaves: offered, never applied on save. */
function fix(title: string, edit: OffsetEdit | undefined): OffsetFix[] {
  return edit ? [{ title, edits: [edit], fixAll: false }] : [];
}
