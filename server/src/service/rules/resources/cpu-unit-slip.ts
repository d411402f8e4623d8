/**
 * cpu-unit-slip: a CPU amount for one pod or container that is almost surely a unit
 * slip: hundreds of whole cores (`cpu: 500`, meant `500m`), mega-cores (`500M`), or a
 * precision finer than the 1m step Kubernetes works in (`0.0005`, `100u`).
 */
import { NANOS_PER_UNIT } from '../../kubernetes/quantity';
import { describeCpu, exactDecimal } from '../../kubernetes/quantityWords';
import type { ParsedField } from './quantityChecks';
import {
  ceilMillicores,
  changeTo,
  containerOf,
  exactQuantities,
  limitRangeSection,
  sizesOnePod,
  someFixes,
} from './quantityChecks';
import { defineRule } from '../api/ruleTypes';
import type { RuleContext } from '../api/ruleTypes';
import type { KubeObject } from '../../kubernetes/objects';

/**
 * From this many CPUs up, an amount for one container or pod is taken for a missing `m`.
 * The largest machines offered by the big clouds have 192 to 384 vCPUs, and a container
 * asking for a large share of one is rare; `cpu: 100` to `cpu: 1000` are what the most
 * common requests, `100m` to `1000m`, look like when the `m` is lost. Below this (`cpu:
 * 64`, `cpu: 96`), real HPC and ML pods exist, so the rule stays quiet.
 */
export const IMPLAUSIBLE_CPUS = 100n;

const NANOS_PER_MILLI = NANOS_PER_UNIT / 1000n;

export const cpuUnitSlip = defineRule(
  {
    id: 'cpu-unit-slip',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { all: true },
    description: 'A CPU amount for a pod or container is not a unit slip (whole cores for millicores, or finer than 1m).',
    why: 'A CPU quantity without a suffix counts whole cores: `cpu: 500` asks for 500 CPUs, not half of one. The API accepts it, and the pod then waits in `Pending` forever because no node has 500 CPUs (with a cluster autoscaler, it may first try to add nodes for it). `500M` is the same slip in the other direction: `M` is mega, `m` is milli. And Kubernetes does not allow CPU precision finer than 1m: the scheduler and kubelet round `0.0005` or `100u` up to the next whole millicore, so what the container gets is not what was written.',
    remediation:
      'Write CPU as millicores with a lowercase m (250m, 1500m) or as a small number of cores (0.25, 1.5), in steps of 1m.',
    equivalents: [],
    messages: {
      plainCores:
        "'{{text}}' asks for {{cpus}} CPUs: a CPU quantity without a suffix counts whole cores. Did you mean '{{suggestion}}' ({{suggestionWords}})?",
      megaCores:
        "'{{text}}' asks for {{cpus}} CPUs: M is mega (a million), m is milli. Did you mean '{{suggestion}}' ({{suggestionWords}})?",
      implausible:
        "'{{text}}' asks for {{cpus}} CPUs, far more than one container or pod gets: check the unit (whole cores, or millicores with m).",
      tooFine: "'{{text}}' is finer than 1m, the smallest CPU step: the scheduler and kubelet round it up to {{rounded}}.",
    },
    fixable: true,
  },
  (context) => {
    for (const parsed of exactQuantities(context.object)) {
      const { field, quantity } = parsed;
      if (field.resource !== 'cpu' || quantity.nanos <= 0n || !sizesOnePod(context.object, field)) continue;
      if (isCpuSlip(context.object, parsed)) reportLarge(context, parsed);
      else if (quantity.nanos % NANOS_PER_MILLI !== 0n) reportTooFine(context, parsed);
    }
  },
);

/**
 * An amount this rule reports as far too large (a lost `m`, mega-cores): pod-exceeds-node
 * does not count it again. A LimitRange max far above any container is a legitimate "no real cap".
 */
export function isCpuSlip(object: KubeObject, { field, quantity }: ParsedField): boolean {
  if (field.resource !== 'cpu' || quantity.nanos <= 0n || !sizesOnePod(object, field)) return false;
  return quantity.nanos >= IMPLAUSIBLE_CPUS * NANOS_PER_UNIT && limitRangeSection(object, field) !== 'max';
}

function reportLarge(context: RuleContext, { field, text, quantity }: ParsedField): void {
  const cpus = exactDecimal(quantity.nanos);
  const where = { node: field.value ?? field.pair, ...containerOf(context.object, field) };
  // Only a whole number lost its m for sure; `150.5` or `2k` are not a slip we can undo.
  const slip = /^\+?\d+$/.test(quantity.number) && (quantity.suffix === '' || quantity.suffix === 'M');
  if (!slip) {
    context.report({ ...where, messageId: 'implausible', data: { text, cpus } });
    return;
  }
  const suggestion = `${quantity.number.replace(/^\+/, '')}m`;
  const millis = BigInt(suggestion.slice(0, -1));
  context.report({
    ...where,
    messageId: quantity.suffix === 'M' ? 'megaCores' : 'plainCores',
    data: { text, cpus, suggestion, suggestionWords: describeCpu(millis * NANOS_PER_MILLI) },
    fixes: someFixes(changeTo(context, field, suggestion, { changesMeaning: true })),
  });
}

/** The fix writes the millicores Kubernetes already uses, so fix-all may apply it. */
function reportTooFine(context: RuleContext, { field, text, quantity }: ParsedField): void {
  const rounded = `${ceilMillicores(quantity.nanos)}m`;
  context.report({
    node: field.value ?? field.pair,
    messageId: 'tooFine',
    data: { text, rounded },
    fixes: someFixes(changeTo(context, field, rounded)),
    ...containerOf(context.object, field),
  });
}
