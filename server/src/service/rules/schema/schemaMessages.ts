/** Messages of the schema rules, shared by built-in kinds and custom resources, chosen by problem. */
import type { Problem } from '../../schema/validate';

export const SCHEMA_MESSAGES = {
  unknownField: "'{{field}}' is not a field of {{owner}}: the API server rejects unknown fields.",
  unknownFieldDidYouMean: "'{{field}}' is not a field of {{owner}}. Did you mean '{{suggestion}}'?",
  unknownFieldOfSibling: "'{{field}}' is not a field of {{owner}}: it is one of {{siblings}}.",
  missingField: "{{owner}} requires '{{field}}'.",
  wrongType: "'{{field}}' must be {{expected}}, not {{actual}}.",
  wrongIntOrString:
    "'{{field}}' must be an integer or a string (such as a port number or name, or a percentage), not {{actual}}.",
  badEnum: "'{{value}}' is not a valid {{field}}: use one of {{allowed}}.",
  badEnumDidYouMean: "'{{value}}' is not a valid {{field}}. Did you mean '{{suggestion}}'? (One of {{allowed}}.)",
} as const;

export interface SchemaMessage {
  messageId: keyof typeof SCHEMA_MESSAGES;
  data: Record<string, string>;
  /** The replacement text a "did you mean" fix writes, for the key or the value. */
  replacement?: string;
}

export function schemaMessage(problem: Problem): SchemaMessage {
  switch (problem.kind) {
    case 'unknownField':
      if (problem.suggestion) {
        return {
          messageId: 'unknownFieldDidYouMean',
          data: { field: problem.field, owner: problem.owner, suggestion: problem.suggestion },
          replacement: problem.suggestion,
        };
      }
      if (problem.siblings) {
        return {
          messageId: 'unknownFieldOfSibling',
          data: { field: problem.field, owner: problem.owner, siblings: list(problem.siblings, 'and') },
        };
      }
      return { messageId: 'unknownField', data: { field: problem.field, owner: problem.owner } };
    case 'missingField':
      return { messageId: 'missingField', data: { field: problem.field, owner: problem.owner } };
    case 'wrongType':
      return {
        messageId: problem.intOrString ? 'wrongIntOrString' : 'wrongType',
        data: { field: problem.field, expected: problem.expected, actual: problem.actual },
      };
    case 'badEnum': {
      const allowed = list(problem.allowed, 'or');
      if (problem.suggestion) {
        return {
          messageId: 'badEnumDidYouMean',
          data: { field: problem.field, value: problem.value, allowed, suggestion: problem.suggestion },
          replacement: problem.suggestion,
        };
      }
      return { messageId: 'badEnum', data: { field: problem.field, value: problem.value, allowed } };
    }
  }
}

function list(items: readonly string[], last: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}
