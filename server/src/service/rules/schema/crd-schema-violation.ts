/**
 * crd-schema-violation: a custom resource that the CustomResourceDefinition in the
 * workspace rejects: a version it does not serve, unknown fields, missing required ones,
 * wrong types, values outside an enum. Compares facts across files: the CRD may live
 * anywhere in the workspace.
 */
import { crdFacts } from '../../facts/crds';
import type { CrdFact } from '../../facts/crds';
import { customObjectFacts, fieldKey } from '../../facts/customObjects';
import type { CustomObjectFact } from '../../facts/customObjects';
import { crdSchemaSet } from '../../schema/crdSchema';
import { validateData } from '../../schema/validate';
import type { Violation } from '../../schema/validate';
import { defineWorkspaceRule } from '../api/ruleTypes';
import type { OffsetRange } from '../api/ruleTypes';
import { SCHEMA_MESSAGES, schemaMessage } from './schemaMessages';

export const crdSchemaViolation = defineWorkspaceRule(
  {
    id: 'crd-schema-violation',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Every custom resource matches the schema of the CustomResourceDefinition in the workspace that defines it.',
    why: 'The API server validates a custom resource against its CRD\'s openAPIV3Schema and rejects it on the first problem, so an operator never sees it: a ServiceMonitor with `endpoint` for `endpoints` or `interval: 30` for `"30s"` scrapes nothing, and only `kubectl apply` says why. With strict field validation (the default since Kubernetes 1.27) unknown fields are errors too, unless the schema preserves them.',
    remediation: 'Rename, retype or remove the field as the message says, using the fields of the CRD.',
    equivalents: [],
    messages: {
      ...SCHEMA_MESSAGES,
      versionNotServed: "The CustomResourceDefinition of {{kind}} does not serve version '{{version}}': use {{served}}.",
    },
    fixable: false,
    facts: [crdFacts, customObjectFacts],
  },
  (context) => {
    const crds = context.all(crdFacts);
    if (crds.length === 0) return;
    for (const object of context.inFile(customObjectFacts)) {
      // A workspace may hold several copies of a CRD (a vendored older one, say): the object
      // is judged by the copy that serves its version and accepts it best.
      const candidates = crds.filter((crd) => crd.group === object.group && crd.kind === object.kind && crd.versions.length > 0);
      if (candidates.length === 0) continue;
      let best: Violation[] | undefined;
      for (const crd of candidates) {
        const version = crd.versions.find((v) => v.name === object.version && v.served);
        const set = version
          ? crdSchemaSet({ group: crd.group, kind: crd.kind, version: version.name, schema: version.schema })
          : undefined;
        if (!set || object.data === undefined) {
          if (version) best = [];
          continue;
        }
        const violations = validateData(set, object.data);
        if (!best || violations.length < best.length) best = violations;
      }
      if (!best) {
        const served = [
          ...new Set(candidates.flatMap((crd) => crd.versions.filter((v) => v.served).map((v) => `${crd.group}/${v.name}`))),
        ];
        context.report({
          fact: object,
          at: location(object, { path: ['apiVersion'], part: 'value' }),
          messageId: 'versionNotServed',
          data: { kind: object.kind, version: object.version, served: served.join(' or ') || 'none' },
        });
        continue;
      }
      for (const violation of best) {
        const message = schemaMessage(violation.problem);
        context.report({
          fact: object,
          at: location(object, violation.target),
          messageId: message.messageId,
          data: message.data,
        });
      }
    }
  },
);

export function crdOf(crds: readonly CrdFact[], object: CustomObjectFact): CrdFact | undefined {
  return crds.find((crd) => crd.group === object.group && crd.kind === object.kind);
}

function location(object: CustomObjectFact, target: Violation['target']): OffsetRange {
  const fields = object.fields.at;
  const key = fieldKey(target.path);
  const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
  if (!field) return object.at;
  if (target.part === 'key') return field.key ?? field.value;
  if (target.part === 'firstKey') return field.firstKey ?? field.value;
  return field.value;
}
