/**
 * The shape of one estimate (fields, workspace defaults, run) and the entry point hosts
 * call: `runEstimate(kind, inputs, workspace)` resolves every input (given, from the
 * workspace, or a default), and returns the report or the errors per input.
 */
import type { EstimateField, EstimateInputs, FieldDefault, ResolvedInputs } from './fields';
import { resolveInputs } from './fields';
import type { EstimateKind, EstimateReport } from './report';
import type { SizingWorkspace } from './workspace';

export interface Estimate {
  kind: EstimateKind;
  title: string;
  /** One line for `kubewise size --help`. */
  summary: string;
  /** What the help says about where inputs come from, beyond the fields. */
  notes: string;
  fields: readonly EstimateField[];
  defaults(workspace: SizingWorkspace, inputs: EstimateInputs): Record<string, FieldDefault>;
  run(resolved: ResolvedInputs, workspace: SizingWorkspace): EstimateReport | { errors: Record<string, string> };
}

export type EstimateOutcome = { ok: true; report: EstimateReport } | { ok: false; errors: Record<string, string> };

export function runEstimateWith(
  estimate: Estimate,
  inputs: EstimateInputs,
  workspace: SizingWorkspace,
  givenSource: (field: EstimateField) => string,
): EstimateOutcome {
  const resolved = resolveInputs(estimate.fields, inputs, estimate.defaults(workspace, inputs), givenSource);
  if (!resolved.ok) return resolved;
  const report = estimate.run(resolved.resolved, workspace);
  if ('errors' in report) return { ok: false, errors: report.errors };
  report.assumptions = resolved.resolved.used.map(({ field, text, source }) => ({
    input: field.name,
    label: field.label,
    value: text,
    source,
  }));
  return { ok: true, report };
}

export function value<T>(resolved: ResolvedInputs, name: string): T | undefined {
  return resolved.values.get(name) as T | undefined;
}
