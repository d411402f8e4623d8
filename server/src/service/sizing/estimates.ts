/** The four estimates, by kind: what the CLI's `size` subcommand and the editor's request run. */
import { capacityEstimate } from './estimateCapacity';
import type { Estimate, EstimateOutcome } from './estimate';
import { runEstimateWith } from './estimate';
import { podsEstimate } from './estimatePods';
import { prometheusEstimate } from './estimatePrometheus';
import { seriesEstimate } from './estimateSeries';
import type { EstimateField, EstimateInputs, FieldDefault } from './fields';
import type { EstimateKind } from './report';
import type { SizingWorkspace } from './workspace';

export const ESTIMATES: Readonly<Record<EstimateKind, Estimate>> = {
  prometheus: prometheusEstimate,
  pods: podsEstimate,
  capacity: capacityEstimate,
  series: seriesEstimate,
};

export function isEstimateKind(kind: unknown): kind is EstimateKind {
  return typeof kind === 'string' && Object.hasOwn(ESTIMATES, kind);
}

export function runEstimate(
  kind: EstimateKind,
  inputs: EstimateInputs,
  workspace: SizingWorkspace,
  givenSource: (field: EstimateField) => string = () => 'given',
): EstimateOutcome {
  return runEstimateWith(ESTIMATES[kind], inputs, workspace, givenSource);
}

export interface FormField {
  name: string;
  label: string;
  type: EstimateField['type'];
  prompt: string;
  optional: boolean;
  /** What the estimate would use if the user leaves it: from the workspace or the fallback. */
  value: string;
  source: string;
}

/** The inputs of an estimate with their current defaults, for input boxes and the panel. */
export function estimateForm(kind: EstimateKind, workspace: SizingWorkspace, inputs: EstimateInputs = {}): FormField[] {
  const estimate = ESTIMATES[kind];
  const defaults: Record<string, FieldDefault> = estimate.defaults(workspace, inputs);
  return estimate.fields.map((field) => {
    const found = defaults[field.name];
    return {
      name: field.name,
      label: field.label,
      type: field.type,
      prompt: field.prompt,
      optional: field.optional === true,
      value: found?.value ?? field.fallback?.value ?? '',
      source: found?.source ?? (field.fallback ? `default: ${field.fallback.reason}` : ''),
    };
  });
}
