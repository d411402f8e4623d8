/**
 * Values the reference plugins cannot read: the wrong JSON type (`"mtu": "1500"`), a
 * boolean written as another string than "true"/"false", a mode that does not exist, a
 * number out of range (a VLAN id, portmap's mark bit), an empty list that must have
 * entries. From the schema (schemas/cni-config.schema.json), via schemaProblems.ts.
 * Third-party plugins' own keys are theirs: only the keys every plugin shares are judged.
 */
import { cniConfigs } from '../../cni/cniDocument';
import { nearestName } from '../../document/nearestName';
import { defineDocumentRule } from '../api/ruleTypes';
import type { OffsetFix } from '../api/ruleTypes';
import { describeJsonType, nodeOf, readableConfig } from './cniRule';
import type { ReadableConfig } from './cniRule';
import { replaceValue } from './jsonEdits';
import { ownerOf, schemaProblems } from './schemaProblems';
import type { SchemaProblem } from './schemaProblems';

export const cniInvalidValue = defineDocumentRule(
  {
    id: 'cni-invalid-value',
    type: 'problem',
    defaultSeverity: 'error',
    documents: cniConfigs,
    description: 'Every value a reference CNI plugin reads has the type, the range and one of the values the plugin accepts.',
    why: 'A plugin decodes its config into typed Go fields: "mtu": "1500" (a string for a number) or "isGateway": "yes" fails the decoding, and the plugin refuses every ADD, so pods on the node stay in ContainerCreating with "failed to set up sandbox". A mode that does not exist, a VLAN id above 4094 or a mark bit above 31 is refused the same way, only when the first pod arrives.',
    remediation:
      'Write the value as the plugin documents it: numbers without quotes, true or false, one of the listed modes, within its range.',
    equivalents: [],
    messages: {
      wrongType: '{{key}} ({{owner}}) is {{expected}}, not {{actual}}: the plugin’s JSON decoder refuses the config.',
      numberAsString:
        '{{key}} ({{owner}}) is a number: write {{value}} without quotes; the plugin’s JSON decoder refuses a string here.',
      notBoolean: '{{key}} ({{owner}}) is true or false; "{{value}}" is neither, and the plugin refuses the config.',
      notOneOf: '{{key}} ({{owner}}) is one of {{allowed}}; "{{value}}" is not.',
      outOfRange: '{{key}} ({{owner}}) is {{bounds}}; {{value}} is not.',
      empty: '{{key}} ({{owner}}) is empty: it needs at least one entry.',
    },
    fixable: true,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    for (const problem of schemaProblems(config)) {
      if (problem.keyword === 'required') continue;
      const report = describe(config, problem);
      if (report) context.report({ node: nodeOf(problem.node), ...report });
    }
  },
);

type Described = { messageId: string; data: Record<string, string | number>; fixes?: OffsetFix[] };

function describe(config: ReadableConfig, problem: SchemaProblem): Described | undefined {
  const owner = ownerOf(config, problem.path);
  const base = { key: problem.key, owner };
  const value = problem.value;
  const boolean = isBooleanField(problem.schema);
  switch (problem.keyword) {
    case 'type': {
      const expected = boolean ? 'true or false' : expectedType(problem.schema.type);
      if (typeof value === 'string' && /^-?[0-9]+$/.test(value.trim()) && problem.schema.type === 'integer') {
        const edit = replaceValue(problem.node, value.trim());
        return {
          messageId: 'numberAsString',
          data: { ...base, value: value.trim() },
          fixes: edit ? [{ title: `Write ${value.trim()} as a number`, edits: [edit] }] : [],
        };
      }
      return { messageId: 'wrongType', data: { ...base, expected, actual: describeJsonType(value) } };
    }
    case 'enum': {
      if (boolean) {
        const lower = typeof value === 'string' ? value.trim().toLowerCase() : '';
        const edit = lower === 'true' || lower === 'false' ? replaceValue(problem.node, lower) : undefined;
        return {
          messageId: 'notBoolean',
          data: { ...base, value: String(value) },
          fixes: edit ? [{ title: `Write ${lower}`, edits: [edit] }] : [],
        };
      }
      const allowed = (problem.schema.enum ?? []).map(String);
      const suggestion = typeof value === 'string' ? nearestName(value, allowed) : undefined;
      const edit = suggestion ? replaceValue(problem.node, JSON.stringify(suggestion)) : undefined;
      return {
        messageId: 'notOneOf',
        data: { ...base, value: String(value), allowed: allowed.join(', ') },
        fixes: suggestion && edit ? [{ title: `Change to "${suggestion}"`, edits: [edit], fixAll: false }] : [],
      };
    }
    case 'minimum':
    case 'maximum': {
      const { minimum, maximum } = problem.schema;
      const bounds =
        minimum !== undefined && maximum !== undefined
          ? `from ${minimum} to ${maximum}`
          : minimum !== undefined
            ? `at least ${minimum}`
            : `at most ${maximum}`;
      return { messageId: 'outOfRange', data: { ...base, bounds, value: String(value) } };
    }
    case 'minItems':
      return { messageId: 'empty', data: base };
    default:
      return undefined;
  }
}

function isBooleanField(schema: { enum?: readonly unknown[] }): boolean {
  const values = schema.enum ?? [];
  return values.includes(true) && values.includes('true');
}

function expectedType(type: string | string[] | undefined): string {
  switch (Array.isArray(type) ? type[0] : type) {
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    default:
      return 'another type';
  }
}
