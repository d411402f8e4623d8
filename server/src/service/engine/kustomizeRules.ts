/**
 * Kustomize in the pipeline, after the per-document cache: the rules on kustomization
 * files (scope 'kustomization'), and what a file's place in a kustomization tree
 * changes about its own findings. A patch is partial by nature (a strategic merge patch
 * that sets only `replicas` has no containers), so what an object lacks is not reported
 * on it; what it says is still checked.
 */
import { rules } from '../rules/registry';
import type { Report } from '../rules/api/ruleTypes';
import { parseChunk } from '../document/parseChunk';
import { readKustomization } from '../kustomize/kustomization';
import { NO_INPUTS } from '../kustomize/inputs';
import type { KustomizeRole } from '../kustomize/inputs';
import { locatorOf } from '../core/ranges';
import type { Locate } from '../core/ranges';
import type { Finding } from '../core/types';
import { crashFinding, findingOfReport } from './lintChunk';
import type { ChunkResult } from './lintChunk';

const kustomizationRules = rules.filter((rule) => rule.meta.scope === 'kustomization' && rule.checkKustomization);
const patchFileRules = rules.filter((rule) => rule.meta.scope === 'kustomization' && rule.checkPatchFile);

/** Findings of the kustomization rules on the documents that are kustomizations; ranges relative to the file. */
export function runKustomizationRules(
  results: readonly { result: ChunkResult; startLine: number; text: string }[],
  role: KustomizeRole | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const named = role?.named === true && results.length === 1;
  for (const { result, startLine, text } of results) {
    if (!result.usable) continue;
    // The cache keeps no trees (lintChunk.ts): a kustomization's document, small, is parsed again.
    const reads = result.kustomization === 'declared' || (named && result.kustomization === 'ifNamed');
    const doc = reads ? parseChunk(text).doc : undefined;
    const kustomization = doc ? readKustomization(doc, named) : undefined;
    const locate = locatorOf(result.lines, startLine);
    if (!kustomization) {
      if (role?.patchTargets?.length) findings.push(...patchFileFindings(role.patchTargets, text, locate));
      continue;
    }
    for (const rule of kustomizationRules) {
      const report = (r: Report): void => {
        findings.push(findingOfReport(rule.meta, r, locate));
      };
      try {
        rule.checkKustomization?.({ kustomization, inputs: role?.inputs ?? NO_INPUTS, text, report });
      } catch (error) {
        findings.push(crashFinding(rule.meta.id, error, undefined, locate));
      }
    }
  }
  return findings;
}

/** Findings of the rules that judge a document of a patch file by the targets its kustomizations give it. */
function patchFileFindings(targets: KustomizeRole['patchTargets'] & object, text: string, locate: Locate): Finding[] {
  const findings: Finding[] = [];
  for (const rule of patchFileRules) {
    const report = (r: Report): void => {
      findings.push(findingOfReport(rule.meta, r, locate));
    };
    try {
      rule.checkPatchFile?.({ targets, text, report });
    } catch (error) {
      findings.push(crashFinding(rule.meta.id, error, undefined, locate));
    }
  }
  return findings;
}

/** Whether a document's finding stands, given the file's place in a kustomization tree. */
export function keptInKustomization(result: ChunkResult, finding: Finding, role: KustomizeRole | undefined): boolean {
  if (!role) return true;
  const field = result.completeness.get(finding);
  if (field === undefined) return true;
  if (role.partial) return false;
  return !(field !== '' && role.fills?.includes(field));
}
