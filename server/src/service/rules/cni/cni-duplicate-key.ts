/** A key written twice in one object of a CNI config: the runtime keeps the last one. */
import { cniConfigs } from '../../cni/cniDocument';
import { defineDocumentRule } from '../api/ruleTypes';

export const cniDuplicateKey = defineDocumentRule(
  {
    id: 'cni-duplicate-key',
    type: 'problem',
    defaultSeverity: 'warning',
    documents: cniConfigs,
    description: 'No key is written twice in one object of a CNI network configuration.',
    why: 'Go’s JSON decoder, which CNI runtimes and plugins use, silently keeps the last of two equal keys. A second "mtu" or "ipam" added at the end of a long config quietly replaces the first, and whoever reads the file from the top sees a value that is not in effect.',
    remediation: 'Keep one of the two keys: the value that should be in effect.',
    equivalents: [],
    messages: {
      duplicate: '"{{key}}" is written twice in this object: the runtime keeps this value and ignores the one above.',
    },
    fixable: false,
  },
  (context) => {
    const { text, json } = context.document;
    for (const problem of json.problems) {
      if (problem.kind !== 'duplicate-key') continue;
      const key = text.slice(problem.start, problem.end).replace(/^["']|["']$/g, '');
      context.report({ at: [problem.start, problem.end], messageId: 'duplicate', data: { key } });
    }
  },
);
