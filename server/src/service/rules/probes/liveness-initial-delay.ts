/**
 * A liveness probe that waits a long initialDelaySeconds, in a container with no
 * startupProbe: the pre-1.18 way of giving a slow starter room.
 *
 * Severity information, not warning: the manifest works as intended today, and the
 * finding is about a more robust pattern rather than a defect; warnings stay for what
 * is likely to cause an incident. The threshold is LONG_INITIAL_DELAY_SECONDS.
 */
import { isAlias, isCollection, isNode, isScalar, Scalar, visit } from 'yaml';
import type { Node, Pair } from 'yaml';
import { findPair, getMap, hasKey } from '../../document/yamlNodes';
import { insertIntoBlockMap } from '../api/fixes/insertIntoMap';
import { removeBlockPair } from '../api/fixes/removePair';
import { columnOf, contentLineEnd } from '../api/fixes/sourceLines';
import { allProbes, probeFieldNode, probeHandlers, probeSetting, writtenInProbe } from '../../kubernetes/probes';
import type { Probe } from '../../kubernetes/probes';
import { defineRule } from '../api/ruleTypes';
import type { OffsetFix, RuleContext } from '../api/ruleTypes';

/**
 * From 30 s on, the delay is three default periods or more: the author is budgeting for a
 * slow start, not for the first second of warm-up, which is what a startupProbe is for.
 */
export const LONG_INITIAL_DELAY_SECONDS = 30;

export const livenessInitialDelay = defineRule(
  {
    id: 'liveness-initial-delay',
    type: 'suggestion',
    defaultSeverity: 'information',
    scope: { workloads: true },
    description: `A container that needs a long time to start (a liveness initialDelaySeconds of ${LONG_INITIAL_DELAY_SECONDS} s or more) has a startupProbe.`,
    why: 'A long initialDelaySeconds is a guess at the slowest start, paid again on every restart. Too short, and a start slowed by a cold cache, a migration or a busy node is killed before it finishes, again and again: a crash loop that looks like an application bug. Too long, and a container that hangs early is left alone for the whole delay. A startupProbe checks the same endpoint during startup only, within a generous failureThreshold × periodSeconds budget, and hands over to the liveness probe as soon as it succeeds: fast starts are not held back, slow ones are not killed, and liveness no longer needs a delay.',
    remediation:
      'Move the startup allowance into a startupProbe with the same handler (failureThreshold × periodSeconds at least the old delay) and remove initialDelaySeconds from the livenessProbe.',
    equivalents: [],
    messages: {
      longDelay:
        "The livenessProbe of container '{{container}}' waits {{delay}} s before its first check, on every start and restart. A startupProbe gives a slow start room without delaying liveness, and without killing a start that runs late.",
    },
    fixable: true,
  },
  (context) => {
    const { doc } = context.object;
    for (const probe of allProbes(context.object, ['livenessProbe'])) {
      if (getMap(doc, probe.container.node, 'startupProbe')) continue;
      const delayPair = findPair(doc, probe.map, 'initialDelaySeconds');
      const delay = probeSetting(doc, probe.map, 'initialDelaySeconds');
      if (!delayPair || delay === undefined || delay < LONG_INITIAL_DELAY_SECONDS) continue;
      const fix = startupProbeFix(context, probe, delayPair, delay);
      context.report({
        node: probeFieldNode(probe, delayPair),
        messageId: 'longDelay',
        data: { container: probe.containerName, delay },
        container: probe.containerName,
        fixes: fix ? [fix] : [],
      });
    }
  },
);

/**
 * Adds a startupProbe with the liveness probe's handler and removes the delay.
 *
 * The budget: with the delay D, the liveness period P and failureThreshold F, the old
 * probe killed a container that had not answered by about D + (F - 1) × P (first check
 * at D, then F failures P apart). A startupProbe with period P and failureThreshold N
 * starts checking at once and gives up after (N - 1) × P. N = ceil(D / P) + F makes that
 * at least D + (F - 1) × P: the container gets at least as long to start as before, and
 * the probe is done as soon as it answers. The liveness timeout is kept too, so that a
 * slow but healthy answer does not count as a failure during startup.
 *
 * Only when the edit is knowable: block style throughout, a single handler written in
 * the probe itself (copied as text, so without anchors, aliases or block scalars, which
 * would not survive the copy), and values the probe owns.
 */
