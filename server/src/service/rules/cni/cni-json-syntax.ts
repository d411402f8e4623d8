/**
 * JSON syntax as the runtime reads it: each mistake where it is, with the repair when it
 * is certain (a trailing comma, a comment, single quotes, True for true, a missing comma).
 * After a mistake the rest cannot be read past, nothing more is reported.
 */
import { cniConfigs } from '../../cni/cniDocument';
import { defineDocumentRule } from '../api/ruleTypes';
import type { OffsetFix } from '../api/ruleTypes';

const REPAIR_TITLES: Readonly<Record<string, string>> = {
  bom: 'Remove the byte-order mark',
  comment: 'Remove the comment',
  'trailing-comma': 'Remove the trailing comma',
  'missing-comma': 'Insert the missing comma',
  'single-quote': 'Use double quotes',
  'unquoted-key': 'Quote the key',
  'bare-word': 'Write it in lowercase',
};

export const cniJsonSyntax = defineDocumentRule(
  {
    id: 'cni-json-syntax',
    type: 'problem',
    defaultSeverity: 'error',
    documents: cniConfigs,
    description: 'A CNI network configuration is strict JSON: no comments, trailing commas, single quotes or bare words.',
    why: 'CNI runtimes (containerd, CRI-O, podman, Multus) read network configurations with Go’s encoding/json, which accepts nothing but strict JSON. One trailing comma or comment and the runtime refuses the whole file: the node reports "network plugin is not ready: cni config uninitialized", and no pod on it gets a network. YAML-aware tools read the same text happily, so the mistake survives review and CI.',
    remediation:
      'Write the configuration as strict JSON: remove comments and trailing commas, and use double quotes and lowercase true, false and null.',
    equivalents: [],
    messages: {
      lenient: '{{detail}} The runtime’s JSON decoder refuses the whole configuration.',
      fatal: '{{detail}} The runtime refuses the configuration; nothing after this point was checked.',
    },
    fixable: true,
  },
  (context) => {
    for (const problem of context.document.json.problems) {
      if (problem.kind === 'duplicate-key') continue;
      const fixes: OffsetFix[] = [];
      const title = REPAIR_TITLES[problem.kind];
      if (problem.repair && title) fixes.push({ title, edits: [problem.repair] });
      context.report({
        at: [problem.start, problem.end],
        messageId: problem.fatal ? 'fatal' : 'lenient',
        data: { detail: problem.message },
        fixes,
      });
    }
  },
);
