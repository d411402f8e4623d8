/**
 * schema-violation: a built-in object that the API server's validation rejects, judged by
 * the official OpenAPI schema of its kind: unknown fields (strict field validation),
 * missing required fields, wrong types, int-or-string values of another type, and values
 * outside an enum. Quantities are left to invalid-quantity, which knows their grammar.
 */
import { boundedData } from '../../document/boundedData';
import { isOnRemovedApi } from '../../kubernetes/removedApis';
import { builtinSchema } from '../../schema/builtinSchemas';
import { siblingKeyExists, targetNode } from '../../schema/targetNodes';
import { validateData } from '../../schema/validate';
import { replaceScalar } from '../api/fixes/replaceScalar';
import { defineRule } from '../api/ruleTypes';
import { labelValueNodes } from './labelValues';
import { quotedLike } from './quoting';
import type { OffsetFix } from '../api/ruleTypes';
import { SCHEMA_MESSAGES, schemaMessage } from './schemaMessages';

export const schemaViolation = defineRule(
  {
    id: 'schema-violation',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { all: true },
    description: 'Every field of a built-in object is one its kind defines, with the type and values the API accepts.',
    why: 'The API server validates every object against its kind\'s schema and rejects the whole object on the first problem: `kubectl apply` fails, and a GitOps sync stops there. Since Kubernetes 1.27 kubectl asks for strict field validation, so an unknown field is an error too, not a silent no-op; before that a misspelt `readinessprobe` was dropped without a word, and the pod ran without the probe its author wrote. Types are strict as well: `replicas: "3"` is a string, not a number.',
    remediation: 'Rename, retype or remove the field as the message says, using the names `kubectl explain` shows.',
    equivalents: [],
    messages: SCHEMA_MESSAGES,
    fixable: true,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: ['missingField'],
  },
  (context) => {
    const { object } = context;
    if (isOnRemovedApi(object.ref)) return;
    // A document YAML cannot read is reported once, by yaml-syntax: what the parser made of
    // the broken line (`clusterIP: {PREFIX}.16` read as a map) is not what its author meant.
    if (object.doc.errors.length > 0) return;
    const schema = builtinSchema(object.ref.apiVersion, object.ref.kind);
    if (!schema) return;
    const data = boundedData(object.doc, object.root);
    if (data === undefined) return;
    const labelValues = labelValueNodes(object);
    for (const violation of validateData(schema, data)) {
      const node = targetNode(object.doc, object.root, violation.target);
      if (!node) continue;
      if (violation.problem.kind === 'wrongType' && labelValues.has(node)) continue; // invalid-label's
      const message = schemaMessage(violation.problem);
      const fixes: OffsetFix[] = [];
      const renamesOntoSibling =
        violation.target.part === 'key' &&
        message.replacement !== undefined &&
        siblingKeyExists(object.doc, object.root, violation.target, message.replacement);
      const edit =
        message.replacement && !renamesOntoSibling
          ? replaceScalar(context.text, node, quotedLike(node, message.replacement))
          : undefined;
      if (edit && message.replacement) {
        // A renamed field starts to take effect, so the fix changes what the manifest asks for.
        fixes.push({ title: `Change to '${message.replacement}'`, edits: [edit], fixAll: false });
      }
      context.report({ node, messageId: message.messageId, data: message.data, fixes });
    }
  },
);
