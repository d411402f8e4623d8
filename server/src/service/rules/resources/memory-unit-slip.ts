/**
 * memory-unit-slip: a memory or storage amount that is almost surely a unit slip: the
 * milli suffix (`512m`, a fraction of a byte, meant `512Mi`), or, for one pod or
 * container, so few bytes that no process can start (`memory: 512`, meant `512Mi`).
 */
import { exactDecimal } from '../../kubernetes/quantityWords';
import { changeTo, containerOf, exactQuantities, memorySlip, someFixes } from './quantityChecks';
import type { ParsedField } from './quantityChecks';
import { defineRule } from '../api/ruleTypes';
import type { OffsetFix, RuleContext } from '../api/ruleTypes';

/**
 * A suffix-less number up to this is taken for mebibytes or gibibytes that lost their
 * unit (`512` → `512Mi`); a larger one (`1000000`) was written as bytes on purpose, and
 * which unit it lost is not knowable.
 */
const LARGEST_GUESSABLE = 65_536n;
/** Below this, sizes are usually written in Gi (`2Gi`, `16Gi`); from it up, in Mi (`64Mi`, `512Mi`). */
const SMALLEST_USUAL_MEBIBYTES = 32n;

export const memoryUnitSlip = defineRule(
  {
    id: 'memory-unit-slip',
    type: 'problem',
    defaultSeverity: 'warning',
    scope: { all: true },
    description: 'A memory or storage amount is not a unit slip (m for Mi, or bytes for mebibytes).',
    why: '`m` means milli, not mega or mebi: `memory: 512m` is 0.512 bytes, and a memory quantity without a suffix counts bytes, so `memory: 512` is 512 bytes. The API accepts both. As a limit, no container can start in that little memory: the runtime refuses it or the process is OOM-killed at once, and the pod restarts in a loop. As a request, the scheduler reserves next to nothing for the pod, so it lands on nodes without room for it and is the first evicted under memory pressure. `Mi` (mebibytes) and `Gi` (gibibytes) are what was meant.',
    remediation: 'Write memory and storage with a binary suffix, such as 512Mi or 2Gi.',
    equivalents: [],
    messages: {
      milli: "'{{text}}' is {{bytes}}: m means milli (a thousandth). Did you mean '{{suggestion}}'?",
      tooSmallDidYouMean:
        "'{{text}}' is {{bytes}}, too little for any container to start (under 1 MiB): memory without a suffix counts bytes. Did you mean '{{suggestion}}'?",
      tooSmall: "'{{text}}' is {{bytes}}, too little for any container to start (under 1 MiB).",
    },
    fixable: true,
  },
  (context) => {
    for (const parsed of exactQuantities(context.object)) {
      const slip = memorySlip(context.object, parsed);
      if (slip === 'milli') reportMilli(context, parsed);
      else if (slip === 'tooSmall') reportTooSmall(context, parsed);
    }
  },
);

function reportMilli(context: RuleContext, { field, text, quantity }: ParsedField): void {
  const suggestion = `${quantity.number.replace(/^\+/, '')}Mi`;
  context.report({
    node: field.value ?? field.pair,
    messageId: 'milli',
    data: { text, bytes: `${exactDecimal(quantity.nanos)} bytes`, suggestion },
    fixes: someFixes(changeTo(context, field, suggestion, { changesMeaning: true })),
    ...containerOf(context.object, field),
  });
}

function reportTooSmall(context: RuleContext, { field, text, quantity }: ParsedField): void {
  const where = { node: field.value ?? field.pair, ...containerOf(context.object, field) };
  const bytes = `${exactDecimal(quantity.nanos)} bytes`;
  const whole = /^\+?\d+$/.test(quantity.number) && quantity.suffix === '' ? BigInt(quantity.number) : undefined;
  if (whole === undefined || whole > LARGEST_GUESSABLE) {
    context.report({ ...where, messageId: 'tooSmall', data: { text, bytes } });
    return;
  }
  const units = whole < SMALLEST_USUAL_MEBIBYTES ? ['Gi', 'Mi'] : ['Mi', 'Gi'];
  const suggestions = units.map((unit) => `${whole}${unit}`);
  const fixes: OffsetFix[] = someFixes(
    ...suggestions.map((suggestion) => changeTo(context, field, suggestion, { changesMeaning: true })),
  );
  context.report({ ...where, messageId: 'tooSmallDidYouMean', data: { text, bytes, suggestion: suggestions[0] ?? '' }, fixes });
}
