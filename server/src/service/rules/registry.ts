/**
 * Every rule, sorted by id. A test keeps this list in step with the files in this
 * folder and with docs/rules/.
 */
import { engineDiagnostics } from '../engine/engineDiagnostics';
import { cpuUnitSlip } from './cpu-unit-slip';
import { imageTagNotPinned } from './image-tag-not-pinned';
import { invalidQuantity } from './invalid-quantity';
import { limitrangeInconsistent } from './limitrange-inconsistent';
import { livenessInitialDelay } from './liveness-initial-delay';
import { livenessSameAsReadiness } from './liveness-same-as-readiness';
import { memoryDecimalSuffix } from './memory-decimal-suffix';
import { memoryUnitSlip } from './memory-unit-slip';
import { missingLivenessProbe } from './missing-liveness-probe';
import { missingPodDisruptionBudget } from './missing-pod-disruption-budget';
import { missingReadinessProbe } from './missing-readiness-probe';
import { missingResources } from './missing-resources';
import { podExceedsNode } from './pod-exceeds-node';
import { prestopSleepExceedsGrace } from './prestop-sleep-exceeds-grace';
import { probeHandlerCount } from './probe-handler-count';
import { probePortUndeclared } from './probe-port-undeclared';
import { probeSuccessThreshold } from './probe-success-threshold';
import { probeTimeoutExceedsPeriod } from './probe-timeout-exceeds-period';
import { quotaExceeded } from './quota-exceeded';
import { quotaRequiresRequests } from './quota-requires-requests';
import { replicasWithoutReadiness } from './replicas-without-readiness';
import { requestExceedsLimit } from './request-exceeds-limit';
import { rolloutMaxUnavailableAll } from './rollout-max-unavailable-all';
import { selectorMismatch } from './selector-mismatch';
import type { Rule, RuleMeta } from './types';

export const rules: readonly Rule[] = [
  cpuUnitSlip,
  imageTagNotPinned,
  invalidQuantity,
  limitrangeInconsistent,
  livenessInitialDelay,
  livenessSameAsReadiness,
  memoryDecimalSuffix,
  memoryUnitSlip,
  missingLivenessProbe,
  missingPodDisruptionBudget,
  missingReadinessProbe,
  missingResources,
  podExceedsNode,
  prestopSleepExceedsGrace,
  probeHandlerCount,
  probePortUndeclared,
  probeSuccessThreshold,
  probeTimeoutExceedsPeriod,
  quotaExceeded,
  quotaRequiresRequests,
  replicasWithoutReadiness,
  requestExceedsLimit,
  rolloutMaxUnavailableAll,
  selectorMismatch,
];

/** Rules and engine diagnostics alike: everything that can carry a rule id. */
export const allRuleMetas: readonly RuleMeta[] = [...rules.map((rule) => rule.meta), ...engineDiagnostics].sort((a, b) =>
  a.id.localeCompare(b.id),
);

export const allRuleIds: ReadonlySet<string> = new Set(allRuleMetas.map((meta) => meta.id));

const byId = new Map(allRuleMetas.map((meta) => [meta.id, meta]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id);
}
