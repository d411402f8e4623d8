/** A parse problem as a finding: the same mapping for manifests and for `.kubewise.yaml`. */
import { yamlAliasBomb, yamlLenientSyntax, yamlSyntax } from '../core/engineDiagnostics';
import { createFinding } from '../core/findings';
import type { Locate } from '../core/ranges';
import type { RuleMeta } from '../core/ruleMeta';
import type { Finding } from '../core/types';
import type { ParseProblem } from './parseChunk';

const PROBLEM_MESSAGES: Readonly<Record<ParseProblem['kind'], { meta: RuleMeta; messageId: string }>> = {
  syntax: { meta: yamlSyntax, messageId: 'syntax' },
  'duplicate-key': { meta: yamlSyntax, messageId: 'duplicateKey' },
  'parser-failure': { meta: yamlSyntax, messageId: 'parserFailure' },
  'too-deep': { meta: yamlSyntax, messageId: 'tooDeep' },
  'alias-bomb': { meta: yamlAliasBomb, messageId: 'aliasBomb' },
  'go-yaml-leniency': { meta: yamlLenientSyntax, messageId: 'shallowQuotedScalar' },
};

export function problemFinding(problem: ParseProblem, locate: Locate): Finding {
  const { meta, messageId } = PROBLEM_MESSAGES[problem.kind];
  return createFinding(meta, {
    messageId,
    data: { detail: problem.message },
    range: locate(problem.start, problem.end),
    fixes: problem.fix ? [problem.fix] : undefined,
    locate,
  });
}