function startupProbeFix(
  context: RuleContext,
  probe: Probe,
  delayPair: Pair<unknown, unknown>,
  delay: number,
): OffsetFix | undefined {
  const { doc } = context.object;
  const { text } = context;
  const container = probe.container.node;
  const handlers = probeHandlers(doc, probe.map);
  const handler = handlers[0];
  if (handlers.length !== 1 || !handler || probe.map.flow || container.flow) return undefined;
  // `startupProbe:` left empty is no probe to the API, but a second key would be a duplicate.
  if (hasKey(doc, container, 'startupProbe')) return undefined;
  if (!container.items.includes(probe.pair) || !writtenInProbe(probe, delayPair) || !writtenInProbe(probe, handler.pair)) {
    return undefined;
  }
  const period = probeSetting(doc, probe.map, 'periodSeconds');
  const failureThreshold = probeSetting(doc, probe.map, 'failureThreshold');
  const timeout = probeSetting(doc, probe.map, 'timeoutSeconds');
  if (period === undefined || failureThreshold === undefined || timeout === undefined || period < 1 || failureThreshold < 1) {
    return undefined;
  }
  const handlerLines = copiedLines(text, probe, handler.pair);
  if (!handlerLines) return undefined;

  const budget = Math.ceil(delay / period) + failureThreshold;
  const timing = [
    ...(findPair(doc, probe.map, 'timeoutSeconds') ? [`timeoutSeconds: ${timeout}`] : []),
    `periodSeconds: ${period}`,
    `failureThreshold: ${budget}`,
  ];
  // The timing goes at the handler's column, which is the probe map's.
  const childIndent = /^ */.exec(handlerLines[0] ?? '')?.[0] ?? '';
  const lines = ['startupProbe:', ...handlerLines, ...timing.map((line) => `${childIndent}${line}`)];
  const removal = removeBlockPair(text, probe.map, delayPair);
  const insertion = insertIntoBlockMap(text, container, lines);
  if (!removal || !insertion) return undefined;
  // A change of how the container is probed, not a repair: offered, never applied on save.
  return { title: 'Convert initialDelaySeconds to a startupProbe', edits: [removal, insertion], fixAll: false };
}

function keyColumn(text: string, probe: Probe): number {
  return isNode(probe.pair.key) && probe.pair.key.range ? columnOf(text, probe.pair.key.range[0]) : -1;
}

/**
 * The handler's source lines, re-based on the probe key's column: the new startupProbe
 * sits at the same column as the livenessProbe, so the lines keep their layout and
 * comments. Undefined when a verbatim copy would not mean the same.
 */
function copiedLines(text: string, probe: Probe, handlerPair: Pair<unknown, unknown>): string[] | undefined {
  const base = keyColumn(text, probe);
  const key = handlerPair.key;
  const value = handlerPair.value;
  if (base < 0 || !isScalar(key) || !key.range || !isNode(value) || !copiesVerbatim(value)) return undefined;
  // The key must open its line (not follow `? ` or other text), or the re-basing is off.
  const column = columnOf(text, key.range[0]);
  if (column <= base || text.slice(key.range[0] - column, key.range[0]).trim() !== '') return undefined;
  const end = contentLineEnd(text, value);
  if (end === undefined) return undefined;
  const source = text.slice(key.range[0], end).split(/\r?\n/);
  const lines: string[] = [];
  for (const [index, line] of source.entries()) {
    if (index === 0) {
      lines.push(' '.repeat(column - base) + line);
      continue;
    }
    if (line.trim() === '') continue;
    if (line.slice(0, base).trim() !== '') return undefined;
    lines.push(line.slice(base));
  }
  return lines;
}

function copiesVerbatim(node: Node): boolean {
  if (!isCollection(node) && !isScalar(node)) return false;
  let verbatim = true;
  visit(node, (_key, item) => {
    if (!isNode(item)) return undefined;
    const blockScalar = isScalar(item) && (item.type === Scalar.BLOCK_LITERAL || item.type === Scalar.BLOCK_FOLDED);
    if (isAlias(item) || item.anchor || blockScalar) {
      verbatim = false;
      return visit.BREAK;
    }
    return undefined;
  });
  return verbatim;
}
